package dev.commandcenter.notifier.mapping;

import dev.commandcenter.kit.problem.Problem;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.notifier.model.EscalationPolicy;
import dev.commandcenter.notifier.model.OnCallSchedule;
import dev.commandcenter.notifier.model.ScheduleOverride;
import dev.commandcenter.notifier.oncall.EscalationLevel;
import dev.commandcenter.notifier.oncall.Layer;
import dev.commandcenter.notifier.oncall.Restriction;
import dev.commandcenter.notifier.oncall.RotationLength;
import dev.commandcenter.notifier.oncall.Shift;
import dev.commandcenter.notifier.rest.OnCallRequests;
import dev.commandcenter.notifier.rest.OnCallResponses;
import dev.commandcenter.notifier.service.OnCallService;
import dev.commandcenter.notifier.service.OverrideService;
import dev.commandcenter.notifier.service.PolicyDefinition;
import dev.commandcenter.notifier.service.ScheduleDefinition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * On-call requests to the service's definitions, with the rules that span fields (a zone that
 * exists, hours only for custom rotations, exactly one target per level), and back to responses.
 */
public final class OnCallMapper {
    private static final LocalDate EARLIEST_START = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST_START = LocalDate.of(2100, 12, 31);

    private OnCallMapper() {
    }

    /** The schedule a valid request describes; 400 naming every field at fault otherwise. */
    public static ScheduleDefinition definition(OnCallRequests.Schedule request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(request.timeZone().strip());
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < request.layers().size(); i++) {
            layers.add(layer(request.layers().get(i), "layers[" + i + "]", errors));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new ScheduleDefinition(request.teamId(), request.name().strip(), blankToNull(request.description()),
                zone, layers);
    }

    private static Layer layer(OnCallRequests.Layer layer, String at, List<Problem.FieldError> errors) {
        boolean custom = layer.rotation() == RotationLength.CUSTOM;
        if (custom && layer.shiftHours() == null) {
            errors.add(new Problem.FieldError(at + ".shiftHours", "is required for a CUSTOM rotation"));
        } else if (!custom && layer.shiftHours() != null) {
            errors.add(new Problem.FieldError(at + ".shiftHours", "is only for a CUSTOM rotation"));
        }
        if (layer.startDate().isBefore(EARLIEST_START) || layer.startDate().isAfter(LATEST_START)) {
            errors.add(new Problem.FieldError(at + ".startDate", "must be between 2000-01-01 and 2100-12-31"));
        }
        List<OnCallRequests.Restriction> requested = layer.restrictions() == null ? List.of() : layer.restrictions();
        List<Restriction> restrictions = new ArrayList<>();
        for (int j = 0; j < requested.size(); j++) {
            OnCallRequests.Restriction r = requested.get(j);
            if (r.from().equals(r.to())) {
                errors.add(new Problem.FieldError(at + ".restrictions[" + j + "].to", "must differ from from"));
            }
            restrictions.add(new Restriction(EnumSet.copyOf(r.days()), r.from(), r.to()));
        }
        return new Layer(layer.name().strip(), layer.participants(), layer.rotation(),
                custom ? layer.shiftHours() : null, layer.startDate(), layer.handoffTime(), restrictions);
    }

    public static PolicyDefinition definition(OnCallRequests.Policy request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<EscalationLevel> levels = new ArrayList<>();
        for (int i = 0; i < request.levels().size(); i++) {
            OnCallRequests.Level level = request.levels().get(i);
            if ((level.scheduleId() == null) == (level.userId() == null)) {
                errors.add(new Problem.FieldError("levels[" + i + "]", "must name either a scheduleId or a userId"));
            }
            levels.add(new EscalationLevel(level.scheduleId(), level.userId(), level.timeoutMinutes()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new PolicyDefinition(request.teamId(), request.name().strip(), blankToNull(request.description()),
                request.repeatCount(), levels);
    }

    public static OverrideService.NewOverride override(OnCallRequests.Override request) {
        return new OverrideService.NewOverride(request.userId(), request.start(), request.end());
    }

    public static OnCallResponses.Schedule response(OnCallSchedule schedule) {
        return new OnCallResponses.Schedule(schedule.id, schedule.teamId, schedule.name, schedule.description,
                schedule.timeZone, schedule.layers.stream().map(OnCallMapper::layer).toList(), schedule.createdBy,
                schedule.createdAt, schedule.updatedAt);
    }

    private static OnCallRequests.Layer layer(Layer layer) {
        return new OnCallRequests.Layer(layer.name(), layer.participants(), layer.length(), layer.shiftHours(),
                layer.startDate(), layer.handoffTime(), layer.restrictions().stream()
                        .map(r -> new OnCallRequests.Restriction(r.days(), r.from(), r.to())).toList());
    }

    public static OnCallResponses.Override response(ScheduleOverride override) {
        return new OnCallResponses.Override(override.id, override.scheduleId, override.userId, override.startsAt,
                override.endsAt, override.createdBy, override.createdAt);
    }

    public static OnCallResponses.Policy response(EscalationPolicy policy) {
        return new OnCallResponses.Policy(policy.id, policy.teamId, policy.name, policy.description,
                policy.repeatCount, policy.levels.stream().map(l -> new OnCallRequests.Level(l.scheduleId(),
                        l.userId(), l.timeoutMinutes())).toList(), policy.createdBy, policy.createdAt,
                policy.updatedAt);
    }

    public static OnCallResponses.OnCall response(OnCallService.ScheduleShifts shifts, Instant at) {
        OnCallSchedule schedule = shifts.schedule();
        return new OnCallResponses.OnCall(schedule.id, schedule.name, schedule.teamId, schedule.timeZone, at,
                shift(schedule, shifts.current()), shifts.next().stream().map(s -> shift(schedule, s)).toList());
    }

    public static OnCallResponses.Shift shift(OnCallSchedule schedule, Shift shift) {
        boolean layered = !shift.nobody() && !shift.override();
        return new OnCallResponses.Shift(shift.userId(), shift.start(), shift.end(), shift.override(),
                layered ? shift.layer() : null, layered ? schedule.layers.get(shift.layer()).name() : null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
