package dev.commandcenter.events.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.PlaybookState;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A playbook's stages and steps stored as one JSON text column (playbooks, playbook views, incident checklists). */
@Converter
public class StagesConverter implements AttributeConverter<List<PlaybookState.Stage>, String> {
    private static final TypeReference<List<PlaybookState.Stage>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<PlaybookState.Stage> stages) {
        return EventJson.writeValue(stages);
    }

    @Override
    public List<PlaybookState.Stage> convertToEntityAttribute(String json) {
        return EventJson.readValue(json, TYPE);
    }
}
