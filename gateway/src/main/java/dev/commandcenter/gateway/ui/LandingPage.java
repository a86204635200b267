package dev.commandcenter.gateway.ui;

import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.kit.security.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The start page after sign-in: who you are, your teams, and the ways into the product. Sign-in is
 * enforced by the HTTP permission on {@code /} (a redirect to Keycloak), not here.
 */
@Path("/")
public class LandingPage {
    private final CurrentUser user;

    public LandingPage(CurrentUser user) {
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Viewer viewer);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Landing page of the signed-in user")
    public Uni<String> home() {
        return Templates.home(Viewer.of(user)).createUni();
    }
}
