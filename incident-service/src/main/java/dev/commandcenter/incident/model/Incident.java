package dev.commandcenter.incident.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/** An incident: started from a playbook, run in its own channel, ended by a member. */
@Entity
@Table(name = "incident")
public class Incident {
    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(name = "playbook_id", nullable = false)
    public UUID playbookId;

    /** The channel name, unique within the team. */
    @Column(nullable = false)
    public String name;

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Column(name = "public_channel", nullable = false)
    public boolean publicChannel;

    /** One of the playbook's severity levels, or null when none was set. */
    @Column
    public String severity;

    @Column(name = "commander_id", nullable = false)
    public String commanderId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public boolean active;

    @Convert(converter = ChecklistsConverter.class)
    @Column(nullable = false)
    public List<Checklist> checklists;

    /** The roles staffed in this incident; the commander role's holder is {@link #commanderId}. */
    @Convert(converter = RolesConverter.class)
    @Column(nullable = false)
    public List<IncidentRole> roles = List.of();

    /** The stage the team is working on; null when the checklist has no stages. */
    @Column(name = "active_stage_id")
    public String activeStageId;

    /** Minutes between status-update reminders (from the playbook, changed by the commander); null: off. */
    @Column(name = "reminder_interval_minutes")
    public Integer reminderIntervalMinutes;

    /** When the bot reminds the channel to post a status update; null: no reminder due (off, or ended). */
    @Column(name = "next_reminder_at")
    public Instant nextReminderAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @OrderBy
    @CollectionTable(name = "incident_member", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "user_id")
    public Set<String> memberIds = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public String endedBy;

    /** Where the incident is in its post-incident learning flow. */
    @Enumerated(EnumType.STRING)
    @Column(name = "learning_state", nullable = false)
    public LearningState learningState = LearningState.NONE;

    /** The learning statuses with their tasks, copied from the playbook on entering; empty before. */
    @Convert(converter = LearningConverter.class)
    @Column(nullable = false)
    public List<LearningStatus> learning = List.of();

    /** The name of the current learning status; null unless the flow is active. */
    @Column(name = "learning_status")
    public String learningStatus;

    /** Why the incident opted out of the learning flow. */
    @Column(name = "learning_opt_out_reason")
    public String learningOptOutReason;

    /** When the cause was identified, as the team recorded it afterwards. */
    @Column(name = "identified_at")
    public Instant identifiedAt;

    /** When the impact was resolved, as the team recorded it afterwards (the end may be later). */
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Version
    public long version;

    /** Makes a member the commander, and so the holder of the commander role. */
    public void handCommandTo(String userId) {
        commanderId = userId;
        roles = roles.stream().map(role -> role.commander() ? role.withHolder(userId) : role).toList();
    }

    /** Frees the roles (other than commander) a leaving member held; returns their names. */
    public List<String> releaseRolesOf(String userId) {
        List<String> released = roles.stream().filter(r -> !r.commander() && userId.equals(r.holderId()))
                .map(IncidentRole::name).toList();
        roles = roles.stream().map(r -> !r.commander() && userId.equals(r.holderId()) ? r.withHolder(null) : r)
                .toList();
        return released;
    }

    public int totalChecklistItems() {
        return checklists.stream().mapToInt(stage -> stage.items().size()).sum();
    }
}
