package dev.commandcenter.incident.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.incident.model.ChatUser;
import dev.commandcenter.incident.service.ChatUserService;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Who a team's chat users are on the platform, for slash commands: team members map a Mattermost or
 * Slack user (its id or its name there) to a member of the team. Unmapped chat users are taken to be
 * the platform user of the same name.
 */
@Path("/api/v1/integrations/chat-users")
@Tag(name = "Integrations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class ChatUserResource {
    private static final String CHAT_USER = "@?[A-Za-z0-9._-]{1,100}";

    private final ChatUserService chatUsers;
    private final CurrentUser user;

    public ChatUserResource(ChatUserService chatUsers, CurrentUser user) {
        this.chatUsers = chatUsers;
        this.user = user;
    }

    /** A mapping: the chat user in a tool (its id, e.g. Slack's U024BE7LH, or its name) and the platform user. */
    public record Mapping(
            @NotBlank @Size(max = 100) @NoControlCharacters String teamId,
            @NotNull ChatUser.Tool tool,
            @NotBlank @Pattern(regexp = CHAT_USER, message = "must be the chat user's id or name") String chatUser,
            @NotBlank @Pattern(regexp = ChangeRequests.USER, message = ChangeRequests.USER_MESSAGE) String userId) {
    }

    public record MappingResponse(UUID id, String teamId, ChatUser.Tool tool, String chatUser, String userId,
            String createdBy, Instant createdAt) {
        static MappingResponse of(ChatUser mapping) {
            return new MappingResponse(mapping.id, mapping.teamId, mapping.tool, mapping.chatUser, mapping.userId,
                    mapping.createdBy, mapping.createdAt);
        }
    }

    @GET
    @Operation(summary = "The team's chat user mappings, by tool and chat user (at most "
            + ChatUserService.MAX_PER_TEAM + ")")
    public Uni<List<MappingResponse>> list(@QueryParam("teamId") @NotBlank @Size(max = 100) String teamId) {
        return chatUsers.list(teamId, user).map(all -> all.stream().map(MappingResponse::of).toList());
    }

    @PUT
    @Operation(summary = "Map a chat user to a member of the team (replacing its earlier mapping)")
    @APIResponse(responseCode = "400", description = "Invalid, or the platform user is not a member of the team")
    @APIResponse(responseCode = "403", description = "You are not a member of the team")
    @APIResponse(responseCode = "409", description = "The team maps the most chat users it may")
    public Uni<MappingResponse> put(@Valid @NotNull Mapping mapping) {
        return chatUsers.put(mapping.teamId(), mapping.tool(), mapping.chatUser(), mapping.userId(), user)
                .map(MappingResponse::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a mapping: the chat user is taken to be the platform user of the same name again")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return chatUsers.delete(id, user).map(deleted -> RestResponse.noContent());
    }
}
