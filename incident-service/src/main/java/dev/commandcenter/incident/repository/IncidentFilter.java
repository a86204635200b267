package dev.commandcenter.incident.repository;

/**
 * Which incidents of a team to list: {@code viewer} sees public ones and private ones they are a
 * member of (null: all, for system administrators); {@code active} null means ongoing and ended.
 */
public record IncidentFilter(String teamId, String viewer, Boolean active, String commanderId, String severity,
        String search) {
}
