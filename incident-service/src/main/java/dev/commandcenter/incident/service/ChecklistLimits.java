package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.incident.config.IncidentLimits;
import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * The bound on an incident's checklists as a whole ({@code incident.limits.checklist.*}): adding
 * or editing text may not take them beyond the item count or the size; a change that stays within,
 * or makes checklists that are over already (from a large playbook) no larger, passes.
 */
@ApplicationScoped
public class ChecklistLimits {
    public static final String PROBLEM_TYPE = "checklist-too-large";

    private final IncidentLimits.Checklist limits;

    public ChecklistLimits(IncidentLimits limits) {
        this.limits = limits.checklist();
    }

    /** Returns {@code after} if it is within the bounds or grows nothing, else refuses with 413. */
    List<Checklist> requireWithin(List<Checklist> before, List<Checklist> after) {
        int items = count(after);
        if (items > limits.maxItems() && items > count(before)) {
            throw tooLarge("This incident's checklists hold " + number(count(before))
                    + " items; they can hold at most " + number(limits.maxItems()) + " items. Nothing was changed. Remove items that are no longer needed, "
                    + "or track further work outside the checklist.");
        }
        long size = EventJson.sizeOf(after);
        if (size > limits.maxBytes()) {
            long current = EventJson.sizeOf(before);
            if (size > current) {
                throw tooLarge("This change would make the incident's checklists " + number(size) + " bytes (now "
                        + number(current) + "); they can be at most " + number(limits.maxBytes()) + " bytes. "
                        + "Nothing was changed. Shorten or remove item descriptions, or link to a document instead.");
            }
        }
        return after;
    }

    private static int count(List<Checklist> checklists) {
        return checklists.stream().mapToInt(stage -> stage.items().size()).sum();
    }

    private static ProblemException tooLarge(String detail) {
        return new ProblemException(413, PROBLEM_TYPE, "Checklist too large", detail, List.of());
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
