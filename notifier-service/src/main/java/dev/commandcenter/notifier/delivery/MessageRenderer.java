package dev.commandcenter.notifier.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventType;
import java.time.Instant;
import java.util.Locale;

/**
 * Words for an incident event. Only the start and the status update carry names and text; the other
 * events carry ids (contracts keep names and texts in incident-service), so their messages say what
 * happened and link to the incident for the rest.
 */
public final class MessageRenderer {
    private static final int MAX_TEXT = 4000;

    private MessageRenderer() {
    }

    /** {@code publicUrl} without a trailing slash; the incident page is {@code /backstage/incidents/<id>}. */
    public static Message render(EventEnvelope event, JsonNode data, String incidentId, String publicUrl) {
        String name = text(data, "name");
        if (name == null) {
            name = text(data, "incidentName");
        }
        String path = text(data, "incidentUrl");
        String url = publicUrl + (path != null && path.startsWith("/") && !path.startsWith("//") ? path
                : "/backstage/incidents/" + incidentId);
        String subject = name != null ? name : "incident " + incidentId;
        String title;
        String body;
        EventType type = EventType.fromValue(event.type()).orElse(null);
        if (type == EventType.INCIDENT_STARTED) {
            title = "Incident started: " + subject;
            body = "Commander: @" + text(data, "commanderId");
        } else if (type == EventType.INCIDENT_ENDED) {
            title = "Incident ended: " + subject;
            body = "Ended by @" + text(data, "endedBy");
        } else if (type == EventType.INCIDENT_STATUS_UPDATED) {
            String phase = text(data, "phase");
            title = "Status update on " + subject + (phase == null ? "" : " (" + phase.toLowerCase(Locale.ROOT) + ")");
            body = text(data, "text") + "\n— @" + text(data, "authorId");
        } else if (type == EventType.TASK_SLASH_COMMAND_RUN) {
            title = "Slash command to run for " + subject;
            body = "@" + text(data, "userId") + " ran a checklist step's slash command that the platform does not"
                    + " carry out itself (step " + text(data, "itemId") + "): run it here.";
        } else {
            title = describe(event.type()) + " in " + subject;
            String actor = text(data, "userId");
            body = actor == null ? "See the incident for details." : "By or for @" + actor + ".";
        }
        Instant at = event.time() != null ? event.time() : Instant.now();
        return new Message(event.id(), event.type(), event.teamid(), incidentId, name, title,
                body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT) + "…" : body, url, at);
    }

    /** {@code incident.severity_changed.v1} as "Severity changed". */
    static String describe(String type) {
        String[] parts = type.split("\\.");
        String what = parts.length >= 2 ? parts[1] : type;
        String words = what.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
