package dev.commandcenter.incident.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.commandcenter.incident.integration.Alert;
import dev.commandcenter.incident.integration.AlertFormats;
import dev.commandcenter.incident.integration.AlertOutcome;
import dev.commandcenter.incident.model.Integration.Kind;
import dev.commandcenter.incident.service.AlertIntake;
import dev.commandcenter.incident.service.IntegrationService;
import dev.commandcenter.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Where alerting systems send (seed 002): no OIDC here, the integration's key authenticates (the
 * gateway routes these paths without a login). Every request: at most {@link AlertFormats#MAX_BODY_BYTES}
 * (413), a payload of the format (400, nothing created), a live key of the right kind (401), within the
 * integration's rate (429 with Retry-After).
 */
@Path("/api/v1/intake")
@Tag(name = "Alert intake")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class AlertIntakeResource {
    private static final String BEARER = "Bearer ";

    private final IntegrationService integrations;
    private final AlertIntake intake;

    public AlertIntakeResource(IntegrationService integrations, AlertIntake intake) {
        this.integrations = integrations;
        this.intake = intake;
    }

    /** What an alert did, as the generic and Alertmanager endpoints answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntakeResponse(String result, String dedupKey, UUID incidentId, String incidentUrl) {
        static IntakeResponse of(AlertOutcome outcome) {
            return new IntakeResponse(outcome.resultName(), outcome.dedupKey(), outcome.incidentId(),
                    outcome.incidentUrl());
        }
    }

    /** PagerDuty's own answer to an event. */
    public record PagerDutyResponse(String status, String message, @JsonProperty("dedup_key") String dedupKey) {
    }

    @POST
    @Path("/alerts")
    @Operation(summary = "A generic alert: {dedupKey, summary, severity, source, status, links, details}; "
            + "authenticate with `Authorization: Bearer <key>`")
    @APIResponse(responseCode = "201", description = "An incident was started; Location is its page")
    @APIResponse(responseCode = "200", description = "Added to the open incident of its key, or nothing to do")
    public Uni<RestResponse<IntakeResponse>> generic(byte[] body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireSize(body);
        return receive(bearer(authorization), Kind.GENERIC, () -> AlertFormats.generic(body))
                .map(AlertIntakeResource::answer);
    }

    @POST
    @Path("/alertmanager")
    @Operation(summary = "A Prometheus Alertmanager notification (webhook version 4); one incident per alert group. "
            + "Configure `http_config.authorization.credentials` with the key")
    public Uni<RestResponse<IntakeResponse>> alertmanager(byte[] body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireSize(body);
        return receive(bearer(authorization), Kind.ALERTMANAGER, () -> AlertFormats.alertmanager(body))
                .map(AlertIntakeResource::answer);
    }

    @POST
    @Path("/pagerduty/v2/enqueue")
    @Operation(summary = "A PagerDuty Events API v2 event; `routing_key` is the key")
    @APIResponse(responseCode = "202", description = "As PagerDuty answers: status, message, dedup_key")
    public Uni<RestResponse<PagerDutyResponse>> pagerDuty(byte[] body) {
        requireSize(body);
        AlertFormats.PagerDutyEvent event = AlertFormats.pagerDuty(body);
        return receive(event.routingKey(), Kind.PAGERDUTY, event::alert).map(outcome -> RestResponse
                .status(RestResponse.Status.ACCEPTED, new PagerDutyResponse("success", "Event processed",
                        outcome.dedupKey())));
    }

    /**
     * Authenticates the key, then reads the payload (a caller without a valid key learns nothing about
     * what it sent; PagerDuty's key is inside the payload, so that one is read first), then acts on it:
     * one transaction, so a refusal at any step leaves nothing behind.
     */
    private Uni<AlertOutcome> receive(String key, Kind kind, Supplier<Alert> payload) {
        return Panache.withTransaction(() -> integrations.authenticate(key, Set.of(kind))
                .chain(integration -> intake.receive(integration, payload.get())));
    }

    private static RestResponse<IntakeResponse> answer(AlertOutcome outcome) {
        if (outcome.result() == AlertOutcome.Result.STARTED) {
            return RestResponse.ResponseBuilder.<IntakeResponse>created(URI.create(outcome.incidentUrl()))
                    .entity(IntakeResponse.of(outcome)).build();
        }
        return RestResponse.ok(IntakeResponse.of(outcome));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw IntegrationService.unauthorized("Send the integration's key as `Authorization: Bearer <key>`");
        }
        return authorization.substring(BEARER.length()).strip();
    }

    static void requireSize(byte[] body) {
        if (body != null && body.length > AlertFormats.MAX_BODY_BYTES) {
            throw new ProblemException(413, "payload-too-large", "Payload Too Large", "An intake request may hold at most "
                    + AlertFormats.MAX_BODY_BYTES / 1024 + " KiB; this one has " + body.length / 1024 + " KiB",
                    List.of());
        }
    }
}
