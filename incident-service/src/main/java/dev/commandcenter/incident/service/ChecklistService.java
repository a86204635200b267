package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.incident.chat.CommandParser;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.incident.service.IncidentChanges.Change;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The incident's checklists, worked by its members: the seven task actions of the telemetry seed
 * (add, remove, rename, check/uncheck/skip, move, assign, run the slash command), each a timeline
 * message and an event. Additions and edits stay within {@link ChecklistLimits}.
 */
@ApplicationScoped
public class ChecklistService {
    /** The state of a run's event when the platform carried the command out itself (nothing to forward). */
    public static final String EXECUTED = "executed";

    private final IncidentChanges changes;
    private final ChecklistLimits limits;
    private final SlashCommands commands;

    public ChecklistService(IncidentChanges changes, ChecklistLimits limits, SlashCommands commands) {
        this.changes = changes;
        this.limits = limits;
        this.commands = commands;
    }

    public Uni<Incident> addItem(UUID id, String stageId, String title, String description, String slashCommand,
            CurrentUser user) {
        Checklist.Item item = new Checklist.Item(UUID.randomUUID().toString(), title.strip(),
                Texts.blankToNull(description), Texts.blankToNull(slashCommand), Checklist.State.OPEN, null, null,
                null, null);
        return edit(id, user, incident -> {
            incident.checklists = limits.requireWithin(incident.checklists,
                    ChecklistEdits.addItem(incident.checklists, stageId, item));
            return Change.of(EventType.TASK_ADDED, "@" + user.id() + " added \"" + item.title() + "\"")
                    .item(stageId, item.id());
        });
    }

    /** Changes the given fields of an item (null: unchanged; empty description or command: cleared). */
    public Uni<Incident> editItem(UUID id, String stageId, String itemId, String title, String description,
            String slashCommand, CurrentUser user) {
        return edit(id, user, incident -> {
            Checklist.Item before = ChecklistEdits.item(incident.checklists, stageId, itemId);
            String newTitle = title == null ? before.title() : title.strip();
            String newDescription = description == null ? before.description() : Texts.blankToNull(description);
            String newCommand = slashCommand == null ? before.slashCommand() : Texts.blankToNull(slashCommand);
            incident.checklists = limits.requireWithin(incident.checklists, ChecklistEdits.replaceItem(
                    incident.checklists, stageId, itemId, item -> item.withText(newTitle, newDescription, newCommand)));
            String text = before.title().equals(newTitle)
                    ? "@" + user.id() + " edited \"" + before.title() + "\""
                    : "@" + user.id() + " renamed \"" + before.title() + "\" to \"" + newTitle + "\"";
            return Change.of(EventType.TASK_RENAMED, text).item(stageId, itemId);
        });
    }

    public Uni<Incident> removeItem(UUID id, String stageId, String itemId, CurrentUser user) {
        return edit(id, user, incident -> {
            Checklist.Item item = ChecklistEdits.item(incident.checklists, stageId, itemId);
            incident.checklists = ChecklistEdits.removeItem(incident.checklists, stageId, itemId);
            return Change.of(EventType.TASK_REMOVED, "@" + user.id() + " removed \"" + item.title() + "\"")
                    .item(stageId, itemId);
        });
    }

    /** Checks, unchecks or skips an item; setting the state it already has changes nothing. */
    public Uni<Incident> setItemState(UUID id, String stageId, String itemId, Checklist.State state,
            CurrentUser user) {
        return edit(id, user, incident -> {
            Checklist.Item item = ChecklistEdits.item(incident.checklists, stageId, itemId);
            if (item.state() == state) {
                return null;
            }
            incident.checklists = ChecklistEdits.replaceItem(incident.checklists, stageId, itemId,
                    it -> it.withState(state, user.id(), IncidentChanges.now()));
            String verb = switch (state) {
                case DONE -> "checked";
                case OPEN -> "unchecked";
                case SKIPPED -> "skipped";
            };
            return Change.of(EventType.TASK_STATE_MODIFIED, "@" + user.id() + " " + verb + " \"" + item.title()
                    + "\"").item(stageId, itemId).state(state.name().toLowerCase(Locale.ROOT));
        });
    }

    public Uni<Incident> moveItem(UUID id, String stageId, String itemId, String toStageId, int position,
            CurrentUser user) {
        return edit(id, user, incident -> {
            Checklist.Item item = ChecklistEdits.item(incident.checklists, stageId, itemId);
            incident.checklists = ChecklistEdits.moveItem(incident.checklists, stageId, itemId, toStageId, position);
            String target = toStageId == null ? stageId : toStageId;
            return Change.of(EventType.TASK_MOVED, "@" + user.id() + " moved \"" + item.title() + "\" to \""
                    + ChecklistEdits.stage(incident.checklists, target).title() + "\"").item(target, itemId);
        });
    }

    /** Assigns an item to a member of the incident, or unassigns it ({@code assigneeId} null). */
    public Uni<Incident> assignItem(UUID id, String stageId, String itemId, String assigneeId, CurrentUser user) {
        return edit(id, user, incident -> {
            if (assigneeId != null && !incident.memberIds.contains(assigneeId)) {
                throw ProblemException.invalidField("userId", assigneeId + " is not a member of this incident");
            }
            Checklist.Item item = ChecklistEdits.item(incident.checklists, stageId, itemId);
            if (Objects.equals(item.assigneeId(), assigneeId)) {
                return null;
            }
            incident.checklists = ChecklistEdits.replaceItem(incident.checklists, stageId, itemId,
                    it -> it.withAssignee(assigneeId));
            String text = assigneeId == null ? "@" + user.id() + " unassigned \"" + item.title() + "\""
                    : "@" + user.id() + " assigned \"" + item.title() + "\" to @" + assigneeId;
            return Change.of(EventType.TASK_ASSIGNEE_SET, text).item(stageId, itemId).user(assigneeId);
        });
    }

    /**
     * Runs an item's slash command: recorded in the timeline and published for integrations to act on.
     * The platform's own ({@code /incident severity SEV1}) are also carried out, through the parser chat
     * commands use, as the user and in the same transaction (a refusal undoes the run, and says why);
     * their event's state is {@link #EXECUTED}, so the notifier does not forward them to the chat.
     */
    public Uni<Incident> runItemCommand(UUID id, String stageId, String itemId, CurrentUser user) {
        return Panache.withTransaction(() -> edit(id, user, incident -> {
            Checklist.Item item = ChecklistEdits.item(incident.checklists, stageId, itemId);
            if (item.slashCommand() == null) {
                throw ProblemException.invalidField("slashCommand", "this item has no slash command to run");
            }
            incident.checklists = ChecklistEdits.replaceItem(incident.checklists, stageId, itemId,
                    it -> it.withCommandRunAt(IncidentChanges.now()));
            return Change.of(EventType.TASK_SLASH_COMMAND_RUN, "@" + user.id() + " ran " + item.slashCommand()
                    + " (\"" + item.title() + "\")").item(stageId, itemId)
                    .state(CommandParser.isOwn(item.slashCommand()) ? EXECUTED : null);
        }).chain(incident -> {
            String command = ChecklistEdits.item(incident.checklists, stageId, itemId).slashCommand();
            return CommandParser.isOwn(command) ? commands.runStep(id, command, user) : Uni.createFrom().item(incident);
        }));
    }

    private Uni<Incident> edit(UUID id, CurrentUser user, java.util.function.Function<Incident, Change> apply) {
        return changes.apply(id, user, Action.EDIT_CHECKLIST, apply);
    }
}
