package dev.commandcenter.incident.rest;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record IncidentResponse(
        UUID id,
        String teamId,
        UUID playbookId,
        String name,
        UUID channelId,
        boolean publicChannel,
        String commanderId,
        String createdBy,
        boolean active,
        List<String> memberIds,
        List<PlaybookContent.Stage> checklists,
        Instant createdAt,
        Instant endedAt,
        long version) {
}
