package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.NoControlCharactersValidator;
import dev.commandcenter.directory.TeamDirectory;
import dev.commandcenter.incident.chat.ChatReply;
import dev.commandcenter.incident.chat.CommandParser;
import dev.commandcenter.incident.chat.SlashCommand;
import dev.commandcenter.incident.model.ChatUser.Tool;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.model.IncidentRole;
import dev.commandcenter.incident.model.Integration;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.repository.ChatChannelRepository;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs {@code /incident} commands (seed 000): typed in Mattermost or Slack, or run from a checklist
 * step. Every command goes through the services the API uses, as the person who typed it, so it may do
 * exactly what they may do on the page. In chat, what changed is answered to the channel
 * ({@code in_channel}, with the incident's URL); help, lookups and refusals only to the person
 * ({@code ephemeral}), with the reason the service gave. A command in a channel an incident was started
 * from acts on that incident.
 */
@ApplicationScoped
public class SlashCommands {
    private static final Logger LOG = Logger.getLogger(SlashCommands.class);
    /** The ongoing incidents {@code list} shows (a chat message, not a page). */
    static final int LISTED = 10;
    private static final int MAX_NAME = 100;
    private static final int MAX_POST = 16384;
    private static final int MAX_UPDATE = 4000;

    private final IncidentService incidents;
    private final IncidentLifecycle lifecycle;
    private final ResponderService responders;
    private final RoleService roles;
    private final ChecklistService checklists;
    private final StatusUpdateService statusUpdates;
    private final ChatUserService chatUsers;
    private final ChatChannelRepository channels;
    private final TeamDirectory directory;
    private final AlertIntake links;

    public SlashCommands(IncidentService incidents, IncidentLifecycle lifecycle, ResponderService responders,
            RoleService roles, ChecklistService checklists, StatusUpdateService statusUpdates,
            ChatUserService chatUsers, ChatChannelRepository channels, TeamDirectory directory, AlertIntake links) {
        this.incidents = incidents;
        this.lifecycle = lifecycle;
        this.responders = responders;
        this.roles = roles;
        this.checklists = checklists;
        this.statusUpdates = statusUpdates;
        this.chatUsers = chatUsers;
        this.channels = channels;
        this.directory = directory;
        this.links = links;
    }

    /**
     * Where a chat command came from: the integration that authenticated it, the tool, the channel, the
     * chat user (its id and name in the tool) and the trigger as the tool sent it (for the help text).
     */
    public record ChatOrigin(Integration integration, Tool tool, String channelId, String chatUserId,
            String chatUserName, String trigger) {
    }

    /** Who runs a command, and from where: {@code origin} is null for a checklist step. */
    private record Scope(ChatOrigin origin, CurrentUser user) {
        String trigger() {
            return origin == null || origin.trigger() == null || origin.trigger().isBlank() ? CommandParser.TRIGGER
                    : origin.trigger().strip();
        }
    }

    /** What a change did, in words for the channel. */
    private record Changed(Incident incident, String what) {
    }

    /**
     * Runs a chat command for the chat user (mapped to a member of the integration's team, else an
     * "unknown user" answer). Never fails: a refusal or a failure is an ephemeral answer.
     */
    public Uni<ChatReply> handle(ChatOrigin origin, SlashCommand command) {
        String teamId = origin.integration().teamId;
        return Panache.withSession(() -> chatUsers.platformUser(teamId, origin.tool(), origin.chatUserId(),
                        origin.chatUserName()))
                .chain(userId -> member(userId, teamId))
                .chain(user -> user == null ? Uni.createFrom().item(unknownUser(origin))
                        : execute(command, new Scope(origin, user)))
                .onFailure().recoverWithItem(SlashCommands::refusal);
    }

    /**
     * Runs a checklist step's {@code /incident} command on the step's incident, as the user who ran the
     * step, in the caller's transaction: only commands that change the incident (400 for others and for
     * what the parser cannot read); a refusal fails the step's run.
     */
    public Uni<Incident> runStep(UUID incidentId, String slashCommand, CurrentUser user) {
        SlashCommand command = CommandParser.parseStep(slashCommand);
        if (command instanceof SlashCommand.Invalid invalid) {
            throw ProblemException.invalidField("slashCommand", invalid.problem()
                    + (invalid.verb() == null ? "" : " " + CommandParser.usage(CommandParser.TRIGGER, invalid.verb())));
        }
        if (!command.changesIncident()) {
            throw ProblemException.invalidField("slashCommand", "a step runs the " + CommandParser.TRIGGER
                    + " commands that change its incident: end, commander, add, role, stage, check, severity, update");
        }
        return change(incidentId, command, new Scope(null, user)).map(Changed::incident);
    }

    /** The acting user if Keycloak has them in the team; null otherwise. */
    private Uni<CurrentUser> member(String userId, String teamId) {
        if (userId == null) {
            return Uni.createFrom().nullItem();
        }
        return directory.teamsOf(userId)
                .onFailure().transform(e -> new ProblemException(503, "directory-unavailable", "Service Unavailable",
                        "Team membership cannot be checked right now; try again shortly", List.of()))
                .map(teams -> teams.contains(teamId) ? CurrentUser.actingFor(userId, teams, false) : null);
    }

    private Uni<ChatReply> execute(SlashCommand command, Scope scope) {
        if (command instanceof SlashCommand.Help) {
            return answer(ChatReply.ephemeral(CommandParser.help(scope.trigger())));
        }
        if (command instanceof SlashCommand.Invalid invalid) {
            return answer(ChatReply.ephemeral(invalid.problem() + "\n" + (invalid.verb() == null
                    ? CommandParser.help(scope.trigger()) : CommandParser.usage(scope.trigger(), invalid.verb()))));
        }
        if (command instanceof SlashCommand.Start start) {
            return start(scope, start.words(), null);
        }
        if (command instanceof SlashCommand.StartFromPost post) {
            return start(scope, null, post.postText());
        }
        if (command instanceof SlashCommand.ListOngoing) {
            return list(scope);
        }
        return linkedIncident(scope).chain(incidentId -> {
            if (command instanceof SlashCommand.Info) {
                return info(incidentId, scope);
            }
            return change(incidentId, command, scope).map(changed -> ChatReply.inChannel("@" + scope.user().id()
                    + " " + changed.what() + " (incident \"" + changed.incident().name + "\"): "
                    + links.incidentUrl(changed.incident().id)));
        });
    }

    private Uni<Changed> change(UUID id, SlashCommand command, Scope scope) {
        CurrentUser user = scope.user();
        if (command instanceof SlashCommand.End) {
            return lifecycle.end(id, user).map(incident -> new Changed(incident, "ended the incident"));
        }
        if (command instanceof SlashCommand.Commander commander) {
            return platformUser(commander.user(), scope).chain(userId -> responders.changeCommander(id, userId, user)
                    .map(incident -> new Changed(incident, "made @" + userId + " the commander")));
        }
        if (command instanceof SlashCommand.Add add) {
            return platformUser(add.user(), scope).chain(userId -> responders.addMember(id, userId, user)
                    .map(incident -> new Changed(incident, "added @" + userId)));
        }
        if (command instanceof SlashCommand.Role role) {
            return incidents.get(id, user).chain(incident -> {
                IncidentRole found = role(incident, role.role());
                return platformUser(role.user(), scope).chain(userId -> roles.assign(id, found.id(), userId, user)
                        .map(changed -> new Changed(changed, "made @" + userId + " the " + found.name())));
            });
        }
        if (command instanceof SlashCommand.Stage stage) {
            return incidents.get(id, user).chain(incident -> {
                Checklist found = stage(incident, stage.stage());
                return lifecycle.setActiveStage(id, found.id(), user)
                        .map(changed -> new Changed(changed, "made \"" + found.title() + "\" the active stage"));
            });
        }
        if (command instanceof SlashCommand.Check check) {
            return incidents.get(id, user).chain(incident -> {
                Checklist active = activeStage(incident);
                if (check.position() > active.items().size()) {
                    throw ProblemException.invalidField("n", "the active stage \"" + active.title() + "\" has "
                            + active.items().size() + " items");
                }
                Checklist.Item item = active.items().get(check.position() - 1);
                return checklists.setItemState(id, active.id(), item.id(), Checklist.State.DONE, user)
                        .map(changed -> new Changed(changed, "checked \"" + item.title() + "\""));
            });
        }
        if (command instanceof SlashCommand.Severity severity) {
            return incidents.get(id, user).chain(incidents::playbookOf).chain(playbook -> {
                String level = level(playbook, severity.level());
                return lifecycle.changeSeverity(id, level, null, user)
                        .map(changed -> new Changed(changed, "set the severity to " + level));
            });
        }
        if (command instanceof SlashCommand.Update update) {
            requireText("text", update.text(), MAX_UPDATE);
            return statusUpdates.post(id, update.phase(), update.text(), user).chain(() -> incidents.get(id, user))
                    .map(incident -> new Changed(incident, "posted a status update ("
                            + StatusUpdateService.phaseName(update.phase()) + "): " + update.text().strip()));
        }
        throw new IllegalArgumentException("Not a change: " + command);
    }

    /**
     * {@code start [playbook] [name]}, or a start from a post: the playbook named first (by title or id,
     * among those the user may start; else the integration's), the rest as the channel name (else one
     * made from the playbook or the post). Links the chat channel to the new incident.
     */
    private Uni<ChatReply> start(Scope scope, String words, String postText) {
        ChatOrigin origin = scope.origin();
        CurrentUser user = scope.user();
        return incidents.startablePlaybooks(origin.integration().teamId, user).chain(startable -> {
            PlaybookChoice choice = words == null ? new PlaybookChoice(origin.integration().playbookId, "")
                    : choosePlaybook(startable, words, origin.integration().playbookId);
            String title = startable.stream().filter(p -> p.id.equals(choice.playbookId())).map(p -> p.title)
                    .findFirst().orElse("Incident");
            String name = !choice.rest().isBlank() ? choice.rest().strip()
                    : generatedName(postText == null ? title : firstLine(postText));
            requireText("name", name, MAX_NAME);
            String post = postText == null ? null : plain(postText, MAX_POST);
            return Panache.withTransaction(() -> incidents.start(new NewIncident(choice.playbookId(), name, post, null),
                            user)
                    .call(incident -> channels.link(origin.integration().id, origin.channelId(), incident.id,
                            user.id(), IncidentChanges.now())))
                    .map(incident -> ChatReply.inChannel("@" + user.id() + " started the incident \"" + incident.name
                            + "\" from the playbook \"" + title + "\"" + (post == null ? "" : ", quoting a post")
                            + ": " + links.incidentUrl(incident.id) + "\nThis channel's " + scope.trigger()
                            + " commands now act on it."));
        });
    }

    private record PlaybookChoice(UUID playbookId, String rest) {
    }

    /**
     * The playbook the words start with: a quoted title, a title (the longest that matches) or an id;
     * the integration's playbook if they start with none. 400 for a quoted title that is no playbook
     * of the user's.
     */
    static PlaybookChoice choosePlaybook(List<PlaybookView> startable, String words, UUID fallback) {
        String text = words.strip();
        if (text.startsWith("\"") && text.indexOf('"', 1) > 0) {
            int close = text.indexOf('"', 1);
            String quoted = text.substring(1, close).strip();
            PlaybookView playbook = startable.stream().filter(p -> p.title.equalsIgnoreCase(quoted)
                    || p.id.toString().equalsIgnoreCase(quoted)).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("playbook", "you may start no playbook named \""
                            + quoted + "\"; yours: " + startable.stream().map(p -> p.title).sorted()
                            .collect(Collectors.joining(", "))));
            return new PlaybookChoice(playbook.id, text.substring(close + 1));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return startable.stream()
                .flatMap(p -> java.util.stream.Stream.of(p.title, p.id.toString())
                        .filter(prefix -> startsWithWord(lower, prefix.toLowerCase(Locale.ROOT)))
                        .map(prefix -> new PlaybookChoice(p.id, text.substring(prefix.length()))))
                .min(Comparator.comparingInt(choice -> choice.rest().length()))
                .orElse(new PlaybookChoice(fallback, text));
    }

    private static boolean startsWithWord(String text, String prefix) {
        return !prefix.isEmpty() && text.startsWith(prefix)
                && (text.length() == prefix.length() || Character.isWhitespace(text.charAt(prefix.length())));
    }

    private Uni<ChatReply> list(Scope scope) {
        String teamId = scope.origin().integration().teamId;
        return incidents.list(teamId, true, null, null, null, null, LISTED, scope.user()).map(slice -> {
            if (slice.incidents().isEmpty()) {
                return ChatReply.ephemeral("No ongoing incidents in team " + teamId + ".");
            }
            String lines = slice.incidents().stream().map(incident -> "- " + incident.name
                    + (incident.severity == null ? "" : " [" + incident.severity + "]") + ", commander @"
                    + incident.commanderId + ": " + links.incidentUrl(incident.id))
                    .collect(Collectors.joining("\n"));
            return ChatReply.ephemeral("Ongoing incidents in team " + teamId + ":\n" + lines
                    + (slice.next() == null ? "" : "\n(the newest " + LISTED + "; the incident list has the rest)"));
        });
    }

    private Uni<ChatReply> info(UUID id, Scope scope) {
        return incidents.get(id, scope.user()).map(incident -> {
            StringBuilder text = new StringBuilder("Incident \"").append(incident.name).append("\" (")
                    .append(incident.active ? "ongoing" : "ended").append(")");
            text.append("\nCommander: @").append(incident.commanderId);
            text.append("\nSeverity: ").append(incident.severity == null ? "none" : incident.severity);
            text.append("\nMembers: ").append(incident.memberIds.stream().map(m -> "@" + m)
                    .collect(Collectors.joining(", ")));
            incident.checklists.stream().filter(stage -> stage.id().equals(incident.activeStageId)).findFirst()
                    .ifPresent(stage -> {
                        text.append("\nActive stage: ").append(stage.title());
                        for (int i = 0; i < stage.items().size(); i++) {
                            Checklist.Item item = stage.items().get(i);
                            text.append("\n").append(i + 1).append(". [")
                                    .append(item.state() == Checklist.State.DONE ? "x"
                                            : item.state() == Checklist.State.SKIPPED ? "-" : " ")
                                    .append("] ").append(item.title());
                        }
                    });
            text.append("\n").append(links.incidentUrl(incident.id));
            return ChatReply.ephemeral(text.toString());
        });
    }

    /** The incident the command's channel is linked to; 409 if none. */
    private Uni<UUID> linkedIncident(Scope scope) {
        ChatOrigin origin = scope.origin();
        return Panache.withSession(() -> channels.incidentOf(origin.integration().id, origin.channelId()))
                .map(incidentId -> {
                    if (incidentId == null) {
                        throw ProblemException.conflict("This channel is not linked to an incident. Run "
                                + scope.trigger() + " start here to start one: the channel an incident is started "
                                + "from is linked to it.");
                    }
                    return incidentId;
                });
    }

    /** The platform user a mention names: through the team's chat user mapping in chat, as is in a step. */
    private Uni<String> platformUser(SlashCommand.Mention mention, Scope scope) {
        if (scope.origin() == null) {
            return Uni.createFrom().item(mention.name() != null ? mention.name() : mention.chatId());
        }
        ChatOrigin origin = scope.origin();
        return Panache.withSession(() -> chatUsers.platformUser(origin.integration().teamId, origin.tool(),
                mention.chatId(), mention.name())).map(userId -> {
                    if (userId == null) {
                        throw ProblemException.invalidField("user", "no platform user is mapped to the chat user "
                                + mention.chatId() + " of team " + origin.integration().teamId);
                    }
                    return userId;
                });
    }

    private static IncidentRole role(Incident incident, String name) {
        return incident.roles.stream().filter(r -> r.name().equalsIgnoreCase(name) || r.id().equalsIgnoreCase(name))
                .findFirst().orElseThrow(() -> ProblemException.invalidField("role", "the incident has no role \""
                        + name + "\"; its roles: " + incident.roles.stream().map(IncidentRole::name)
                        .collect(Collectors.joining(", "))));
    }

    private static Checklist stage(Incident incident, String reference) {
        List<Checklist> stages = incident.checklists;
        try {
            int position = Integer.parseInt(reference.strip());
            if (position >= 1 && position <= stages.size()) {
                return stages.get(position - 1);
            }
        } catch (NumberFormatException e) {
            // Not a number: a title or an id.
        }
        return stages.stream().filter(s -> s.title().equalsIgnoreCase(reference.strip())
                        || s.id().equals(reference.strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("stage", "no stage \"" + reference.strip()
                        + "\"; the stages: " + stageNames(stages)));
    }

    private static String stageNames(List<Checklist> stages) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < stages.size(); i++) {
            names.append(i == 0 ? "" : ", ").append(i + 1).append(". ").append(stages.get(i).title());
        }
        return names.toString();
    }

    private static Checklist activeStage(Incident incident) {
        return incident.checklists.stream().filter(s -> s.id().equals(incident.activeStageId)).findFirst()
                .orElseThrow(() -> ProblemException.conflict("The incident has no active stage"));
    }

    /** The playbook's level as the playbook spells it (people type "sev1"); as typed if it has none such. */
    private static String level(PlaybookView playbook, String typed) {
        List<String> levels = playbook == null ? List.of() : playbook.severities;
        return levels.stream().filter(level -> level.equalsIgnoreCase(typed)).findFirst().orElse(typed);
    }

    private static void requireText(String field, String text, int max) {
        if (text.length() > max) {
            throw ProblemException.invalidField(field, "is longer than " + max + " characters");
        }
        if (!NoControlCharactersValidator.isPlainText(text)) {
            throw ProblemException.invalidField(field, "must not contain control characters");
        }
    }

    /** A post's text as the announcement quotes it: control characters as spaces, cut at the bound. */
    private static String plain(String text, int max) {
        StringBuilder plain = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && plain.length() < max; i++) {
            char c = text.charAt(i);
            plain.append(c == '\n' || c == '\t' || Character.getType(c) != Character.CONTROL ? c : ' ');
        }
        return plain.toString();
    }

    private static String firstLine(String post) {
        String line = post.strip().lines().findFirst().orElse("Incident").strip();
        return plain(line, 60).strip();
    }

    /** A channel name from a title, made unique with a random suffix (the team's names are unique). */
    private static String generatedName(String base) {
        String cut = base.length() > 80 ? base.substring(0, 80).strip() : base;
        return cut + " #" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ChatReply unknownUser(ChatOrigin origin) {
        String tool = origin.tool() == Tool.SLACK ? "Slack" : "Mattermost";
        return ChatReply.ephemeral("Unknown user: " + tool + " user " + (origin.chatUserName() == null ? ""
                : "@" + origin.chatUserName() + " ") + "(" + origin.chatUserId() + ") is not a member of team "
                + origin.integration().teamId + " here. Ask a team member to map your " + tool
                + " user to your platform user (PUT /api/v1/integrations/chat-users), or use the same user name in both.");
    }

    private static ChatReply refusal(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return ChatReply.ephemeral(problem.getMessage());
        }
        LOG.error("A chat command failed", failure);
        return ChatReply.ephemeral("The command failed unexpectedly and may not have taken effect; check the incident "
                + "page before trying again.");
    }

    private static Uni<ChatReply> answer(ChatReply reply) {
        return Uni.createFrom().item(reply);
    }
}
