package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.IncidentEnded;
import dev.commandcenter.contracts.IncidentStarted;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.incident.model.ChannelMessage;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.Incident;
import java.util.List;
import java.util.UUID;

/** What an incident publishes and what it copies from its playbook when it starts. */
public final class IncidentEvents {
    private IncidentEvents() {
    }

    public static IncidentStarted started(Incident incident, ChannelMessage announcement) {
        return new IncidentStarted(incident.id.toString(), incident.teamId, incident.playbookId.toString(),
                incident.name, incident.commanderId, incident.channelId.toString(), announcement.id.toString(),
                incident.publicChannel, incident.checklists.size(), incident.totalChecklistItems(),
                incident.createdAt);
    }

    public static IncidentEnded ended(Incident incident) {
        return new IncidentEnded(incident.id.toString(), incident.teamId, incident.playbookId.toString(),
                incident.commanderId, incident.endedBy, incident.channelId.toString(), incident.checklists.size(),
                incident.totalChecklistItems(), incident.createdAt, incident.endedAt);
    }

    /** The playbook's stages and steps as the incident's own checklists: every item open, unassigned. */
    public static List<Checklist> checklists(List<PlaybookContent.Stage> stages) {
        return stages.stream().map(stage -> new Checklist(idOrNew(stage.id()), stage.title(), stage.steps().stream()
                .map(step -> new Checklist.Item(idOrNew(step.id()), step.title(), step.description(),
                        step.slashCommand(), Checklist.State.OPEN, null, null, null, null))
                .toList())).toList();
    }

    private static String idOrNew(String id) {
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
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
