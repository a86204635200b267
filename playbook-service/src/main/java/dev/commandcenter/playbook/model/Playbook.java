package dev.commandcenter.playbook.model;

import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.events.persistence.StagesConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
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
    public List<PlaybookState.Stage> stages;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "playbook_member", joinColumns = @JoinColumn(name = "playbook_id"))
    @Column(name = "user_id")
    public Set<String> memberIds = new LinkedHashSet<>();

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    public long version;
}
