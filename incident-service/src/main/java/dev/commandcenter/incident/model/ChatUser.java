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
 * Who a chat user is on the platform, as the team says: chat tools name people by their own ids and
 * names, which need not be the platform's user names. Commands from {@code chatUser} (its id or its
 * name in the tool) act as {@code userId}.
 */
@Entity
@Table(name = "chat_user")
public class ChatUser {
    /** The chat tools that send slash commands (the chat kinds of {@link Integration.Kind}). */
    public enum Tool {
        MATTERMOST, SLACK
    }

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tool tool;

    @Column(name = "chat_user", nullable = false)
    public String chatUser;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
