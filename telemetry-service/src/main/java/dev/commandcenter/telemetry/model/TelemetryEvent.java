package dev.commandcenter.telemetry.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One content-free telemetry record: what happened to which item, with the server's metadata. */
@Entity
@Table(name = "telemetry_event")
public class TelemetryEvent {
    public static final String INCIDENT = "incident";
    public static final String PLAYBOOK = "playbook";
    public static final String TASKS = "tasks";

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    /** What the record is about: {@link #INCIDENT}, {@link #TASKS} (an incident's checklist) or {@link #PLAYBOOK}. */
    @Column(nullable = false)
    public String type;

    /** What happened: create, update, delete, end, or one of the seed's task actions such as add_task. */
    @Column(nullable = false)
    public String action;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    /** The incident or playbook id. */
    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    /** {@link IncidentProperties} or {@link PlaybookProperties} as JSON. */
    @Column(nullable = false)
    public String properties;

    @Column(name = "diagnostic_id", nullable = false)
    public String diagnosticId;

    @Column(name = "server_version", nullable = false)
    public String serverVersion;

    @Column(name = "plugin_version", nullable = false)
    public String pluginVersion;

    @Column(name = "event_timestamp", nullable = false)
    public Instant eventTimestamp;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "original_timestamp", nullable = false)
    public Instant originalTimestamp;
}
