package dev.commandcenter.notifier.service;

import dev.commandcenter.notifier.oncall.EscalationLevel;
import java.util.List;

/** What an escalation policy is made of, as checked by the API. */
public record PolicyDefinition(String teamId, String name, String description, int repeatCount,
        List<EscalationLevel> levels) {
}
