package dev.commandcenter.incident.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commandcenter.incident.model.Integration;
import java.time.Instant;
import java.util.UUID;

/**
 * An integration as the API shows it. {@code secret} is present only in the answer that made it (at
 * creation and rotation of alert integrations): it is not stored and cannot be shown again.
 * {@code intakeUrl} is where its alerting system or chat tool sends.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationResponse(UUID id, String teamId, Integration.Kind kind, String name, UUID playbookId,
        String ownerId, String secretHint, String secret, boolean resolveEnds, int ratePerMinute, boolean revoked,
        String intakeUrl, String createdBy, Instant createdAt, Instant rotatedAt, Instant revokedAt,
        Instant lastUsedAt) {

    public static IntegrationResponse of(Integration integration, String secret, String baseUrl) {
        return new IntegrationResponse(integration.id, integration.teamId, integration.kind, integration.name,
                integration.playbookId, integration.ownerId, integration.secretHint, secret, integration.resolveEnds,
                integration.ratePerMinute, integration.revoked(), baseUrl + intakePath(integration),
                integration.createdBy, integration.createdAt, integration.rotatedAt, integration.revokedAt,
                integration.lastUsedAt);
    }

    /** The intake endpoint for the integration's kind (Slack's carries its id: Slack signs, it sends no key). */
    public static String intakePath(Integration integration) {
        return switch (integration.kind) {
            case GENERIC -> "/api/v1/intake/alerts";
            case ALERTMANAGER -> "/api/v1/intake/alertmanager";
            case PAGERDUTY -> "/api/v1/intake/pagerduty/v2/enqueue";
            case MATTERMOST -> "/api/v1/intake/mattermost/command";
            case SLACK -> "/api/v1/intake/slack/" + integration.id + "/command";
        };
    }
}
