package dev.commandcenter.notifier.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Who is on call in a schedule, from its definition alone: overrides win over every layer (among
 * overlapping overrides the one listed last, the newest, wins); otherwise the highest layer that has
 * somebody (layers are listed lowest first); otherwise nobody. Pure: no clock, no database, so the
 * rules are tested in milliseconds.
 */
public final class ScheduleCalculator {
    private final ZoneId zone;
    private final List<Rotation> rotations;
    private final List<Cover> overrides;

    public ScheduleCalculator(ZoneId zone, List<Layer> layers, List<Cover> overrides) {
        this.zone = zone;
        this.rotations = layers.stream().map(layer -> new Rotation(layer, zone)).toList();
        this.overrides = List.copyOf(overrides);
    }

    /** Who is on call at {@code at}, and why; a shift of one instant (end = start), or nobody. */
    public Shift at(Instant at) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (overrides.get(i).covers(at)) {
                return new Shift(overrides.get(i).userId(), at, at, Shift.OVERRIDE);
            }
        }
        for (int layer = rotations.size() - 1; layer >= 0; layer--) {
            String user = rotations.get(layer).onCallAt(at);
            if (user != null) {
                return new Shift(user, at, at, layer);
            }
        }
        return new Shift(null, at, at, 0);
    }

    /**
     * The shifts from {@code from} to {@code to}, in order, without gaps: consecutive stretches of the
     * same person are one shift (a hand-off to oneself is no hand-off) unless one is an override, which
     * stays visible as such; stretches of nobody are shifts with a null user. The first starts at
     * {@code from} and the last ends at {@code to}, cut there.
     */
    public List<Shift> between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        TreeSet<Instant> changes = new TreeSet<>();
        changes.add(from);
        rotations.forEach(rotation -> changes.addAll(rotation.changesBetween(from, to)));
        for (Cover cover : overrides) {
            addInside(changes, cover.start(), from, to);
            addInside(changes, cover.end(), from, to);
        }
        // Local times repeat across a fall-back overlap: evaluate again where the offset changes.
        for (ZoneOffsetTransition t = zone.getRules().nextTransition(from); t != null
                && t.getInstant().isBefore(to); t = zone.getRules().nextTransition(t.getInstant())) {
            changes.add(t.getInstant());
        }
        changes.add(to);
        List<Shift> shifts = new ArrayList<>();
        Instant start = null;
        for (Instant change : changes) {
            if (start != null) {
                Shift here = at(start);
                Shift piece = new Shift(here.userId(), start, change, here.layer());
                int last = shifts.size() - 1;
                if (last >= 0 && Objects.equals(shifts.get(last).userId(), piece.userId())
                        && shifts.get(last).override() == piece.override()) {
                    shifts.set(last, shifts.get(last).until(change));
                } else {
                    shifts.add(piece);
                }
            }
            start = change;
        }
        return shifts;
    }

    private static void addInside(TreeSet<Instant> changes, Instant at, Instant from, Instant to) {
        if (at.isAfter(from) && at.isBefore(to)) {
            changes.add(at);
        }
    }
}
