package dev.commandcenter.notifier.rest;

import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.notifier.mapping.OnCallMapper;
import dev.commandcenter.notifier.service.OnCallService;
import dev.commandcenter.notifier.service.OverrideService;
import dev.commandcenter.notifier.service.ScheduleService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * On-call schedules and who is on call. Members of a team (and administrators) see and change its
 * schedules; another team's schedule is 404, listing another team's is 403.
 */
@Path("/api/v1/oncall")
@Tag(name = "On-call schedules")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class OnCallResource {
    /** The earliest and latest instants asked about: keeps the arithmetic far from Instant's limits. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final ScheduleService schedules;
    private final OverrideService overrides;
    private final OnCallService onCall;
    private final CurrentUser user;

    public OnCallResource(ScheduleService schedules, OverrideService overrides, OnCallService onCall,
            CurrentUser user) {
        this.schedules = schedules;
        this.overrides = overrides;
        this.onCall = onCall;
        this.user = user;
    }

    @GET
    @Operation(summary = "Who is on call at an instant (default now) in each of the team's schedules, and who is next")
    @APIResponse(responseCode = "403", description = "Not a member of the team")
    public Uni<List<OnCallResponses.OnCall>> team(@QueryParam("teamId") @NotBlank @Size(max = 100) String teamId,
            @QueryParam("at") @Size(max = 40) String at) {
        Instant instant = instant(at);
        return onCall.team(teamId, instant, Duration.ofDays(14), user)
                .map(all -> all.stream().map(s -> OnCallMapper.response(s, instant)).toList());
    }

    @GET
    @Path("/schedules")
    @Operation(summary = "The team's schedules, by name")
    @APIResponse(responseCode = "403", description = "Not a member of the team")
    public Uni<List<OnCallResponses.Schedule>> list(@QueryParam("teamId") @NotBlank @Size(max = 100) String teamId) {
        return schedules.list(teamId, user).map(all -> all.stream().map(OnCallMapper::response).toList());
    }

    @POST
    @Path("/schedules")
    @Operation(summary = "Create a schedule: rotation layers (lowest first; a higher layer wins where it has "
            + "someone) in one time zone; participants must be members of the team")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid (problem+json naming the fields)")
    @APIResponse(responseCode = "409", description = "The team has the most schedules it may, or the name is taken")
    public Uni<RestResponse<OnCallResponses.Schedule>> create(@Valid @NotNull OnCallRequests.Schedule request,
            UriInfo uri) {
        return Uni.createFrom().item(request).map(OnCallMapper::definition)
                .chain(definition -> schedules.create(definition, user)).map(OnCallMapper::response)
                .map(created -> RestResponse.ResponseBuilder.<OnCallResponses.Schedule>created(
                        uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build());
    }

    @GET
    @Path("/schedules/{id}")
    public Uni<OnCallResponses.Schedule> get(@RestPath UUID id) {
        return schedules.get(id, user).map(OnCallMapper::response);
    }

    @PUT
    @Path("/schedules/{id}")
    @Operation(summary = "Replace a schedule's name, description, time zone and layers (the team stays)")
    public Uni<OnCallResponses.Schedule> replace(@RestPath UUID id, @Valid @NotNull OnCallRequests.Schedule request) {
        return Uni.createFrom().item(request).map(OnCallMapper::definition)
                .chain(definition -> schedules.replace(id, definition, user)).map(OnCallMapper::response);
    }

    @DELETE
    @Path("/schedules/{id}")
    @Operation(summary = "Delete a schedule and its overrides")
    @APIResponse(responseCode = "409", description = "An escalation policy pages this schedule")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return schedules.delete(id, user).map(done -> RestResponse.noContent());
    }

    @GET
    @Path("/schedules/{id}/oncall")
    @Operation(summary = "Who is on call at an instant (default now), since when, and the next shifts: "
            + "at most `limit` within `days` days")
    public Uni<OnCallResponses.OnCall> onCall(@RestPath UUID id, @QueryParam("at") @Size(max = 40) String at,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit,
            @QueryParam("days") @DefaultValue("14") @Min(1) @Max(31) int days) {
        Instant instant = instant(at);
        return onCall.onCall(id, instant, Duration.ofDays(days), limit, user)
                .map(shifts -> OnCallMapper.response(shifts, instant));
    }

    @GET
    @Path("/schedules/{id}/overrides")
    @Operation(summary = "The schedule's overrides that have not ended, by start")
    public Uni<List<OnCallResponses.Override>> overrides(@RestPath UUID id) {
        return overrides.upcoming(id, user).map(all -> all.stream().map(OnCallMapper::response).toList());
    }

    @POST
    @Path("/schedules/{id}/overrides")
    @Operation(summary = "A member of the team covers a time range, over every layer (the newest override wins "
            + "where overrides overlap)")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "409", description = "The schedule has the most overrides to come it may")
    public Uni<RestResponse<OnCallResponses.Override>> addOverride(@RestPath UUID id,
            @Valid @NotNull OnCallRequests.Override request, UriInfo uri) {
        return overrides.add(id, OnCallMapper.override(request), user).map(OnCallMapper::response)
                .map(created -> RestResponse.ResponseBuilder.<OnCallResponses.Override>created(
                        uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build());
    }

    @DELETE
    @Path("/schedules/{id}/overrides/{overrideId}")
    public Uni<RestResponse<Void>> removeOverride(@RestPath UUID id, @RestPath UUID overrideId) {
        return overrides.remove(id, overrideId, user).map(done -> RestResponse.noContent());
    }

    static Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return Instant.now();
        }
        try {
            Instant parsed = Instant.parse(at.strip());
            if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
                throw ProblemException.invalidField("at", "must be between 2000 and 2200");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("at", "must be an instant such as 2026-03-29T07:00:00Z");
        }
    }
}
