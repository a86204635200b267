package dev.commandcenter.notifier.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.events.persistence.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A short bounded list of strings (event types, email addresses) as one JSON column, read and replaced whole. */
@Converter
public class StringListConverter extends JsonTextConverter<List<String>> {
    public StringListConverter() {
        super(new TypeReference<>() {
        });
    }
}
