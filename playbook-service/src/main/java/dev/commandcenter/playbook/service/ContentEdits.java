package dev.commandcenter.playbook.service;

import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookContent.Stage;
import dev.commandcenter.contracts.PlaybookContent.Step;
import dev.commandcenter.kit.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The editor's operations on stages and steps, as functions from content to content. Stages and
 * steps are addressed by their stable ids, so an edit never lands on the wrong item after
 * someone else reordered the list.
 */
public final class ContentEdits {
    private ContentEdits() {
    }

    public static UnaryOperator<PlaybookContent> addStage(Stage stage) {
        return c -> withStages(c, append(c.stages(), stage));
    }

    public static UnaryOperator<PlaybookContent> renameStage(String stageId, String title) {
        return c -> withStages(c, replaceStage(c, stageId, s -> new Stage(s.id(), title, s.steps())));
    }

    public static UnaryOperator<PlaybookContent> removeStage(String stageId) {
        return c -> {
            List<Stage> stages = new ArrayList<>(c.stages());
            stages.remove(stageIndex(c, stageId));
            return withStages(c, stages);
        };
    }

    public static UnaryOperator<PlaybookContent> moveStage(String stageId, int position) {
        return c -> {
            List<Stage> stages = new ArrayList<>(c.stages());
            Stage stage = stages.remove(stageIndex(c, stageId));
            stages.add(Math.min(position, stages.size()), stage);
            return withStages(c, stages);
        };
    }

    public static UnaryOperator<PlaybookContent> addStep(String stageId, Step step) {
        return c -> withStages(c, replaceStage(c, stageId, s -> new Stage(s.id(), s.title(), append(s.steps(), step))));
    }

    public static UnaryOperator<PlaybookContent> editStep(String stageId, String stepId, Step edited) {
        return c -> withStages(c, replaceStage(c, stageId, s -> {
            List<Step> steps = new ArrayList<>(s.steps());
            steps.set(stepIndex(s, stepId), new Step(stepId, edited.title(), edited.description(),
                    edited.slashCommand()));
            return new Stage(s.id(), s.title(), steps);
        }));
    }

    public static UnaryOperator<PlaybookContent> removeStep(String stageId, String stepId) {
        return c -> withStages(c, replaceStage(c, stageId, s -> {
            List<Step> steps = new ArrayList<>(s.steps());
            steps.remove(stepIndex(s, stepId));
            return new Stage(s.id(), s.title(), steps);
        }));
    }

    /** Moves a step within its stage or, with {@code toStageId}, to another stage. */
    public static UnaryOperator<PlaybookContent> moveStep(String stageId, String stepId, String toStageId,
            int position) {
        return c -> {
            List<Stage> stages = new ArrayList<>(c.stages());
            int from = stageIndex(c, stageId);
            Stage source = stages.get(from);
            List<Step> sourceSteps = new ArrayList<>(source.steps());
            Step step = sourceSteps.remove(stepIndex(source, stepId));
            stages.set(from, new Stage(source.id(), source.title(), sourceSteps));
            int to = toStageId == null ? from : stageIndex(withStages(c, stages), toStageId);
            Stage target = stages.get(to);
            List<Step> targetSteps = new ArrayList<>(target.steps());
            targetSteps.add(Math.min(position, targetSteps.size()), step);
            stages.set(to, new Stage(target.id(), target.title(), targetSteps));
            return withStages(c, stages);
        };
    }

    private static int stageIndex(PlaybookContent content, String stageId) {
        for (int i = 0; i < content.stages().size(); i++) {
            if (content.stages().get(i).id().equals(stageId)) {
                return i;
            }
        }
        throw ProblemException.notFound("Stage " + stageId);
    }

    private static int stepIndex(Stage stage, String stepId) {
        for (int i = 0; i < stage.steps().size(); i++) {
            if (stage.steps().get(i).id().equals(stepId)) {
                return i;
            }
        }
        throw ProblemException.notFound("Step " + stepId);
    }

    private static List<Stage> replaceStage(PlaybookContent content, String stageId, UnaryOperator<Stage> change) {
        List<Stage> stages = new ArrayList<>(content.stages());
        int index = stageIndex(content, stageId);
        stages.set(index, change.apply(stages.get(index)));
        return stages;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static PlaybookContent withStages(PlaybookContent c, List<Stage> stages) {
        return new PlaybookContent(c.title(), c.description(), c.publicChannel(), List.copyOf(stages), c.roles(),
                c.statusTemplates(), c.statusUpdateReminderMinutes(), c.communicationPlan(), c.incidentCriteria(),
                c.severities(), c.learningFlow(), c.alertHandling());
    }
}
