package dev.commandcenter.incident.repository;

import dev.commandcenter.incident.model.ChatUser;
import dev.commandcenter.incident.model.ChatUser.Tool;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChatUserRepository implements PanacheRepositoryBase<ChatUser, UUID> {

    /** The team's mappings, by tool and chat user (bounded per team, so no paging). */
    public Uni<List<ChatUser>> ofTeam(String teamId, int limit) {
        return find("teamId = ?1 order by tool, chatUser", teamId).page(0, limit).list();
    }

    public Uni<ChatUser> findMapping(String teamId, Tool tool, String chatUser) {
        return find("teamId = ?1 and tool = ?2 and chatUser = ?3", teamId, tool, chatUser).firstResult();
    }

    /**
     * The mappings of a chat user by its id or its name in the tool; the caller prefers the id's
     * (ids never change, names may be reused).
     */
    public Uni<List<ChatUser>> findByIdOrName(String teamId, Tool tool, String chatId, String chatName) {
        return find("teamId = ?1 and tool = ?2 and chatUser in (?3, ?4)", teamId, tool, chatId, chatName).list();
    }

    public Uni<Long> countOf(String teamId) {
        return count("teamId", teamId);
    }
}
