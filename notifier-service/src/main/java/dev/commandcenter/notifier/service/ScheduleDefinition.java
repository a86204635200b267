package dev.commandcenter.notifier.service;

import dev.commandcenter.notifier.oncall.Layer;
import java.time.ZoneId;
import java.util.List;

/** What a schedule is made of, as checked by the API: its team, names, time zone and layers (lowest first). */
public record ScheduleDefinition(String teamId, String name, String description, ZoneId zone, List<Layer> layers) {
}
