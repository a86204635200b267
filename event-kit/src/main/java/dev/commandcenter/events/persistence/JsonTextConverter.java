package dev.commandcenter.events.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.contracts.EventJson;
import jakarta.persistence.AttributeConverter;

/**
 * A value stored as one JSON text column: for parts of an aggregate that are always read and
 * written whole (stages with their steps, roles, settings). Subclasses only name the type.
 */
public abstract class JsonTextConverter<T> implements AttributeConverter<T, String> {
    private final TypeReference<T> type;

    protected JsonTextConverter(TypeReference<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        return value == null ? null : EventJson.writeValue(value);
    }

    @Override
    public T convertToEntityAttribute(String json) {
        return json == null ? null : EventJson.readValue(json, type);
    }
}
