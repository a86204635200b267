package dev.commandcenter.incident.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.incident.model.Checklist;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the requests that change a running incident. */
public final class ChangeRequests {
    static final String USER = "[A-Za-z0-9._@-]{1,100}";
    static final String USER_MESSAGE = "must be a user name";

    private ChangeRequests() {
    }

    public record PostMessage(@NotBlank @Size(max = 16384) @NoControlCharacters String text) {
    }

    /** A user: the new commander or the member to add. */
    public record UserRef(
            @NotBlank @Pattern(regexp = USER, message = USER_MESSAGE) @NoControlCharacters String userId) {
    }

    /** The member to assign an item to; null unassigns it. */
    public record Assignee(@Pattern(regexp = USER, message = USER_MESSAGE) @NoControlCharacters String userId) {
    }

    /** One of the playbook's severity levels (null clears it), and why, posted with the change. */
    public record Severity(@Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a level such as SEV1")
            @NoControlCharacters String severity,
            @Size(max = 1000) @NoControlCharacters String reason) {
    }

    /** A role added during the incident. */
    public record NewRole(@NotBlank @Size(max = 100) @NoControlCharacters String name,
            @Size(max = 2000) @NoControlCharacters String responsibilities) {
    }

    public record ActiveStage(@NotBlank @Size(max = 40) @NoControlCharacters String stageId) {
    }

    public record Item(
            @NotBlank @Size(max = 200) @NoControlCharacters String title,
            @Size(max = 4096) @NoControlCharacters String description,
            @Size(max = 500) @Pattern(regexp = PlaybookContent.SLASH_COMMAND,
                    message = "must be a slash command such as /page oncall") @NoControlCharacters
            String slashCommand) {
    }

    /** Changes to an item: absent fields stay as they are; an empty description or command clears it. */
    public record ItemPatch(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @NoControlCharacters
            String title,
            @Size(max = 4096) @NoControlCharacters String description,
            @Size(max = 500) @Pattern(regexp = "|" + PlaybookContent.SLASH_COMMAND,
                    message = "must be a slash command such as /page oncall, or empty") @NoControlCharacters
            String slashCommand) {
    }

    public record ItemState(@NotNull Checklist.State state) {
    }

    /** The item's new zero-based position, in its stage or in {@code toStageId}; past the end means last. */
    public record Move(@NotNull @Min(0) @Max(1000) Integer position,
            @Size(max = 40) @NoControlCharacters String toStageId) {
    }

    /** A status update: its phase and text (the page starts it from the playbook's template for the phase). */
    public record StatusUpdate(@NotNull PlaybookContent.StatusPhase phase,
            @NotBlank @Size(max = 4000) @NoControlCharacters String text) {
    }

    /** Minutes between status-update reminders; null turns them off. */
    public record ReminderInterval(@Min(1) @Max(1440) Integer intervalMinutes) {
    }

    /** Minutes until the next status-update reminder. */
    public record Snooze(@NotNull @Min(1) @Max(1440) Integer minutes) {
    }
}
