package dev.commandcenter.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * Bounds on the parts of an incident that grow by many small edits, so no incident grows without
 * limit: each change beyond them is refused before anything is stored. Checklist stages come from
 * the playbook (at most 50, a contract limit) and no incident operation adds stages; items per
 * stage are capped at 200 like a playbook stage's steps.
 */
@ConfigMapping(prefix = "incident.limits")
public interface IncidentLimits {

    Checklist checklist();

    Channel channel();

    interface Checklist {
        /** Most items an incident's checklists hold across all stages; adding beyond is refused (413). */
        @WithDefault("1000")
        @Min(1)
        int maxItems();

        /**
         * Largest size of an incident's checklists in bytes of their JSON (as stored and returned with the
         * incident); adding or editing text beyond is refused (413). Checking, assigning and running items
         * are always allowed: their few bytes per item are bounded by {@link #maxItems()}. The default is
         * the size a playbook's state may have (EventLimits.MAX_AGGREGATE_BYTES).
         */
        @WithDefault("524288")
        @Min(1)
        int maxBytes();
    }

    interface Channel {
        /**
         * Most messages members post in one incident's channel; more are refused (409). The platform's
         * own messages about changes do not count, so an incident can always be run and ended.
         */
        @WithDefault("10000")
        @Min(1)
        int maxMessages();

        /** Most bytes (UTF-8) of the messages members post in one incident's channel (default 16 MiB); 409 beyond. */
        @WithDefault("16777216")
        @Min(1)
        long maxBytes();
    }
}
