package dev.commandcenter.incident.integration;

import java.util.UUID;

/** What an alert did: started an incident, was added to its open incident, or found none to act on. */
public record AlertOutcome(Result result, String dedupKey, UUID incidentId, String incidentUrl) {

    public enum Result {
        /** A new incident was started for it. */
        STARTED,
        /** Its incident is open: the alert was added to its timeline. */
        APPENDED,
        /** Acknowledged or resolved in the alerting system: posted to its incident's timeline. */
        ACKNOWLEDGED,
        RESOLVED,
        /** Resolved, and the integration ends incidents when their alert resolves. */
        ENDED,
        /** Acknowledged or resolved, but no incident is open for its key: nothing to do. */
        IGNORED
    }

    public String resultName() {
        return result.name().toLowerCase(java.util.Locale.ROOT);
    }
}
