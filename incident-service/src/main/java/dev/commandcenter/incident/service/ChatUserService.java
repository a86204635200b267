package dev.commandcenter.incident.service;

import dev.commandcenter.directory.TeamDirectory;
import dev.commandcenter.incident.model.ChatUser;
import dev.commandcenter.incident.model.ChatUser.Tool;
import dev.commandcenter.incident.repository.ChatUserRepository;
import dev.commandcenter.kit.problem.DatabaseRejections;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Which platform user a chat user is, per team and tool: members map their own chat identities (a
 * chat tool's names need not be the platform's), and a chat user without a mapping is taken to be the
 * platform user of the same name. The platform user must be a member of the team (Keycloak says), so a
 * mapping never lets a chat command act as an outsider; and members map only to themselves (system
 * administrators: anyone), so nobody can make their chat commands run as a teammate.
 */
@ApplicationScoped
public class ChatUserService {
    /** Mappings a team may have: a team's chat users, with room to spare; all of them are listed at once. */
    public static final int MAX_PER_TEAM = 500;

    private final ChatUserRepository chatUsers;
    private final TeamDirectory directory;

    public ChatUserService(ChatUserRepository chatUsers, TeamDirectory directory) {
        this.chatUsers = chatUsers;
        this.directory = directory;
    }

    /** The team's mappings; none for outsiders. */
    @WithSession
    public Uni<List<ChatUser>> list(String teamId, CurrentUser user) {
        if (!user.canAccessTeam(teamId)) {
            return Uni.createFrom().item(List.of());
        }
        return chatUsers.ofTeam(teamId, MAX_PER_TEAM);
    }

    /** Maps the chat user (its id or name in the tool) to a member of the team, replacing an earlier mapping. */
    public Uni<ChatUser> put(String teamId, Tool tool, String chatUser, String userId, CurrentUser user) {
        user.requireTeam(teamId);
        if (!user.isSystemAdmin() && !user.id().equals(userId)) {
            throw ProblemException.forbidden("You can map chat users only to yourself (@" + user.id()
                    + "); an administrator can map anyone");
        }
        String key = stripAt(chatUser);
        return directory.requireMember(userId, teamId, "userId")
                .chain(() -> Panache.withTransaction(() -> chatUsers.findMapping(teamId, tool, key).chain(existing -> {
                    if (existing != null) {
                        requireOwn(existing, user);
                        existing.userId = userId;
                        return Uni.createFrom().item(existing);
                    }
                    return chatUsers.countOf(teamId).chain(count -> {
                        if (count >= MAX_PER_TEAM) {
                            throw ProblemException.conflict("Team " + teamId + " already maps " + MAX_PER_TEAM
                                    + " chat users; delete some first");
                        }
                        ChatUser mapping = new ChatUser();
                        mapping.id = UUID.randomUUID();
                        mapping.teamId = teamId;
                        mapping.tool = tool;
                        mapping.chatUser = key;
                        mapping.userId = userId;
                        mapping.createdBy = user.id();
                        mapping.createdAt = IncidentChanges.now();
                        return chatUsers.persist(mapping);
                    });
                }).call(chatUsers::flush)))
                .onFailure(ChatUserService::concurrentDuplicate).transform(e -> ProblemException.conflict(
                        "The mapping of " + key + " was changed at the same time; try again"));
    }

    /** Deletes a mapping of a team the user belongs to (404 for other teams'; 403 for others' mappings). */
    public Uni<Void> delete(UUID id, CurrentUser user) {
        return Panache.withTransaction(() -> chatUsers.findById(id).chain(mapping -> {
            if (mapping == null || !user.canAccessTeam(mapping.teamId)) {
                throw ProblemException.notFound("Chat user mapping " + id);
            }
            requireOwn(mapping, user);
            return chatUsers.delete(mapping);
        }));
    }

    /**
     * The platform user a chat user is: the mapping of its id, else of its name, else its name (null if
     * the tool sent no name and nothing maps its id). In the caller's session.
     */
    public Uni<String> platformUser(String teamId, Tool tool, String chatId, String chatName) {
        String name = chatName == null ? null : stripAt(chatName);
        if (chatId == null && name == null) {
            return Uni.createFrom().nullItem();
        }
        return chatUsers.findByIdOrName(teamId, tool, chatId == null ? name : chatId, name == null ? chatId : name).map(mappings -> mappings.stream()
                .filter(m -> m.chatUser.equals(chatId)).findFirst()
                .or(() -> mappings.stream().filter(m -> m.chatUser.equals(name)).findFirst())
                .map(m -> m.userId).orElse(name));
    }

    /** A mapping is changed by the user it maps to, the member who made it, or an administrator. */
    private static void requireOwn(ChatUser mapping, CurrentUser user) {
        if (!user.isSystemAdmin() && !user.id().equals(mapping.userId) && !user.id().equals(mapping.createdBy)) {
            throw ProblemException.forbidden("This chat user is mapped to @" + mapping.userId
                    + "; only they, whoever mapped it and administrators can change it");
        }
    }

    private static String stripAt(String chatUser) {
        String key = chatUser.strip();
        return key.startsWith("@") ? key.substring(1) : key;
    }

    private static boolean concurrentDuplicate(Throwable failure) {
        return DatabaseRejections.violatesUnique(failure, "chat_user_key");
    }
}
