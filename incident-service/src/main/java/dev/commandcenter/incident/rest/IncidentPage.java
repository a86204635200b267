package dev.commandcenter.incident.rest;

import java.util.List;

/** One page of incidents; pass {@code next} as {@code after} for the following page (null at the end). */
public record IncidentPage(List<IncidentSummary> items, String next) {
}
