package dev.commandcenter.incident.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.incident.model.Integration;
import dev.commandcenter.incident.service.IntegrationService.NewIntegration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The bodies of the integration endpoints. */
public final class IntegrationRequests {
    private IntegrationRequests() {
    }

    /**
     * A new integration of a team: what sends to it ({@code kind}), its name, the playbook its
     * incidents start from; {@code secret} only for chat tools (Mattermost's command token, Slack's
     * signing secret); whether a resolved alert ends its incident; requests a minute (default 120).
     */
    public record Create(
            @NotBlank @Size(max = 100) @NoControlCharacters String teamId,
            @NotNull Integration.Kind kind,
            @NotBlank @Size(max = 100) @NoControlCharacters String name,
            @NotNull UUID playbookId,
            @Size(max = 200) @NoControlCharacters String secret,
            boolean resolveEnds,
            @Min(1) @Max(6000) Integer ratePerMinute) {
        public NewIntegration toNew() {
            return new NewIntegration(teamId, kind, name, playbookId, secret, resolveEnds, ratePerMinute);
        }
    }

    /** A rotation: chat tools send their new secret; alert integrations get a new key generated. */
    public record Rotate(@Size(max = 200) @NoControlCharacters String secret) {
    }
}
