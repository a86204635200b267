package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.chat.ChatFormats;
import dev.commandcenter.incident.chat.ChatReply;
import dev.commandcenter.incident.chat.CommandParser;
import dev.commandcenter.incident.model.ChatUser.Tool;
import dev.commandcenter.incident.model.Integration.Kind;
import dev.commandcenter.incident.service.IntegrationService;
import dev.commandcenter.incident.service.SlashCommands;
import dev.commandcenter.incident.service.SlashCommands.ChatOrigin;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Mattermost's slash command (seed 000): configure a custom slash command with the trigger word
 * {@code incident}, request method POST and this URL, and create a Mattermost integration with its
 * token. No OIDC here: the token authenticates (401 otherwise; 429 over the integration's rate; 413
 * beyond {@link dev.commandcenter.incident.integration.AlertFormats#MAX_BODY_BYTES}). Every command is
 * answered 200 in Mattermost's JSON, refusals included, so the person sees why.
 */
@Path("/api/v1/intake/mattermost")
@Tag(name = "Chat commands")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Cancellable(false)
public class MattermostCommandResource {
    private final IntegrationService integrations;
    private final SlashCommands commands;

    public MattermostCommandResource(IntegrationService integrations, SlashCommands commands) {
        this.integrations = integrations;
        this.commands = commands;
    }

    @POST
    @Path("/command")
    @Operation(summary = "A Mattermost slash command (form fields token, team_id, team_domain, channel_id, "
            + "channel_name, user_id, user_name, command, text, response_url, trigger_id): `/incident help` lists "
            + "the commands; `/incident start-from-post <text>` starts an incident quoting a post")
    @APIResponse(responseCode = "200", description = "{response_type: ephemeral|in_channel, text}")
    @APIResponse(responseCode = "401", description = "Unknown or revoked command token")
    public Uni<ChatReply> command(byte[] body) {
        AlertIntakeResource.requireSize(body);
        Map<String, String> form = ChatFormats.form(body);
        ChatCommandSupport.requireOrigin(form);
        return Panache.withTransaction(() -> integrations.authenticate(form.get("token"), Set.of(Kind.MATTERMOST)))
                .chain(integration -> commands.handle(new ChatOrigin(integration, Tool.MATTERMOST,
                        form.get("channel_id").strip(), ChatCommandSupport.blankToNull(form.get("user_id")),
                        ChatCommandSupport.blankToNull(form.get("user_name")), form.get("command")),
                        CommandParser.parse(form.get("text"))));
    }
}
