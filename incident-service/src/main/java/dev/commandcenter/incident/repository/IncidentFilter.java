package dev.commandcenter.incident.repository;

import dev.commandcenter.incident.model.LearningState;

/**
 * Which incidents of a team to list: {@code viewer} sees public ones and private ones they are a
 * member of (null: all, for system administrators); {@code active} null means ongoing and ended;
 * {@code learningState} null means any, {@code learningStatus} (with ACTIVE) one learning status.
 */
public record IncidentFilter(String teamId, String viewer, Boolean active, String commanderId, String severity,
        String search, LearningState learningState, String learningStatus) {

    /** The filter without a learning condition. */
    public IncidentFilter(String teamId, String viewer, Boolean active, String commanderId, String severity,
            String search) {
        this(teamId, viewer, active, commanderId, severity, search, null, null);
    }
}
