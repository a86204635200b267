package dev.commandcenter.notifier.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.events.persistence.JsonTextConverter;
import dev.commandcenter.notifier.oncall.EscalationLevel;
import jakarta.persistence.Converter;
import java.util.List;

/** An escalation policy's levels as one JSON column: always read and replaced whole. */
@Converter
public class LevelsConverter extends JsonTextConverter<List<EscalationLevel>> {
    public LevelsConverter() {
        super(new TypeReference<>() {
        });
    }
}
