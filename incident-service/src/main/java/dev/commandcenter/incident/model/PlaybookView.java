package dev.commandcenter.incident.model;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.events.persistence.StagesConverter;
import dev.commandcenter.events.persistence.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** A playbook as last announced on the playbook state topic. */
@Entity
@Table(name = "playbook_view")
public class PlaybookView {
    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Column(nullable = false)
    public String title;

    @Column(name = "public_channel", nullable = false)
    public boolean publicChannel;

    @Convert(converter = StringListConverter.class)
    @Column(name = "member_ids", nullable = false)
    public List<String> memberIds;

    @Convert(converter = StagesConverter.class)
    @Column(nullable = false)
    public List<PlaybookContent.Stage> stages;

    /** The severity levels the playbook defines (SEV1, ...): an incident's severity is one of them. */
    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> severities = List.of();

    /** Everything else an incident runs by: roles, status templates, reminder, plan, criteria, learning flow. */
    @Convert(converter = PlaybookSettingsConverter.class)
    @Column(nullable = false)
    public PlaybookSettings settings = PlaybookSettings.NONE;

    @Column(nullable = false)
    public boolean deleted;

    /** The playbook's own version, not an optimistic lock of this row. */
    @Column(nullable = false)
    public long version;
}
