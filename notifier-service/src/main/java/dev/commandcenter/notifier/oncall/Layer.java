package dev.commandcenter.notifier.oncall;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One rotation layer of a schedule: participants take turns in this order, each for one shift of
 * {@code length}, the first shift starting on {@code startDate} at {@code handoffTime} (local time of
 * the schedule). With restrictions the layer has somebody only inside them.
 */
public record Layer(String name, List<String> participants, RotationLength length, Integer shiftHours,
        LocalDate startDate, LocalTime handoffTime, List<Restriction> restrictions) {

    public Layer {
        participants = List.copyOf(participants);
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }

    /** The length of one shift in minutes of local (wall-clock) time. */
    public long shiftMinutes() {
        return switch (length) {
            case DAILY -> 24 * 60;
            case WEEKLY -> 7 * 24 * 60;
            case CUSTOM -> shiftHours * 60L;
        };
    }
}
