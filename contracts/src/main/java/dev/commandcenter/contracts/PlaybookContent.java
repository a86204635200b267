package dev.commandcenter.contracts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a team edits in a playbook: the process (stages of steps) and the settings an incident
 * started from it inherits: roles to staff, status-update templates and reminder, communication
 * plan, what counts as an incident, severity levels, the post-incident learning flow and what alerts
 * may do to the incidents they started. The
 * limits are part of the contract: the API rejects content beyond them, text with control
 * characters ({@link NoControlCharacters}), and a whole playbook whose state would exceed
 * {@link EventLimits#MAX_AGGREGATE_BYTES}.
 */
public record PlaybookContent(
        @NotBlank @Size(max = 200) @NoControlCharacters String title,
        @Size(max = 4096) @NoControlCharacters String description,
        boolean publicChannel,
        @NotNull @Size(max = 50) List<@NotNull @Valid Stage> stages,
        @Size(max = 20) List<@NotNull @Valid Role> roles,
        @Size(max = 4) List<@NotNull @Valid StatusTemplate> statusTemplates,
        @Min(1) @Max(1440) Integer statusUpdateReminderMinutes,
        @Size(max = 20) List<@NotNull @Valid CommunicationChannel> communicationPlan,
        @Size(max = 10) List<@NotBlank @Size(max = 500) @NoControlCharacters String> incidentCriteria,
        @Size(max = 10) List<@NotNull @Valid Severity> severities,
        @Valid LearningFlow learningFlow,
        @Valid AlertHandling alertHandling) {

    public static final String SLASH_COMMAND = "/[a-z0-9][a-z0-9_-]*( [^\\n]*)?";

    /** Content with only a process: no roles, templates, plan, criteria, severities or learning flow. */
    public static PlaybookContent of(String title, String description, boolean publicChannel, List<Stage> stages) {
        return new PlaybookContent(title, description, publicChannel, stages, List.of(), List.of(), null, List.of(),
                List.of(), List.of(), new LearningFlow(List.of(), List.of(), true), null);
    }

    public int totalSteps() {
        return stages.stream().mapToInt(s -> s.steps().size()).sum();
    }

    /** An ordered group of steps; {@code id} is stable across renames and moves. */
    public record Stage(
            @Size(max = 40) @NoControlCharacters String id,
            @NotBlank @Size(max = 200) @NoControlCharacters String title,
            @NotNull @Size(max = 200) List<@NotNull @Valid Step> steps) {
    }

    /**
     * One thing to do. The description is limited markdown (bold, italic, strike, inline code,
     * links); anything else is kept as text and shown escaped.
     */
    public record Step(
            @Size(max = 40) @NoControlCharacters String id,
            @NotBlank @Size(max = 200) @NoControlCharacters String title,
            @Size(max = 4096) @NoControlCharacters String description,
            @Size(max = 500) @Pattern(regexp = SLASH_COMMAND, message = "must be a slash command such as /page oncall")
            @NoControlCharacters String slashCommand) {
    }

    /** A role the incident staffs; the commander role is the one responsible for ending it. */
    public record Role(
            @NotBlank @Size(max = 100) @NoControlCharacters String name,
            @Size(max = 2000) @NoControlCharacters String responsibilities,
            boolean commander) {
    }

    /** The phases of a status update, in the order an incident goes through them. */
    public enum StatusPhase {
        INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED
    }

    public record StatusTemplate(@NotNull StatusPhase phase, @Size(max = 4000) @NoControlCharacters String text) {
    }

    /** A row of the communication plan: where the team communicates, when, who may, and how. */
    public record CommunicationChannel(
            @NotBlank @Size(max = 200) @NoControlCharacters String where,
            @Size(max = 1000) @NoControlCharacters String when,
            @Size(max = 500) @NoControlCharacters String who,
            @Size(max = 1000) @NoControlCharacters String how) {
    }

    /** A severity level, such as SEV1, with the criteria that put an incident at that level. */
    public record Severity(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a short code such as SEV1")
            @NoControlCharacters String level,
            @Size(max = 100) @NoControlCharacters String name,
            @Size(max = 2000) @NoControlCharacters String criteria) {
    }

    /** Post-incident learning: statuses in order, which severities enter automatically, opting out. */
    /**
     * What an alert may do to the incident it started (seed 002): with {@code resolveEndsIncident}, the
     * alerting system resolving it ends the incident; otherwise the resolution is only posted to the
     * timeline. Absent (older playbooks): nothing.
     */
    public record AlertHandling(boolean resolveEndsIncident) {
    }

    public record LearningFlow(
            @Size(max = 10) List<@NotNull @Valid LearningStatus> statuses,
            @Size(max = 10) List<@NotBlank @Size(max = 20) @NoControlCharacters String> autoEnterSeverities,
            boolean optOutAllowed) {
    }

    public record LearningStatus(
            @NotBlank @Size(max = 100) @NoControlCharacters String name,
            @Size(max = 20) List<@NotNull @Valid LearningTask> tasks) {
    }

    /** Pre-baked task kinds are checked off by the platform when done there; custom ones by hand. */
    public enum LearningTaskKind {
        WRITE_POSTMORTEM, SCHEDULE_REVIEW, CREATE_FOLLOW_UPS, UPDATE_TIMESTAMPS, CUSTOM
    }

    public record LearningTask(
            @NotNull LearningTaskKind kind,
            @NotBlank @Size(max = 200) @NoControlCharacters String title,
            @Size(max = 2000) @NoControlCharacters String instructions) {
    }
}
