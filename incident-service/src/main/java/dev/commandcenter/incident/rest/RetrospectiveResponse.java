package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.service.RetrospectiveService;
import java.time.Instant;

/**
 * An incident's retrospective: the saved one, or ({@code generated}, version 0) a draft from the
 * record. Save it with {@code If-Match: "<version>"}.
 */
public record RetrospectiveResponse(String markdown, long version, boolean generated, Instant reviewAt,
        String updatedBy, Instant updatedAt) {

    public static RetrospectiveResponse of(RetrospectiveService.View view) {
        return new RetrospectiveResponse(view.markdown(), view.version(), view.generated(), view.reviewAt(),
                view.updatedBy(), view.updatedAt());
    }
}
