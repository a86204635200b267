package dev.commandcenter.incident.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.incident.model.Checklist;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The bodies of the requests of the learning flow, follow-ups and retrospective. */
public final class LearningRequests {
    /** The largest retrospective in characters; the service also bounds its UTF-8 bytes (200 KiB). */
    public static final int MAX_RETROSPECTIVE_CHARS = 204_800;

    private LearningRequests() {
    }

    public record OptOut(@NotBlank @Size(max = 1000) @NoControlCharacters String reason) {
    }

    public record TaskState(@NotNull Checklist.State state) {
    }

    public record NewTask(@NotBlank @Size(max = 200) @NoControlCharacters String title,
            @Size(max = 2000) @NoControlCharacters String instructions) {
    }

    /** The key times; null clears one. */
    public record Timestamps(Instant identifiedAt, Instant resolvedAt) {
    }

    public record NewFollowUp(@NotBlank @Size(max = 200) @NoControlCharacters String title,
            @Pattern(regexp = ChangeRequests.USER, message = ChangeRequests.USER_MESSAGE) @NoControlCharacters
            String assigneeId) {
    }

    /** Changes to a follow-up: absent fields stay; an empty assignee unassigns it. */
    public record FollowUpPatch(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @NoControlCharacters
            String title,
            @Pattern(regexp = "|" + ChangeRequests.USER, message = "must be a user name, or empty to unassign")
            @NoControlCharacters String assigneeId,
            Boolean done) {
    }

    public record Retrospective(@NotNull @Size(max = MAX_RETROSPECTIVE_CHARS) @NoControlCharacters String markdown,
            Instant reviewAt) {
    }
}
