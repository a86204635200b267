package dev.commandcenter.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The full state of a playbook, carried by every playbook event (keyed by playbook id on a
 * compacted topic) so that consumers can rebuild their view from the topic alone.
 */
public record PlaybookState(
        String id,
        String teamId,
        PlaybookContent content,
        List<String> memberIds,
        boolean deleted,
        long version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    public String title() {
        return content.title();
    }

    public boolean publicChannel() {
        return content.publicChannel();
    }

    public List<PlaybookContent.Stage> stages() {
        return content.stages();
    }

    public int totalSteps() {
        return content.totalSteps();
    }
}
