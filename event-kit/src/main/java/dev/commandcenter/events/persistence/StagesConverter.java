package dev.commandcenter.events.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.contracts.PlaybookContent;
import jakarta.persistence.Converter;
import java.util.List;

/** A playbook's stages and steps as one JSON text column (playbooks, playbook views, incident checklists). */
@Converter
public class StagesConverter extends JsonTextConverter<List<PlaybookContent.Stage>> {
    public StagesConverter() {
        super(new TypeReference<>() {
        });
    }
}
