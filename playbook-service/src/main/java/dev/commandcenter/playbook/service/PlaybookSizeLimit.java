package dev.commandcenter.playbook.service;

import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventLimits;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.kit.problem.ProblemException;
import java.util.List;
import java.util.Locale;

/**
 * The bound on a playbook's total size. Every playbook event carries the whole state, so a
 * playbook grown by many small edits must stop at {@link EventLimits#MAX_AGGREGATE_BYTES} (its
 * state as the event carries it), or its event would be refused by the producer and block the
 * outbox. A playbook that is over the limit already (stored before the limit existed) may still
 * shrink, so its team can bring it back under.
 */
public final class PlaybookSizeLimit {
    public static final String PROBLEM_TYPE = "playbook-too-large";

    private PlaybookSizeLimit() {
    }

    /**
     * Refuses (413) a change whose resulting state exceeds the limit and is larger than
     * {@code before} (null for a new playbook). Returns the size of {@code after}.
     */
    public static long requireWithinLimit(PlaybookState after, PlaybookState before) {
        long size = EventJson.sizeOf(after);
        if (size <= EventLimits.MAX_AGGREGATE_BYTES) {
            return size;
        }
        long current = before == null ? 0 : EventJson.sizeOf(before);
        if (before != null && size <= current) {
            return size;
        }
        String now = before == null ? "" : " (now " + bytes(current) + ")";
        throw new ProblemException(413, PROBLEM_TYPE, "Playbook too large", "This change would make the playbook "
                + bytes(size) + " as its events carry it" + now + "; a playbook can be at most "
                + bytes(EventLimits.MAX_AGGREGATE_BYTES) + ". Nothing was saved. Shorten or remove steps, "
                + "descriptions or other text, or split the process into several playbooks.", List.of());
    }

    private static String bytes(long count) {
        return String.format(Locale.ROOT, "%,d bytes", count);
    }
}
