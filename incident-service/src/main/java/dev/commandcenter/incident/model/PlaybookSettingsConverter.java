package dev.commandcenter.incident.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.events.persistence.JsonTextConverter;
import jakarta.persistence.Converter;

/** A playbook view's settings as one JSON column, replaced whole with each playbook event. */
@Converter
public class PlaybookSettingsConverter extends JsonTextConverter<PlaybookSettings> {
    public PlaybookSettingsConverter() {
        super(new TypeReference<>() {
        });
    }
}
