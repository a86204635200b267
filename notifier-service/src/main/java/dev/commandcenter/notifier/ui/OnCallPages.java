package dev.commandcenter.notifier.ui;

import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.kit.security.Viewer;
import dev.commandcenter.kit.web.Redirects;
import dev.commandcenter.notifier.mapping.OnCallMapper;
import dev.commandcenter.notifier.model.EscalationPolicy;
import dev.commandcenter.notifier.model.OnCallSchedule;
import dev.commandcenter.notifier.oncall.EscalationLevel;
import dev.commandcenter.notifier.oncall.Shift;
import dev.commandcenter.notifier.rest.OnCallRequests;
import dev.commandcenter.notifier.service.EscalationPolicies;
import dev.commandcenter.notifier.service.OnCallService;
import dev.commandcenter.notifier.service.OverrideService;
import dev.commandcenter.notifier.service.ScheduleService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The team's on-call page: who is on call now and next in each schedule, the coming two weeks as a
 * calendar (days in the schedule's own time zone), the form to add an override, and the escalation
 * policies. Computed on each visit from the definitions, like the API's answers.
 */
@Path("/backstage/notifier/oncall")
@Tag(name = "Backstage pages")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Cancellable(false)
public class OnCallPages {
    static final int CALENDAR_DAYS = 14;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT);

    private final ScheduleService schedules;
    private final OnCallService onCall;
    private final OverrideService overrides;
    private final EscalationPolicies policies;
    private final CurrentUser user;
    private final Validator validator;

    public OnCallPages(ScheduleService schedules, OnCallService onCall, OverrideService overrides,
            EscalationPolicies policies, CurrentUser user, Validator validator) {
        this.schedules = schedules;
        this.onCall = onCall;
        this.overrides = overrides;
        this.policies = policies;
        this.user = user;
        this.validator = validator;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance oncall(OnCallView view);
    }

    /** One stretch of a day in the calendar: local times in the schedule's zone, who, and whether an override. */
    public record Entry(String from, String to, String userId, boolean override) {
    }

    public record Day(String label, boolean today, List<Entry> entries) {
    }

    /** Now and next: who, since/until when (local time of the schedule). */
    public record Slot(String userId, String from, String until, boolean override, String layerName) {
    }

    public record ScheduleView(String id, String name, String timeZone, Slot now, Slot next, List<List<Day>> weeks,
            List<String> participants) {
    }

    public record PolicyView(String name, int repeatCount, List<String> levels) {
    }

    public record OnCallView(Viewer viewer, String team, List<ScheduleView> schedules, List<PolicyView> policies,
            List<String> members, String error, String notice) {
    }

    @GET
    @Operation(summary = "Page: who is on call now and next, the coming two weeks, overrides and escalation policies")
    public Uni<RestResponse<String>> page(@QueryParam("team") String team, @QueryParam("added") String added) {
        return render(team, null, added != null ? "Override added." : null, RestResponse.Status.OK);
    }

    @POST
    @Path("/overrides")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: a member of the team covers a schedule from a local start to a local end")
    public Uni<RestResponse<String>> addOverride(@RestForm String teamId, @RestForm String scheduleId,
            @RestForm String userId, @RestForm String start, @RestForm String end) {
        UUID id;
        try {
            id = UUID.fromString(scheduleId == null ? "" : scheduleId);
        } catch (IllegalArgumentException e) {
            return render(teamId, "Not added: choose a schedule.", null, RestResponse.Status.BAD_REQUEST);
        }
        return schedules.get(id, user).chain(schedule -> {
            ZoneId zone = ZoneId.of(schedule.timeZone);
            OnCallRequests.Override request;
            try {
                request = new OnCallRequests.Override(userId, local(start, zone), local(end, zone));
            } catch (DateTimeParseException e) {
                return render(schedule.teamId, "Not added: give the start and the end as date and time.", null,
                        RestResponse.Status.BAD_REQUEST);
            }
            String invalid = validator.validate(request).stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().findFirst().orElse(null);
            if (invalid != null) {
                return render(schedule.teamId, "Not added: " + invalid + ".", null, RestResponse.Status.BAD_REQUEST);
            }
            return overrides.add(id, OnCallMapper.override(request), user)
                    .map(added -> Redirects.seeOther("/backstage/notifier/oncall?team="
                            + URLEncoder.encode(schedule.teamId, StandardCharsets.UTF_8) + "&added=1"));
        }).onFailure(ProblemException.class).recoverWithUni(e -> {
            ProblemException problem = (ProblemException) e;
            if (problem.status() == 404) {
                return Uni.createFrom().failure(problem);
            }
            String reason = problem.errors().isEmpty() ? problem.getMessage()
                    : problem.errors().get(0).field() + " " + problem.errors().get(0).message();
            return render(teamId, "Not added: " + reason, null, RestResponse.Status.fromStatusCode(problem.status()));
        });
    }

    private static Instant local(String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        return ZonedDateTime.of(LocalDateTime.parse(value.strip()), zone).toInstant();
    }

    private Uni<RestResponse<String>> render(String team, String error, String notice, RestResponse.Status status) {
        List<String> teams = List.copyOf(user.teams());
        String chosen = team != null && !team.isBlank() && team.length() <= 100 ? team
                : teams.isEmpty() ? "" : teams.get(0);
        Viewer viewer = Viewer.of(user);
        if (chosen.isEmpty() || !user.canAccessTeam(chosen)) {
            String refusal = chosen.isEmpty() ? error : "You are not a member of team " + chosen + ".";
            return html(new OnCallView(viewer, "", List.of(), List.of(), List.of(), refusal, notice),
                    chosen.isEmpty() ? status : RestResponse.Status.FORBIDDEN);
        }
        Instant now = Instant.now();
        return schedules.list(chosen, user).chain(all -> onCall.calendar(all, now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(CALENDAR_DAYS + 2)))
                .chain(shifts -> policies.list(chosen, user).map(found -> {
                    Map<UUID, String> names = all.stream().collect(Collectors.toMap(s -> s.id, s -> s.name));
                    List<String> members = all.stream().flatMap(s -> s.layers.stream())
                            .flatMap(l -> l.participants().stream()).distinct().sorted().toList();
                    return new OnCallView(viewer, chosen, all.stream().map(s -> schedule(s, shifts.get(s.id), now))
                            .toList(), found.stream().map(p -> policy(p, names)).toList(), members, error, notice);
                })))
                .chain(view -> html(view, status));
    }

    private static Uni<RestResponse<String>> html(OnCallView view, RestResponse.Status status) {
        return Templates.oncall(view).createUni().map(html -> RestResponse.ResponseBuilder.create(status, html)
                .header("Cache-Control", "no-store").build());
    }

    private static ScheduleView schedule(OnCallSchedule schedule, List<Shift> shifts, Instant now) {
        ZoneId zone = ZoneId.of(schedule.timeZone);
        List<Shift> fromNow = shifts.stream().filter(s -> s.end().isAfter(now)).toList();
        Shift current = fromNow.get(0);
        Shift next = fromNow.size() > 1 ? fromNow.get(1) : null;
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<List<Day>> weeks = new ArrayList<>();
        for (int week = 0; week < CALENDAR_DAYS / 7; week++) {
            List<Day> days = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                LocalDate date = today.plusDays(week * 7L + d);
                days.add(day(date, zone, shifts, date.equals(today)));
            }
            weeks.add(days);
        }
        return new ScheduleView(schedule.id.toString(), schedule.name, schedule.timeZone,
                slot(schedule, current, zone), next == null ? null : slot(schedule, next, zone), weeks,
                schedule.layers.stream().flatMap(l -> l.participants().stream()).distinct().sorted().toList());
    }

    private static Day day(LocalDate date, ZoneId zone, List<Shift> shifts, boolean today) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Entry> entries = shifts.stream().filter(s -> s.end().isAfter(start) && s.start().isBefore(end))
                .map(s -> new Entry(s.start().isAfter(start) ? TIME.format(s.start().atZone(zone)) : "00:00",
                        s.end().isBefore(end) ? TIME.format(s.end().atZone(zone)) : "24:00", s.userId(),
                        s.override()))
                .toList();
        return new Day(DAY.format(date), today, entries);
    }

    private static Slot slot(OnCallSchedule schedule, Shift shift, ZoneId zone) {
        String layer = shift.nobody() || shift.override() ? null : schedule.layers.get(shift.layer()).name();
        return new Slot(shift.userId(), WHEN.format(shift.start().atZone(zone)), WHEN.format(shift.end().atZone(zone)),
                shift.override(), layer);
    }

    private static PolicyView policy(EscalationPolicy policy, Map<UUID, String> scheduleNames) {
        List<String> levels = new ArrayList<>();
        for (EscalationLevel level : policy.levels) {
            String target = level.targetsSchedule()
                    ? "on call in " + Objects.requireNonNullElse(scheduleNames.get(level.scheduleId()), "(deleted)")
                    : "@" + level.userId();
            levels.add(target + ", then after " + level.timeoutMinutes() + " min");
        }
        return new PolicyView(policy.name, policy.repeatCount, levels);
    }
}
