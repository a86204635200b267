package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.chat.ChatFormats;
import dev.commandcenter.incident.chat.ChatReply;
import dev.commandcenter.incident.chat.CommandParser;
import dev.commandcenter.incident.chat.SlashCommand;
import dev.commandcenter.incident.model.ChatUser.Tool;
import dev.commandcenter.incident.model.Integration;
import dev.commandcenter.incident.model.Integration.Kind;
import dev.commandcenter.incident.service.IntegrationService;
import dev.commandcenter.incident.service.SlashCommands;
import dev.commandcenter.incident.service.SlashCommands.ChatOrigin;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Slack's slash command and message shortcut (seed 000), for one Slack integration: set the slash
 * command's Request URL to {@code .../slack/{id}/command} and the app's Interactivity Request URL to
 * {@code .../slack/{id}/action}. Slack sends no key; it signs each request with the app's signing
 * secret, checked here over the raw body (401 for a bad signature and for a timestamp more than five
 * minutes from now, which may be a replay; 429 over the rate; 413 beyond the size bound). Commands are
 * answered 200 in Slack's JSON, refusals included.
 */
@Path("/api/v1/intake/slack")
@Tag(name = "Chat commands")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Cancellable(false)
public class SlackCommandResource {
    private static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    private static final String SIGNATURE = "X-Slack-Signature";

    private final IntegrationService integrations;
    private final SlashCommands commands;

    public SlackCommandResource(IntegrationService integrations, SlashCommands commands) {
        this.integrations = integrations;
        this.commands = commands;
    }

    @POST
    @Path("/{integrationId}/command")
    @Operation(summary = "A Slack slash command (form fields token, team_id, team_domain, channel_id, channel_name, "
            + "user_id, user_name, command, text, response_url, trigger_id, api_app_id), signed by Slack")
    @APIResponse(responseCode = "200", description = "{response_type: ephemeral|in_channel, text}")
    @APIResponse(responseCode = "401", description = "Bad signature, stale timestamp, or no live Slack integration")
    public Uni<ChatReply> command(@RestPath UUID integrationId, byte[] body,
            @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(SIGNATURE) String signature) {
        AlertIntakeResource.requireSize(body);
        return verified(integrationId, body, timestamp, signature).chain(integration -> {
            Map<String, String> form = ChatFormats.form(body);
            ChatCommandSupport.requireOrigin(form);
            return commands.handle(new ChatOrigin(integration, Tool.SLACK, form.get("channel_id").strip(),
                    ChatCommandSupport.blankToNull(form.get("user_id")),
                    ChatCommandSupport.blankToNull(form.get("user_name")), form.get("command")),
                    CommandParser.parse(form.get("text")));
        });
    }

    @POST
    @Path("/{integrationId}/action")
    @Operation(summary = "A Slack message shortcut (form field payload: type message_action): starts an incident "
            + "from the integration's playbook, quoting the message in the announcement")
    @APIResponse(responseCode = "200", description = "{response_type, text}: what happened")
    public Uni<ChatReply> action(@RestPath UUID integrationId, byte[] body,
            @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(SIGNATURE) String signature) {
        AlertIntakeResource.requireSize(body);
        return verified(integrationId, body, timestamp, signature).chain(integration -> {
            ChatFormats.MessageAction action = ChatFormats.messageAction(ChatFormats.form(body).get("payload"));
            if (!action.isMessageShortcut()) {
                return Uni.createFrom().item(ChatReply.ephemeral("Only the message shortcut is supported here: use "
                        + "\"Start incident\" on a message, or " + CommandParser.TRIGGER + " help."));
            }
            if (action.postText() == null) {
                return Uni.createFrom().item(ChatReply.ephemeral("This message has no text to start an incident from."));
            }
            ChatCommandSupport.requireOrigin(action.channelId(), action.userId(), action.userName());
            return commands.handle(new ChatOrigin(integration, Tool.SLACK, action.channelId(), action.userId(),
                    action.userName(), null), new SlashCommand.StartFromPost(action.postText()));
        });
    }

    /** The integration, if Slack signed the request with its signing secret within the last five minutes. */
    private Uni<Integration> verified(UUID integrationId, byte[] body, String timestamp, String signature) {
        if (!ChatFormats.isFresh(timestamp, Instant.now())) {
            throw IntegrationService.unauthorized("Send Slack's " + TIMESTAMP + "; a request more than "
                    + ChatFormats.SLACK_MAX_SKEW.toMinutes() + " minutes from now is refused as a possible replay");
        }
        return Panache.withTransaction(() -> integrations.signedById(integrationId, Kind.SLACK,
                secret -> ChatFormats.slackSignatureMatches(secret, timestamp.strip(), body, signature)));
    }
}
