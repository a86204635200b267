package dev.commandcenter.playbook.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.events.persistence.JsonTextConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** JSON text columns for the parts of a playbook's content that are read and written whole. */
public final class ContentConverters {
    private ContentConverters() {
    }

    @Converter
    public static class Roles extends JsonTextConverter<List<PlaybookContent.Role>> {
        public Roles() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class StatusTemplates extends JsonTextConverter<List<PlaybookContent.StatusTemplate>> {
        public StatusTemplates() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class CommunicationPlan extends JsonTextConverter<List<PlaybookContent.CommunicationChannel>> {
        public CommunicationPlan() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Severities extends JsonTextConverter<List<PlaybookContent.Severity>> {
        public Severities() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class LearningFlow extends JsonTextConverter<PlaybookContent.LearningFlow> {
        public LearningFlow() {
            super(new TypeReference<>() {
            });
        }
    }
}
