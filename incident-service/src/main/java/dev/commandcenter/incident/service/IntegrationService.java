package dev.commandcenter.incident.service;

import dev.commandcenter.incident.integration.IntakeRateLimiter;
import dev.commandcenter.incident.integration.IntegrationSecrets;
import dev.commandcenter.incident.integration.SecretSealer;
import dev.commandcenter.incident.model.Integration;
import dev.commandcenter.incident.model.Integration.Kind;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.repository.IntegrationRepository;
import dev.commandcenter.incident.repository.PlaybookViewRepository;
import dev.commandcenter.kit.problem.DatabaseRejections;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A team's integrations: created, listed, rotated and revoked by the people who run the playbook it
 * starts incidents from (its members; system administrators), and the authentication of what they
 * send. The secret is answered once, at creation and at each rotation; afterwards only its hint.
 */
@ApplicationScoped
public class IntegrationService {
    /** Live integrations a team may have; revoked ones are kept for the record, listed up to {@link #LISTED}. */
    public static final int MAX_LIVE_PER_TEAM = 50;
    public static final int LISTED = 200;
    public static final int DEFAULT_RATE_PER_MINUTE = 120;
    /** How often the last-used time is written at most (every request would be a write per alert). */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** What creating an integration takes; {@code secret} only for chat tools, which bring their own. */
    public record NewIntegration(String teamId, Kind kind, String name, UUID playbookId, String secret,
            boolean resolveEnds, Integer ratePerMinute) {
    }

    /** An integration with the secret that was just made for it (null for chat tools' own). */
    public record WithSecret(Integration integration, String secret) {
    }

    private final IntegrationRepository integrations;
    private final PlaybookViewRepository playbooks;
    private final SecretSealer sealer;
    private final IntakeRateLimiter limiter;

    public IntegrationService(IntegrationRepository integrations, PlaybookViewRepository playbooks,
            SecretSealer sealer, IntakeRateLimiter limiter) {
        this.integrations = integrations;
        this.playbooks = playbooks;
        this.sealer = sealer;
        this.limiter = limiter;
    }

    public Uni<WithSecret> create(NewIntegration request, CurrentUser user) {
        return Uni.createFrom().voidItem().invoke(() -> {
            user.requireTeam(request.teamId());
            requireSecretFitsKind(request.kind(), request.secret());
        }).chain(() -> Panache.withTransaction(() -> playbooks.findReadOnly(request.playbookId())
                .invoke(playbook -> requireRunsPlaybook(playbook, request.teamId(), request.playbookId(), user))
                .chain(playbook -> integrations.countLive(request.teamId()))
                .chain(live -> {
                    if (live >= MAX_LIVE_PER_TEAM) {
                        throw ProblemException.conflict("Team " + request.teamId() + " already has "
                                + MAX_LIVE_PER_TEAM + " integrations; revoke one first");
                    }
                    Integration integration = new Integration();
                    integration.id = UUID.randomUUID();
                    integration.teamId = request.teamId();
                    integration.kind = request.kind();
                    integration.name = request.name().strip();
                    integration.playbookId = request.playbookId();
                    integration.ownerId = user.id();
                    integration.createdBy = user.id();
                    integration.resolveEnds = request.resolveEnds();
                    integration.ratePerMinute = request.ratePerMinute() == null ? DEFAULT_RATE_PER_MINUTE
                            : request.ratePerMinute();
                    integration.createdAt = IncidentChanges.now();
                    String secret = setSecret(integration, request.secret());
                    return integrations.persist(integration).call(integrations::flush)
                            .onFailure(IntegrationService::duplicateSecret).transform(e -> duplicateSecretProblem())
                            .replaceWith(new WithSecret(integration, secret));
                })));
    }

    /** The team's integrations (revoked ones too), newest first; none for outsiders. */
    @WithSession
    public Uni<List<Integration>> list(String teamId, CurrentUser user) {
        if (!user.canAccessTeam(teamId)) {
            return Uni.createFrom().item(List.of());
        }
        return integrations.ofTeam(teamId, LISTED);
    }

    @WithSession
    public Uni<Integration> get(UUID id, CurrentUser user) {
        return integrations.findById(id).map(integration -> visible(integration, id, user));
    }

    /** A new secret (generated, or the chat tool's new one); the old one stops working at once. */
    public Uni<WithSecret> rotate(UUID id, String newSecret, CurrentUser user) {
        return Panache.withTransaction(() -> manageable(id, user).chain(integration -> {
            if (integration.revoked()) {
                throw ProblemException.conflict("Integration " + integration.name + " is revoked");
            }
            requireSecretFitsKind(integration.kind, newSecret);
            String secret = setSecret(integration, newSecret);
            integration.rotatedAt = IncidentChanges.now();
            return integrations.flush()
                    .onFailure(IntegrationService::duplicateSecret).transform(e -> duplicateSecretProblem())
                    .replaceWith(new WithSecret(integration, secret));
        }));
    }

    /** Revoked for good: its secret is forgotten, what it sends is refused (401). */
    public Uni<Integration> revoke(UUID id, CurrentUser user) {
        return Panache.withTransaction(() -> manageable(id, user).invoke(integration -> {
            if (!integration.revoked()) {
                integration.revokedAt = IncidentChanges.now();
                integration.secretHash = null;
                integration.sealedSecret = null;
            }
        }));
    }

    /**
     * The live integration of one of {@code kinds} a presented secret belongs to, within its rate:
     * 401 for an unknown, revoked or other kind's secret, 429 over the rate. In the caller's session.
     */
    public Uni<Integration> authenticate(String presented, Set<Kind> kinds) {
        if (presented == null || presented.isBlank() || presented.length() > 512) {
            return Uni.createFrom().failure(unauthorized("Send the integration's key"));
        }
        return integrations.findBySecretHash(IntegrationSecrets.hash(presented.strip())).map(integration -> {
            if (integration == null || !kinds.contains(integration.kind)) {
                throw unauthorized("The integration key is not valid (unknown, revoked or for another kind of integration)");
            }
            limiter.acquire(integration);
            touch(integration);
            return integration;
        });
    }

    /** The live integration by id, of the kind, within its rate (for Slack, which signs instead of sending a key). */
    public Uni<Integration> byId(UUID id, Kind kind) {
        return integrations.findById(id).map(integration -> admit(live(integration, kind)));
    }

    /**
     * The same for a signed request: {@code signedWith} checks the request's signature with the
     * integration's signing secret, 401 if it does not match. Checked before the rate is charged, so
     * forged requests cannot use up a real integration's rate. In the caller's session.
     */
    public Uni<Integration> signedById(UUID id, Kind kind, Predicate<String> signedWith) {
        return integrations.findById(id).map(integration -> {
            if (!signedWith.test(signingSecret(live(integration, kind)))) {
                throw unauthorized("The request's signature does not match the integration's signing secret");
            }
            return admit(integration);
        });
    }

    private static Integration live(Integration integration, Kind kind) {
        if (integration == null || integration.revoked() || integration.kind != kind) {
            throw unauthorized("No live " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " integration with this id");
        }
        return integration;
    }

    private Integration admit(Integration integration) {
        limiter.acquire(integration);
        touch(integration);
        return integration;
    }

    /** The Slack signing secret of an integration. */
    public String signingSecret(Integration integration) {
        return sealer.open(integration.sealedSecret);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthenticated", "Unauthorized", detail, List.of())
                .header("WWW-Authenticate", "Bearer realm=\"integrations\"");
    }

    private Uni<Integration> manageable(UUID id, CurrentUser user) {
        return integrations.findById(id).map(integration -> visible(integration, id, user))
                .call(integration -> playbooks.findReadOnly(integration.playbookId).invoke(playbook -> {
                    if (!runsPlaybook(playbook, integration.teamId, user) && !user.id().equals(integration.ownerId)) {
                        throw ProblemException.forbidden("Only members of the playbook the integration starts "
                                + "incidents from, its owner and administrators can change it");
                    }
                }));
    }

    private static Integration visible(Integration integration, UUID id, CurrentUser user) {
        if (integration == null || !user.canAccessTeam(integration.teamId)) {
            throw ProblemException.notFound("Integration " + id);
        }
        return integration;
    }

    private static void requireRunsPlaybook(PlaybookView playbook, String teamId, UUID id, CurrentUser user) {
        if (!runsPlaybook(playbook, teamId, user)) {
            throw ProblemException.invalidField("playbookId", "Playbook " + id
                    + " does not exist in team " + teamId + " or you are not a member of it");
        }
    }

    private static boolean runsPlaybook(PlaybookView playbook, String teamId, CurrentUser user) {
        return playbook != null && !playbook.deleted && playbook.teamId.equals(teamId)
                && (user.isSystemAdmin() || playbook.memberIds.contains(user.id()));
    }

    private static void requireSecretFitsKind(Kind kind, String secret) {
        boolean given = secret != null && !secret.isBlank();
        if (kind.isChat() && !given) {
            throw ProblemException.invalidField("secret", kind == Kind.SLACK
                    ? "Paste the Slack app's signing secret" : "Paste the slash command's token from Mattermost");
        }
        if (!kind.isChat() && given) {
            throw ProblemException.invalidField("secret", "A key is generated for this kind of integration; send none");
        }
    }

    /** Sets the secret's hash (or sealed form) and hint; answers the secret if it was made here. */
    private String setSecret(Integration integration, String brought) {
        String secret = integration.kind.generatesSecret() ? IntegrationSecrets.generate() : brought.strip();
        integration.secretHint = IntegrationSecrets.hint(secret);
        if (integration.kind == Kind.SLACK) {
            integration.sealedSecret = sealer.seal(secret);
            integration.secretHash = null;
        } else {
            integration.secretHash = IntegrationSecrets.hash(secret);
            integration.sealedSecret = null;
        }
        return integration.kind.generatesSecret() ? secret : null;
    }

    private static void touch(Integration integration) {
        Instant now = Instant.now();
        if (integration.lastUsedAt == null || integration.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
            integration.lastUsedAt = now;
        }
    }

    private static boolean duplicateSecret(Throwable failure) {
        return DatabaseRejections.violatesUnique(failure, "integration_secret_hash");
    }

    private static ProblemException duplicateSecretProblem() {
        return ProblemException.invalidField("secret", "Another integration already uses this token");
    }
}
