package dev.commandcenter.incident.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.StatusReminder;
import dev.commandcenter.incident.config.StatusUpdateConfig;
import dev.commandcenter.incident.model.ChannelMessage;
import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.incident.repository.IncidentRepository;
import dev.commandcenter.incident.service.IncidentAccess.Action;
import dev.commandcenter.incident.service.IncidentChanges.Change;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Status-update reminders. Their state is the incident's row ({@code reminder_interval_minutes},
 * {@code next_reminder_at}), nothing in memory: a restarted replica fires what fell due meanwhile, and
 * replicas take due incidents with {@code FOR UPDATE SKIP LOCKED}, so each reminder fires once. The
 * commander (or an administrator) changes the interval or snoozes the next reminder.
 */
@ApplicationScoped
public class Reminders {
    private static final Logger LOG = Logger.getLogger(Reminders.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final IncidentRepository incidents;
    private final IncidentChanges changes;
    private final int batchSize;
    private volatile boolean failing;

    public Reminders(IncidentRepository incidents, IncidentChanges changes, StatusUpdateConfig config) {
        this.incidents = incidents;
        this.changes = changes;
        this.batchSize = config.reminders().batchSize();
    }

    @Scheduled(every = "${incident.status-updates.reminders.check-every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return fireDue(IncidentChanges.now())
                .invoke(fired -> {
                    if (failing) {
                        failing = false;
                        LOG.info("Status-update reminders recovered");
                    }
                })
                .onFailure().invoke(e -> {
                    if (!failing) {
                        failing = true;
                        LOG.warnf("Status-update reminders paused, retrying at the next check: %s", e.toString());
                    }
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Fires every reminder due at {@code now}: for each ongoing incident whose due time has come, the
     * bot's message, {@code incident.status_update_due.v1}, and the next due time an interval after
     * {@code now}. Works in batches of one transaction each; returns how many fired.
     */
    public Uni<Integer> fireDue(Instant now) {
        return fireBatch(now).chain(fired -> fired < batchSize ? Uni.createFrom().item(fired)
                : fireDue(now).map(more -> fired + more));
    }

    private Uni<Integer> fireBatch(Instant now) {
        return Panache.withTransaction(() -> incidents.lockDueReminders(now, batchSize)
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Incident>of()) : incidents.findByIds(ids))
                .chain(due -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Incident incident : due) {
                        all = all.chain(() -> fire(incident, now)).replaceWithVoid();
                    }
                    return all.replaceWith(due.size());
                }));
    }

    private Uni<Incident> fire(Incident incident, Instant now) {
        if (incident.reminderIntervalMinutes == null) {
            // Due without an interval (only if the row was edited by hand): nothing to remind of again.
            incident.nextReminderAt = null;
            return incidents.flush().replaceWith(incident);
        }
        int interval = incident.reminderIntervalMinutes;
        incident.nextReminderAt = ReminderRule.nextDue(now, interval);
        Change change = Change.of(EventType.INCIDENT_STATUS_UPDATE_DUE, ReminderRule.reminderText(interval)).byBot()
                .payload(reminder(incident, now));
        return changes.record(incident, ChannelMessage.BOT, change);
    }

    /** Sets the interval (null: no reminders); the next reminder is due an interval from now. */
    public Uni<Incident> setInterval(UUID id, Integer intervalMinutes, CurrentUser user) {
        return changes.apply(id, user, Action.MANAGE_REMINDER, incident -> {
            if (Objects.equals(incident.reminderIntervalMinutes, intervalMinutes)) {
                return null;
            }
            Instant now = IncidentChanges.now();
            incident.reminderIntervalMinutes = intervalMinutes;
            incident.nextReminderAt = ReminderRule.nextDue(now, intervalMinutes);
            String text = intervalMinutes == null ? "@" + user.id() + " turned status-update reminders off"
                    : "@" + user.id() + " set status-update reminders to every "
                            + ReminderRule.minutes(intervalMinutes);
            return Change.of(EventType.INCIDENT_REMINDER_CHANGED, text).payload(reminder(incident, now));
        });
    }

    /** Moves the next reminder to {@code minutes} from now (409 while reminders are off). */
    public Uni<Incident> snooze(UUID id, int minutes, CurrentUser user) {
        return changes.apply(id, user, Action.MANAGE_REMINDER, incident -> {
            if (incident.reminderIntervalMinutes == null) {
                throw ProblemException.conflict("Status-update reminders are off for this incident; set an "
                        + "interval first");
            }
            Instant now = IncidentChanges.now();
            incident.nextReminderAt = ReminderRule.nextDue(now, minutes);
            return Change.of(EventType.INCIDENT_REMINDER_CHANGED, "@" + user.id() + " snoozed the status-update "
                    + "reminder for " + ReminderRule.minutes(minutes) + " (until "
                    + CLOCK.format(incident.nextReminderAt) + ")").payload(reminder(incident, now));
        });
    }

    private static StatusReminder reminder(Incident incident, Instant at) {
        return new StatusReminder(incident.id.toString(), incident.teamId, incident.commanderId,
                incident.reminderIntervalMinutes, incident.nextReminderAt,
                StatusUpdateService.incidentUrl(incident.id), at);
    }
}
