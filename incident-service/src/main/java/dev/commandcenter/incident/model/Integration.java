package dev.commandcenter.incident.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * How an alerting system or a chat tool reaches a team: its kind, the playbook its incidents start
 * from, the user they are started for (the owner, who becomes commander), and its secret, of which
 * only a hash is kept (Slack's signing secret: sealed, see {@code SecretSealer}).
 */
@Entity
@Table(name = "integration")
public class Integration {
    /** What sends to it, and so which endpoint and payload it takes. */
    public enum Kind {
        GENERIC, ALERTMANAGER, PAGERDUTY, MATTERMOST, SLACK;

        /** Alert sources get a secret generated here; chat tools bring their own. */
        public boolean generatesSecret() {
            return this == GENERIC || this == ALERTMANAGER || this == PAGERDUTY;
        }

        public boolean isChat() {
            return this == MATTERMOST || this == SLACK;
        }
    }

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "playbook_id", nullable = false)
    public UUID playbookId;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "sealed_secret")
    public String sealedSecret;

    /** The last characters of the secret, so people can tell keys apart without seeing them. */
    @Column(name = "secret_hint", nullable = false)
    public String secretHint;

    /** Whether a resolved alert ends its incident (otherwise it is only posted to the timeline). */
    @Column(name = "resolve_ends", nullable = false)
    public boolean resolveEnds;

    @Column(name = "rate_per_minute", nullable = false)
    public int ratePerMinute;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public boolean revoked() {
        return revokedAt != null;
    }
}
