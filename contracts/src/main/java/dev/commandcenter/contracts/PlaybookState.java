package dev.commandcenter.contracts;

import java.time.Instant;
import java.util.List;

/** The full state of a playbook, carried by every playbook event so consumers can rebuild. */
public record PlaybookState(
        String id,
        String teamId,
        String title,
        String description,
        boolean publicChannel,
        List<String> memberIds,
        List<Stage> stages,
        boolean deleted,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public record Stage(String title, List<Step> steps) {
    }

    public record Step(String title, String description, String slashCommand) {
    }

    public int totalSteps() {
        return stages.stream().mapToInt(s -> s.steps().size()).sum();
    }
}
