package dev.commandcenter.incident.service;

import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.Checklist.Item;
import dev.commandcenter.kit.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Changes to an incident's checklists, as functions from checklists to checklists, by stable ids. */
final class ChecklistEdits {
    static final int MAX_ITEMS_PER_STAGE = 200;

    private ChecklistEdits() {
    }

    static Checklist stage(List<Checklist> checklists, String stageId) {
        return checklists.get(stageIndex(checklists, stageId));
    }

    static Item item(List<Checklist> checklists, String stageId, String itemId) {
        Checklist stage = stage(checklists, stageId);
        return stage.items().get(itemIndex(stage, itemId));
    }

    static List<Checklist> addItem(List<Checklist> checklists, String stageId, Item item) {
        return replaceStage(checklists, stageId, stage -> {
            if (stage.items().size() >= MAX_ITEMS_PER_STAGE) {
                throw ProblemException.invalidField("items", "a stage holds at most " + MAX_ITEMS_PER_STAGE + " items");
            }
            List<Item> items = new ArrayList<>(stage.items());
            items.add(item);
            return stage.withItems(items);
        });
    }

    static List<Checklist> removeItem(List<Checklist> checklists, String stageId, String itemId) {
        return replaceStage(checklists, stageId, stage -> {
            List<Item> items = new ArrayList<>(stage.items());
            items.remove(itemIndex(stage, itemId));
            return stage.withItems(items);
        });
    }

    static List<Checklist> replaceItem(List<Checklist> checklists, String stageId, String itemId,
            UnaryOperator<Item> change) {
        return replaceStage(checklists, stageId, stage -> {
            List<Item> items = new ArrayList<>(stage.items());
            int index = itemIndex(stage, itemId);
            items.set(index, change.apply(items.get(index)));
            return stage.withItems(items);
        });
    }

    /** Moves an item within its stage or to {@code toStageId}; positions past the end mean last. */
    static List<Checklist> moveItem(List<Checklist> checklists, String stageId, String itemId, String toStageId,
            int position) {
        List<Checklist> stages = new ArrayList<>(checklists);
        int from = stageIndex(stages, stageId);
        Checklist source = stages.get(from);
        List<Item> sourceItems = new ArrayList<>(source.items());
        Item item = sourceItems.remove(itemIndex(source, itemId));
        stages.set(from, source.withItems(sourceItems));
        int to = toStageId == null ? from : stageIndex(stages, toStageId);
        Checklist target = stages.get(to);
        if (to != from && target.items().size() >= MAX_ITEMS_PER_STAGE) {
            throw ProblemException.invalidField("toStageId", "that stage holds " + MAX_ITEMS_PER_STAGE + " items already");
        }
        List<Item> targetItems = new ArrayList<>(target.items());
        targetItems.add(Math.min(position, targetItems.size()), item);
        stages.set(to, target.withItems(targetItems));
        return List.copyOf(stages);
    }

    private static List<Checklist> replaceStage(List<Checklist> checklists, String stageId,
            UnaryOperator<Checklist> change) {
        List<Checklist> stages = new ArrayList<>(checklists);
        int index = stageIndex(stages, stageId);
        stages.set(index, change.apply(stages.get(index)));
        return List.copyOf(stages);
    }

    private static int stageIndex(List<Checklist> checklists, String stageId) {
        for (int i = 0; i < checklists.size(); i++) {
            if (checklists.get(i).id().equals(stageId)) {
                return i;
            }
        }
        throw ProblemException.notFound("Stage " + stageId);
    }

    private static int itemIndex(Checklist stage, String itemId) {
        for (int i = 0; i < stage.items().size(); i++) {
            if (stage.items().get(i).id().equals(itemId)) {
                return i;
            }
        }
        throw ProblemException.notFound("Checklist item " + itemId);
    }
}
