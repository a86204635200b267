package dev.commandcenter.events.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.contracts.EventJson;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A list of ids stored as a JSON array in a text column. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {
    private static final TypeReference<List<String>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        return EventJson.writeValue(values);
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        return EventJson.readValue(json, TYPE);
    }
}
