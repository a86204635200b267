package dev.commandcenter.incident.service;

import java.util.UUID;

/**
 * What starting an incident takes: the playbook, the channel name (unique within the team), the
 * chat post it was started from (optional) and one of the playbook's severity levels (optional).
 */
public record NewIncident(UUID playbookId, String name, String postText, String severity) {
}
