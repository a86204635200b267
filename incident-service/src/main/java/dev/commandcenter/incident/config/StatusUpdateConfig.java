package dev.commandcenter.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Status updates and their reminders. */
@ConfigMapping(prefix = "incident.status-updates")
public interface StatusUpdateConfig {
    /** Most status updates one incident holds; posting beyond is refused (409) before anything is stored. */
    @WithDefault("500")
    @Min(1)
    int maxPerIncident();

    Reminders reminders();

    interface Reminders {
        /**
         * How often each replica looks for due reminders (a Quarkus duration such as {@code 15s}, or
         * {@code off}); a reminder fires at most this late. Replicas never fire one reminder twice.
         */
        @WithDefault("15s")
        String checkEvery();

        /** Most reminders fired in one transaction; a longer backlog is worked off batch after batch. */
        @WithDefault("100")
        @Min(1)
        int batchSize();
    }
}
