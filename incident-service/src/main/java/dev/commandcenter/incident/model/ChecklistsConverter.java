package dev.commandcenter.incident.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.events.persistence.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** An incident's checklists as one JSON column: changed under the incident's row lock, read whole. */
@Converter
public class ChecklistsConverter extends JsonTextConverter<List<Checklist>> {
    public ChecklistsConverter() {
        super(new TypeReference<>() {
        });
    }
}
