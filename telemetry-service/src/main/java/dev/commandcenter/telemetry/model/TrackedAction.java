package dev.commandcenter.telemetry.model;

/** What a telemetry record says happened: the seed's event type (incident, tasks, playbook) and action. */
public record TrackedAction(String type, String action) {
}
