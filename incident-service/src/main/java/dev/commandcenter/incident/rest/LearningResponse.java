package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.model.LearningState;
import dev.commandcenter.incident.model.LearningStatus;
import dev.commandcenter.incident.service.LearningFlow;
import java.util.List;

/**
 * An incident's learning flow: its state (NONE, ACTIVE, CLOSED, OPTED_OUT), the current status
 * (name and index, while active), every status with its tasks, and the opt-out reason.
 */
public record LearningResponse(String state, String currentStatus, Integer currentIndex,
        List<LearningStatus> statuses, String optOutReason) {

    public static LearningResponse of(Incident incident) {
        int current = LearningFlow.current(incident.learning);
        boolean active = incident.learningState == LearningState.ACTIVE;
        return new LearningResponse(incident.learningState.name(), active ? incident.learningStatus : null,
                active && current >= 0 ? current : null, incident.learning, incident.learningOptOutReason);
    }
}
