package dev.commandcenter.events.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import java.util.List;

/** A list of ids stored as a JSON array in a text column. */
@Converter
public class StringListConverter extends JsonTextConverter<List<String>> {
    public StringListConverter() {
        super(new TypeReference<>() {
        });
    }
}
