package dev.commandcenter.playbook.mapping;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookContent.LearningFlow;
import dev.commandcenter.contracts.PlaybookContent.LearningStatus;
import dev.commandcenter.contracts.PlaybookContent.Stage;
import dev.commandcenter.contracts.PlaybookContent.Step;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.playbook.model.Playbook;
import dev.commandcenter.playbook.rest.PlaybookResponse;
import dev.commandcenter.playbook.rest.PlaybookSummary;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** Content normalisation, entities to responses, and entities to the state every playbook event carries. */
public final class PlaybookMapper {

    private PlaybookMapper() {
    }

    /**
     * Trims text, turns absent lists into empty ones and gives every new stage and step a stable id.
     * Ids a client sends are kept, so renames and moves do not change them.
     */
    public static PlaybookContent normalize(PlaybookContent content) {
        LearningFlow flow = content.learningFlow() == null ? new LearningFlow(List.of(), List.of(), true)
                : new LearningFlow(
                        map(content.learningFlow().statuses(), s -> new LearningStatus(strip(s.name()),
                                orEmpty(s.tasks()))),
                        map(content.learningFlow().autoEnterSeverities(), String::strip),
                        content.learningFlow().optOutAllowed());
        return new PlaybookContent(strip(content.title()), Objects.requireNonNullElse(content.description(), ""),
                content.publicChannel(), map(content.stages(), PlaybookMapper::stage), orEmpty(content.roles()),
                orEmpty(content.statusTemplates()), content.statusUpdateReminderMinutes(),
                orEmpty(content.communicationPlan()), map(content.incidentCriteria(), String::strip),
                orEmpty(content.severities()), flow, content.alertHandling());
    }

    /** A copy with fresh ids for every stage and step: templates and duplicates never share ids. */
    public static PlaybookContent copy(PlaybookContent content, String title) {
        PlaybookContent normalized = normalize(content);
        List<Stage> stages = normalized.stages().stream()
                .map(s -> new Stage(newId(), s.title(), s.steps().stream()
                        .map(t -> new Step(newId(), t.title(), t.description(), t.slashCommand())).toList()))
                .toList();
        return new PlaybookContent(strip(title), normalized.description(), normalized.publicChannel(), stages,
                normalized.roles(), normalized.statusTemplates(), normalized.statusUpdateReminderMinutes(),
                normalized.communicationPlan(), normalized.incidentCriteria(), normalized.severities(),
                normalized.learningFlow(), normalized.alertHandling());
    }

    public static Stage stage(Stage stage) {
        return new Stage(idOrNew(stage.id()), strip(stage.title()), map(stage.steps(), PlaybookMapper::step));
    }

    public static Step step(Step step) {
        String command = step.slashCommand() == null || step.slashCommand().isBlank() ? null
                : step.slashCommand().strip();
        String description = step.description() == null || step.description().isBlank() ? null : step.description();
        return new Step(idOrNew(step.id()), strip(step.title()), description, command);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static PlaybookState state(Playbook playbook) {
        return state(playbook, playbook.version);
    }

    /** The state as it will be once stored at {@code version} (a change is sized before the flush sets it). */
    public static PlaybookState state(Playbook playbook, long version) {
        return new PlaybookState(playbook.id.toString(), playbook.teamId, playbook.content(),
                members(playbook), playbook.deletedAt != null, version, playbook.createdBy,
                playbook.createdAt, playbook.updatedBy, playbook.updatedAt);
    }

    public static PlaybookResponse response(Playbook playbook) {
        return new PlaybookResponse(playbook.id, playbook.teamId, members(playbook), playbook.version,
                playbook.createdBy, playbook.createdAt, playbook.updatedBy, playbook.updatedAt, playbook.content());
    }

    public static PlaybookSummary summary(Playbook playbook) {
        return new PlaybookSummary(playbook.id, playbook.teamId, playbook.title, playbook.description,
                playbook.publicChannel, playbook.stages.size(), playbook.content().totalSteps(),
                playbook.memberIds.size(), playbook.version, playbook.updatedAt);
    }

    /** Members in a stable order (by user name), whatever order the set was loaded or changed in. */
    private static List<String> members(Playbook playbook) {
        return playbook.memberIds.stream().sorted().toList();
    }

    private static String idOrNew(String id) {
        return id == null || id.isBlank() ? newId() : id.strip();
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
        return orEmpty(list).stream().map(f).toList();
    }
}
