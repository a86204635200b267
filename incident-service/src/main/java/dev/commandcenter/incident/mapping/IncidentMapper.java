package dev.commandcenter.incident.mapping;

import dev.commandcenter.contracts.IncidentStarted;
import dev.commandcenter.incident.model.ChannelMessage;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.rest.IncidentResponse;
import dev.commandcenter.incident.rest.MessageResponse;
import java.util.List;

public final class IncidentMapper {
    private IncidentMapper() {
    }

    public static IncidentResponse response(Incident incident) {
        return new IncidentResponse(incident.id, incident.teamId, incident.playbookId, incident.name,
                incident.channelId, incident.publicChannel, incident.commanderId, incident.createdBy, incident.active,
                List.copyOf(incident.memberIds), incident.checklists, incident.createdAt, incident.endedAt,
                incident.version);
    }

    public static MessageResponse response(ChannelMessage message) {
        return new MessageResponse(message.id, message.seq, message.kind.name(), message.authorId, message.text,
                message.createdAt);
    }

    public static IncidentStarted started(Incident incident, ChannelMessage announcement) {
        return new IncidentStarted(incident.id.toString(), incident.teamId, incident.playbookId.toString(),
                incident.name, incident.commanderId, incident.channelId.toString(), announcement.id.toString(),
                incident.publicChannel, incident.checklists.size(), incident.totalChecklistItems(),
                incident.createdAt);
    }

    /** The bot's first post in the channel: who started it, from which playbook, and the post's text. */
    public static String announcement(String creator, String playbookTitle, String postText) {
        StringBuilder text = new StringBuilder()
                .append("@").append(creator).append(" started this incident with the playbook \"")
                .append(playbookTitle).append("\" and is its commander.");
        if (postText != null && !postText.isBlank()) {
            text.append("\n\nStarted from this post:\n").append(postText.strip());
        }
        return text.toString();
    }
}
