package dev.commandcenter.notifier.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.events.persistence.JsonTextConverter;
import dev.commandcenter.notifier.oncall.Layer;
import jakarta.persistence.Converter;
import java.util.List;

/** A schedule's layers as one JSON column: always read and replaced whole. */
@Converter
public class LayersConverter extends JsonTextConverter<List<Layer>> {
    public LayersConverter() {
        super(new TypeReference<>() {
        });
    }
}
