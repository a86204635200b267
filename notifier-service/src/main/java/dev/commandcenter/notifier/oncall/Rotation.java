package dev.commandcenter.notifier.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One layer's rotation, computed from its definition and never stored per shift.
 *
 * <p>Hand-offs are counted in local wall-clock time: the k-th hand-off is the first hand-off plus k
 * shift lengths of local time, then placed in the zone. So a hand-off at 09:00 stays at 09:00 on both
 * sides of a DST change, and the shift across the change is an hour shorter or longer (a daily shift
 * over the spring-forward night lasts 23 h). A hand-off that falls in a spring-forward gap moves
 * later by the length of the gap (02:30 becomes 03:30, as {@link ZonedDateTime#of} resolves it); one
 * in a fall-back overlap happens the first time the clock shows it.
 */
public final class Rotation {
    private final Layer layer;
    private final ZoneId zone;
    private final LocalDateTime firstHandoff;
    private final long stepMinutes;

    public Rotation(Layer layer, ZoneId zone) {
        this.layer = layer;
        this.zone = zone;
        this.firstHandoff = LocalDateTime.of(layer.startDate(), layer.handoffTime());
        this.stepMinutes = layer.shiftMinutes();
    }

    /** The instant of the k-th hand-off (k = 0 starts the first shift). Never decreases with k. */
    public Instant handoff(long k) {
        return ZonedDateTime.of(firstHandoff.plusMinutes(k * stepMinutes), zone).toInstant();
    }

    /** The number of the shift running at {@code at}; negative before the rotation starts. */
    public long shiftAt(Instant at) {
        long minutes = ChronoUnit.MINUTES.between(firstHandoff, LocalDateTime.ofInstant(at, zone));
        long k = Math.floorDiv(minutes, stepMinutes);
        // Local time is not monotonic across a fall-back overlap: settle on the instants themselves.
        while (!handoff(k + 1).isAfter(at)) {
            k++;
        }
        while (handoff(k).isAfter(at)) {
            k--;
        }
        return k;
    }

    /** Who the rotation puts on call at {@code at}, ignoring restrictions; null before it starts. */
    public String participantAt(Instant at) {
        long k = shiftAt(at);
        return k < 0 ? null : participant(k);
    }

    /** Whether the layer's restrictions (if any) let it have somebody on call at {@code at}. */
    public boolean allows(Instant at) {
        if (layer.restrictions().isEmpty()) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        DayOfWeek today = local.getDayOfWeek();
        for (Restriction r : layer.restrictions()) {
            boolean afterFrom = !local.toLocalTime().isBefore(r.from());
            boolean beforeTo = local.toLocalTime().isBefore(r.to());
            if (r.overnight()) {
                if (r.days().contains(today) && afterFrom || r.days().contains(today.minus(1)) && beforeTo) {
                    return true;
                }
            } else if (r.days().contains(today) && afterFrom && beforeTo) {
                return true;
            }
        }
        return false;
    }

    /** Who this layer has on call at {@code at}: the rotation's participant inside the restrictions. */
    public String onCallAt(Instant at) {
        return allows(at) ? participantAt(at) : null;
    }

    /** Every instant in ({@code from}, {@code to}) at which this layer's answer may change. */
    public List<Instant> changesBetween(Instant from, Instant to) {
        List<Instant> changes = new ArrayList<>();
        for (long k = Math.max(0, shiftAt(from) + 1); handoff(k).isBefore(to); k++) {
            changes.add(handoff(k));
        }
        LocalDate last = LocalDateTime.ofInstant(to, zone).toLocalDate().plusDays(1);
        for (LocalDate day = LocalDateTime.ofInstant(from, zone).toLocalDate().minusDays(1); !day.isAfter(last);
                day = day.plusDays(1)) {
            for (Restriction r : layer.restrictions()) {
                if (r.days().contains(day.getDayOfWeek())) {
                    addInside(changes, ZonedDateTime.of(day, r.from(), zone).toInstant(), from, to);
                    addInside(changes, ZonedDateTime.of(r.overnight() ? day.plusDays(1) : day, r.to(), zone)
                            .toInstant(), from, to);
                }
            }
        }
        return changes;
    }

    private String participant(long k) {
        return layer.participants().get((int) Math.floorMod(k, (long) layer.participants().size()));
    }

    private static void addInside(List<Instant> changes, Instant at, Instant from, Instant to) {
        if (at.isAfter(from) && at.isBefore(to)) {
            changes.add(at);
        }
    }
}
