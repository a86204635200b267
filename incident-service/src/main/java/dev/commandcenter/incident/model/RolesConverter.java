package dev.commandcenter.incident.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.events.persistence.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** An incident's roles as one JSON column: changed under the incident's row lock, read whole. */
@Converter
public class RolesConverter extends JsonTextConverter<List<IncidentRole>> {
    public RolesConverter() {
        super(new TypeReference<>() {
        });
    }
}
