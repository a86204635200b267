package dev.commandcenter.incident.messaging;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.InvalidEventException;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.events.ProcessedEvents;
import dev.commandcenter.incident.model.PlaybookSettings;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.repository.PlaybookViewRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the playbook read model: each playbook event carries the full state, applied unless an
 * equal or newer version is already known. Duplicates are skipped; unreadable events and events
 * whose team does not match their payload go to the dead-letter topic.
 */
@ApplicationScoped
public class PlaybookStateConsumer {
    static final String CONSUMER = "incident-service.playbook-state";

    private final ProcessedEvents processed;
    private final PlaybookViewRepository views;

    public PlaybookStateConsumer(ProcessedEvents processed, PlaybookViewRepository views) {
        this.processed = processed;
        this.views = views;
    }

    @Incoming("playbook-state")
    public Uni<Void> onPlaybookEvent(String message) {
        return processed.consumeOnce(CONSUMER, message, this::apply);
    }

    Uni<Void> apply(EventEnvelope event) {
        if (!(event.is(EventType.PLAYBOOK_CREATED) || event.is(EventType.PLAYBOOK_UPDATED)
                || event.is(EventType.PLAYBOOK_DELETED))) {
            return Uni.createFrom().voidItem();
        }
        PlaybookState state = EventJson.data(event, PlaybookState.class);
        if (state.id() == null || !Objects.equals(state.teamId(), event.teamid())) {
            return Uni.createFrom().failure(new InvalidEventException(
                    "Playbook event " + event.id() + " names no playbook or another team than its envelope", null));
        }
        UUID id = UUID.fromString(state.id());
        return views.findById(id).chain(existing -> {
            if (existing != null && existing.version > state.version()) {
                return Uni.createFrom().voidItem();
            }
            PlaybookView view = existing != null ? existing : new PlaybookView();
            view.id = id;
            view.teamId = state.teamId();
            view.title = state.title();
            view.publicChannel = state.publicChannel();
            view.memberIds = List.copyOf(state.memberIds());
            view.stages = state.stages();
            view.severities = state.content().severities() == null ? List.of()
                    : state.content().severities().stream().map(PlaybookContent.Severity::level).toList();
            view.settings = PlaybookSettings.of(state.content());
            view.deleted = state.deleted() || event.is(EventType.PLAYBOOK_DELETED);
            view.version = state.version();
            return existing != null ? Uni.createFrom().voidItem() : views.persist(view).replaceWithVoid();
        });
    }
}
