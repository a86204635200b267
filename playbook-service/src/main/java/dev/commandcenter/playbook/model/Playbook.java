package dev.commandcenter.playbook.model;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.events.persistence.StagesConverter;
import dev.commandcenter.events.persistence.StringListConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A team's playbook: the process its members follow when they start an incident from it. */
@Entity
@Table(name = "playbook")
public class Playbook {
    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Column(name = "public_channel", nullable = false)
    public boolean publicChannel;

    @Convert(converter = StagesConverter.class)
    @Column(nullable = false)
    public List<PlaybookContent.Stage> stages;

    @Convert(converter = ContentConverters.Roles.class)
    @Column(nullable = false)
    public List<PlaybookContent.Role> roles;

    @Convert(converter = ContentConverters.StatusTemplates.class)
    @Column(name = "status_templates", nullable = false)
    public List<PlaybookContent.StatusTemplate> statusTemplates;

    @Column(name = "status_update_reminder_minutes")
    public Integer statusUpdateReminderMinutes;

    @Convert(converter = ContentConverters.CommunicationPlan.class)
    @Column(name = "communication_plan", nullable = false)
    public List<PlaybookContent.CommunicationChannel> communicationPlan;

    @Convert(converter = StringListConverter.class)
    @Column(name = "incident_criteria", nullable = false)
    public List<String> incidentCriteria;

    @Convert(converter = ContentConverters.Severities.class)
    @Column(nullable = false)
    public List<PlaybookContent.Severity> severities;

    @Convert(converter = ContentConverters.LearningFlow.class)
    @Column(name = "learning_flow", nullable = false)
    public PlaybookContent.LearningFlow learningFlow;

    /** Whether an alert's resolution ends the incident it started (PlaybookContent.AlertHandling). */
    @Column(name = "alert_resolve_ends", nullable = false)
    public boolean alertResolveEnds;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "playbook_member", joinColumns = @JoinColumn(name = "playbook_id"))
    @Column(name = "user_id")
    @OrderBy
    public Set<String> memberIds = new LinkedHashSet<>();

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    public long version;

    public PlaybookContent content() {
        return new PlaybookContent(title, description, publicChannel, stages, roles, statusTemplates,
                statusUpdateReminderMinutes, communicationPlan, incidentCriteria, severities, learningFlow,
                new PlaybookContent.AlertHandling(alertResolveEnds));
    }

    /** Replaces everything the team edits; ids, team, members and history stay. */
    public void setContent(PlaybookContent content) {
        title = content.title();
        description = content.description();
        publicChannel = content.publicChannel();
        stages = content.stages();
        roles = content.roles();
        statusTemplates = content.statusTemplates();
        statusUpdateReminderMinutes = content.statusUpdateReminderMinutes();
        communicationPlan = content.communicationPlan();
        incidentCriteria = content.incidentCriteria();
        severities = content.severities();
        learningFlow = content.learningFlow();
        alertResolveEnds = content.alertHandling() != null && content.alertHandling().resolveEndsIncident();
    }

    public boolean isVisibleTo(String userId, boolean systemAdmin, Set<String> teams) {
        return deletedAt == null && (systemAdmin || teams.contains(teamId) && memberIds.contains(userId));
    }
}
