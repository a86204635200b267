package dev.commandcenter.incident.service;

import dev.commandcenter.incident.model.Incident;

/** An incident with what its details show beside it: how many messages its channel holds. */
public record IncidentDetails(Incident incident, long messageCount) {
}
