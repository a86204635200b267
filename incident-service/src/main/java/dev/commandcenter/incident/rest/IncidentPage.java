package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.service.IncidentSlice;
import java.time.Instant;
import java.util.List;

/** One page of incidents; pass {@code next} as {@code after} for the following page (null at the end). */
public record IncidentPage(List<IncidentSummary> items, String next) {
    public static IncidentPage of(IncidentSlice slice, Instant now) {
        return new IncidentPage(slice.incidents().stream().map(i -> IncidentResponses.summary(i, now)).toList(),
                slice.next());
    }
}
