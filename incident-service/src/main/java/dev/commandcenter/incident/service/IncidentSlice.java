package dev.commandcenter.incident.service;

import dev.commandcenter.incident.model.Incident;
import java.util.List;

/** One page of incidents, newest first, and the cursor of the next page (null at the end). */
public record IncidentSlice(List<Incident> incidents, String next) {
}
