package dev.commandcenter.playbook.service;

import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.events.Outbox;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.directory.TeamDirectory;
import dev.commandcenter.playbook.mapping.PlaybookMapper;
import dev.commandcenter.playbook.model.Playbook;
import dev.commandcenter.playbook.repository.PlaybookCursor;
import dev.commandcenter.playbook.repository.PlaybookRepository;
import dev.commandcenter.playbook.repository.PlaybookSort;
import dev.commandcenter.playbook.rest.CreatePlaybookRequest;
import dev.commandcenter.playbook.rest.PlaybookPage;
import dev.commandcenter.playbook.template.PlaybookTemplate;
import dev.commandcenter.playbook.template.PlaybookTemplates;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.hibernate.StaleStateException;

/**
 * Playbook use cases. Only members of the playbook's team have any access; within the team only
 * playbook members see, use or edit it (others get 404, as if it did not exist); system
 * administrators see and edit all. Every change is stored with its event
 * ({@code playbook.created/updated/deleted.v1}, carrying the full state) in one transaction.
 */
@ApplicationScoped
public class PlaybookService {
    private static final int MAX_TITLE = 200;

    private final PlaybookRepository playbooks;
    private final Outbox outbox;
    private final ContentRules rules;
    private final TeamDirectory directory;

    public PlaybookService(PlaybookRepository playbooks, Outbox outbox, ContentRules rules, TeamDirectory directory) {
        this.playbooks = playbooks;
        this.outbox = outbox;
        this.rules = rules;
        this.directory = directory;
    }

    @WithTransaction
    public Uni<Playbook> create(CreatePlaybookRequest request, CurrentUser user) {
        user.requireTeam(request.teamId());
        String templateId = Objects.requireNonNullElse(request.templateId(), PlaybookTemplates.BLANK);
        PlaybookTemplate template = PlaybookTemplates.find(templateId)
                .orElseThrow(() -> ProblemException.invalidField("templateId", "is not a template: see "
                        + "GET /api/v1/playbook-templates"));
        PlaybookContent base = template.content();
        String title = request.title() != null ? request.title() : base.title();
        PlaybookContent content = PlaybookMapper.copy(new PlaybookContent(title,
                request.description() != null ? request.description() : base.description(),
                request.publicChannel() != null ? request.publicChannel() : base.publicChannel(),
                request.stages() != null && !request.stages().isEmpty() ? request.stages() : base.stages(),
                base.roles(), base.statusTemplates(), base.statusUpdateReminderMinutes(), base.communicationPlan(),
                base.incidentCriteria(), base.severities(), base.learningFlow(), base.alertHandling()), title);
        return insert(request.teamId(), rules.check(content), user);
    }

    @WithTransaction
    public Uni<Playbook> duplicate(UUID id, CurrentUser user) {
        return visible(id, user).flatMap(original -> {
            String title = ("Copy of " + original.title);
            title = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
            return insert(original.teamId, PlaybookMapper.copy(original.content(), title), user);
        });
    }

    @WithSession
    public Uni<Playbook> get(UUID id, CurrentUser user) {
        return visible(id, user);
    }

    @WithSession
    public Uni<PlaybookPage> list(String teamId, String search, PlaybookSort sort, String after, int limit,
            CurrentUser user) {
        if (!user.canAccessTeam(teamId)) {
            return Uni.createFrom().item(new PlaybookPage(List.of(), null));
        }
        PlaybookCursor cursor = after == null || after.isBlank() ? null : PlaybookCursor.decode(after, sort);
        String member = user.isSystemAdmin() ? null : user.id();
        return playbooks.page(teamId, member, search, sort, cursor, limit + 1).map(rows -> {
            boolean more = rows.size() > limit;
            List<Playbook> shown = more ? rows.subList(0, limit) : rows;
            String next = more ? PlaybookCursor.after(shown.get(shown.size() - 1), sort).encode() : null;
            return new PlaybookPage(shown.stream().map(PlaybookMapper::summary).toList(), next);
        });
    }

    /** Replaces the whole content if {@code expectedVersion} (from If-Match) is still current, else 412. */
    @WithTransaction
    public Uni<Playbook> update(UUID id, PlaybookContent content, Long expectedVersion, CurrentUser user) {
        return change(id, expectedVersion, user, current -> PlaybookMapper.normalize(content));
    }

    /** One editor operation on the current content (optionally guarded by If-Match). */
    @WithTransaction
    public Uni<Playbook> edit(UUID id, Long expectedVersion, CurrentUser user, UnaryOperator<PlaybookContent> edit) {
        return change(id, expectedVersion, user, edit);
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, Long expectedVersion, CurrentUser user) {
        return visible(id, user).flatMap(playbook -> {
            requireVersion(playbook, expectedVersion);
            return save(playbook, p -> p.deletedAt = p.updatedAt, EventType.PLAYBOOK_DELETED, user, expectedVersion);
        }).replaceWithVoid();
    }

    /**
     * Adds a member of the playbook's team, checked against Keycloak (the source of team
     * membership; cached briefly, so the check rarely leaves the service).
     */
    @WithTransaction
    public Uni<Playbook> addMember(UUID id, String memberId, Long expectedVersion, CurrentUser user) {
        return visible(id, user)
                .call(playbook -> directory.requireMember(memberId, playbook.teamId, "userId"))
                .flatMap(playbook -> changeMembers(playbook, expectedVersion, user, p -> p.memberIds.add(memberId)));
    }

    @WithTransaction
    public Uni<Playbook> removeMember(UUID id, String memberId, Long expectedVersion, CurrentUser user) {
        return visible(id, user).flatMap(playbook -> changeMembers(playbook, expectedVersion, user, p -> {
            if (!p.memberIds.contains(memberId)) {
                throw ProblemException.notFound("Member " + memberId);
            }
            if (p.memberIds.size() == 1) {
                throw ProblemException.conflict("A playbook keeps at least one member; add another member first");
            }
            p.memberIds.remove(memberId);
        }));
    }

    private Uni<Playbook> changeMembers(Playbook playbook, Long expectedVersion, CurrentUser user,
            Consumer<Playbook> change) {
        requireVersion(playbook, expectedVersion);
        return save(playbook, change, EventType.PLAYBOOK_UPDATED, user, expectedVersion);
    }

    private Uni<Playbook> change(UUID id, Long expectedVersion, CurrentUser user, UnaryOperator<PlaybookContent> edit) {
        return visible(id, user).flatMap(playbook -> {
            requireVersion(playbook, expectedVersion);
            PlaybookContent content = rules.check(PlaybookMapper.normalize(edit.apply(playbook.content())));
            return save(playbook, p -> p.setContent(content), EventType.PLAYBOOK_UPDATED, user, expectedVersion);
        });
    }

    private Uni<Playbook> insert(String teamId, PlaybookContent content, CurrentUser user) {
        Playbook playbook = new Playbook();
        playbook.id = UUID.randomUUID();
        playbook.teamId = teamId;
        playbook.setContent(content);
        playbook.memberIds.add(user.id());
        playbook.createdBy = user.id();
        playbook.createdAt = now();
        playbook.updatedBy = user.id();
        playbook.updatedAt = playbook.createdAt;
        return store(playbook, null, EventType.PLAYBOOK_CREATED, user, null);
    }

    /** Applies a change to a stored playbook (who and when included) and stores it with its event. */
    private Uni<Playbook> save(Playbook playbook, Consumer<Playbook> change, EventType type, CurrentUser user,
            Long expectedVersion) {
        PlaybookState before = PlaybookMapper.state(playbook);
        touch(playbook, user);
        change.accept(playbook);
        return store(playbook, before, type, user, expectedVersion);
    }

    /**
     * The one place every playbook is written, new ({@code before} null) or changed. While nothing
     * is written yet, it refuses a playbook whose state (as its event carries it) would outgrow the
     * size limit; deleting is always possible. Then it writes the row (for a change, the version
     * check happens in this flush: a concurrent change makes the UPDATE match no row) and records
     * the event with the stored version.
     */
    private Uni<Playbook> store(Playbook playbook, PlaybookState before, EventType type, CurrentUser user,
            Long expectedVersion) {
        boolean isNew = before == null;
        if (type != EventType.PLAYBOOK_DELETED) {
            PlaybookSizeLimit.requireWithinLimit(
                    PlaybookMapper.state(playbook, isNew ? playbook.version : playbook.version + 1), before);
        }
        Uni<?> written = isNew ? playbooks.persist(playbook).call(playbooks::flush)
                : playbooks.flush().onFailure(PlaybookService::isConcurrentChange)
                        .transform(e -> concurrentChange(expectedVersion));
        return written.call(() -> outbox.emit(type, playbook.id.toString(), playbook.teamId, user.id(),
                        PlaybookMapper.state(playbook)))
                .replaceWith(playbook);
    }

    private Uni<Playbook> visible(UUID id, CurrentUser user) {
        return playbooks.findById(id).map(playbook -> {
            if (playbook == null || !playbook.isVisibleTo(user.id(), user.isSystemAdmin(), user.teams())) {
                throw ProblemException.notFound("Playbook " + id);
            }
            return playbook;
        });
    }

    private static void requireVersion(Playbook playbook, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != playbook.version) {
            throw ProblemException.preconditionFailed("The playbook was changed since you loaded it (your version "
                    + expectedVersion + ", current " + playbook.version + "); reload it and apply your change again");
        }
    }

    private static ProblemException concurrentChange(Long expectedVersion) {
        return expectedVersion != null
                ? ProblemException.preconditionFailed("The playbook was changed at the same time by someone else; "
                        + "reload it and apply your change again")
                : ProblemException.conflict("The playbook was changed at the same time by someone else; try again");
    }

    private static boolean isConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static void touch(Playbook playbook, CurrentUser user) {
        playbook.updatedBy = user.id();
        playbook.updatedAt = now();
    }

    /** Microsecond precision, as PostgreSQL stores it, so list cursors match the stored values exactly. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
