package dev.commandcenter.incident.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.events.persistence.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** An incident's learning statuses and tasks as one JSON column, changed under the incident's row lock. */
@Converter
public class LearningConverter extends JsonTextConverter<List<LearningStatus>> {
    public LearningConverter() {
        super(new TypeReference<>() {
        });
    }
}
