package dev.commandcenter.incident.ui;

import dev.commandcenter.incident.model.Integration;
import dev.commandcenter.incident.model.PlaybookView;
import dev.commandcenter.incident.rest.IntegrationRequests;
import dev.commandcenter.incident.rest.IntegrationResponse;
import dev.commandcenter.incident.service.AlertIntake;
import dev.commandcenter.incident.service.IncidentService;
import dev.commandcenter.incident.service.IntegrationService;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.kit.security.Viewer;
import dev.commandcenter.kit.web.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The team's integrations page: what reaches the team from alerting systems and chat tools, where
 * each sends, and the forms to connect, rotate and revoke. A new key is shown on the answer to the
 * form that made it (never in a URL, never stored), with {@code Cache-Control: no-store}.
 */
@Path("/backstage/incidents/integrations")
@Tag(name = "Backstage pages")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Cancellable(false)
public class IntegrationPages {
    private final IntegrationService integrations;
    private final IncidentService incidents;
    private final AlertIntake intake;
    private final IncidentPageRenderer pages;
    private final CurrentUser user;

    public IntegrationPages(IntegrationService integrations, IncidentService incidents, AlertIntake intake,
            IncidentPageRenderer pages, CurrentUser user) {
        this.integrations = integrations;
        this.incidents = incidents;
        this.intake = intake;
        this.pages = pages;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance integrations(IntegrationsView view);
    }

    /** One row: the integration as the API shows it, its playbook's title, whether the viewer may change it. */
    public record Row(IntegrationResponse integration, String playbookTitle, boolean manageable) {
    }

    /** A key just made, shown this once. */
    public record NewKey(String integrationName, String secret, String intakeUrl, Integration.Kind kind) {
    }

    public record IntegrationsView(Viewer viewer, String team, List<Row> rows, List<PlaybookView> playbooks,
            List<Integration.Kind> kinds, NewKey newKey, String error, String notice) {
    }

    @GET
    @Operation(summary = "Page: the team's integrations, and the form to connect an alerting system or chat tool")
    public Uni<RestResponse<String>> page(@QueryParam("team") String team, @QueryParam("revoked") String revoked) {
        return render(team, null, null, revoked != null ? "Revoked: it can no longer reach the team." : null,
                RestResponse.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: connect an integration; its key is shown on the answer, once")
    public Uni<RestResponse<String>> create(@RestForm String teamId, @RestForm String kind, @RestForm String name,
            @RestForm String playbookId, @RestForm String secret, @RestForm String resolveEnds,
            @RestForm String ratePerMinute) {
        IntegrationRequests.Create request;
        try {
            request = new IntegrationRequests.Create(teamId, Integration.Kind.valueOf(kind == null ? "" : kind),
                    name, UUID.fromString(playbookId == null ? "" : playbookId),
                    secret == null || secret.isBlank() ? null : secret, "on".equals(resolveEnds),
                    ratePerMinute == null || ratePerMinute.isBlank() ? null : Integer.valueOf(ratePerMinute.strip()));
        } catch (IllegalArgumentException e) {
            return render(teamId, null, "Not connected: choose a kind and a playbook, and give the rate as a number.",
                    null, RestResponse.Status.BAD_REQUEST);
        }
        String invalid = pages.invalid(request);
        if (invalid != null) {
            return render(teamId, null, "Not connected: " + invalid + ".", null, RestResponse.Status.BAD_REQUEST);
        }
        return integrations.create(request.toNew(), user)
                .chain(created -> render(teamId, newKey(created), null, "Connected " + created.integration().name
                        + ".", RestResponse.Status.OK))
                .onFailure(ProblemException.class).recoverWithUni(e -> refused(teamId, "Not connected", e));
    }

    @POST
    @Path("/{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: replace an integration's key (chat tools: with the new secret given)")
    public Uni<RestResponse<String>> rotate(@RestPath UUID id, @RestForm String teamId, @RestForm String secret) {
        if (secret != null && (secret.length() > 200 || pages.invalid(new IntegrationRequests.Rotate(secret)) != null)) {
            return render(teamId, null, "Not rotated: the secret must be up to 200 characters without control "
                    + "characters.", null, RestResponse.Status.BAD_REQUEST);
        }
        return integrations.rotate(id, secret == null || secret.isBlank() ? null : secret, user)
                .chain(rotated -> render(rotated.integration().teamId, newKey(rotated), null, "Rotated the key of "
                        + rotated.integration().name + "; the old one no longer works.", RestResponse.Status.OK))
                .onFailure(ProblemException.class).recoverWithUni(e -> refused(teamId, "Not rotated", e));
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form: revoke an integration")
    public Uni<RestResponse<String>> revoke(@RestPath UUID id, @RestForm String teamId) {
        return integrations.revoke(id, user)
                .map(revoked -> Redirects.seeOther("/backstage/incidents/integrations?team=" + revoked.teamId
                        + "&revoked=1"))
                .onFailure(ProblemException.class).recoverWithUni(e -> refused(teamId, "Not revoked", e));
    }

    private NewKey newKey(IntegrationService.WithSecret made) {
        IntegrationResponse shown = IntegrationResponse.of(made.integration(), made.secret(), intake.publicUrl());
        return new NewKey(made.integration().name, made.secret(), shown.intakeUrl(), made.integration().kind);
    }

    private Uni<RestResponse<String>> refused(String team, String what, Throwable failure) {
        ProblemException problem = (ProblemException) failure;
        String reason = problem.errors().isEmpty() ? problem.getMessage() : problem.errors().get(0).message();
        return render(team, null, what + ": " + reason, null, RestResponse.Status.fromStatusCode(problem.status()));
    }

    private Uni<RestResponse<String>> render(String team, NewKey newKey, String error, String notice,
            RestResponse.Status status) {
        List<String> teams = List.copyOf(user.teams());
        String chosen = team != null && !team.isBlank() && team.length() <= 100 ? team
                : teams.isEmpty() ? "" : teams.get(0);
        return integrations.list(chosen, user).chain(all -> incidents.startablePlaybooks(chosen, user)
                .chain(playbooks -> incidents.playbookTitles(all.stream().map(i -> i.playbookId).toList())
                        .map(titles -> new IntegrationsView(Viewer.of(user), chosen, all.stream()
                                .map(i -> new Row(IntegrationResponse.of(i, null, intake.publicUrl()),
                                        titles.getOrDefault(i.playbookId, "(deleted playbook)"),
                                        !i.revoked() && (user.isSystemAdmin() || user.id().equals(i.ownerId)
                                                || playbooks.stream().anyMatch(p -> p.id.equals(i.playbookId)))))
                                .toList(), playbooks, List.of(Integration.Kind.values()), newKey, error, notice))))
                .chain(view -> Templates.integrations(view).createUni())
                .map(html -> RestResponse.ResponseBuilder.create(status, html)
                        .header("Cache-Control", "no-store").build());
    }
}
