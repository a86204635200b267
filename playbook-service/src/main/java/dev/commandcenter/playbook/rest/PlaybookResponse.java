package dev.commandcenter.playbook.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.commandcenter.contracts.PlaybookContent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A playbook as the API shows it: the editable content at the top level, next to who and when. */
public record PlaybookResponse(
        UUID id,
        String teamId,
        List<String> memberIds,
        long version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        @JsonUnwrapped PlaybookContent content) {
}
