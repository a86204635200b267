package dev.commandcenter.playbook.rest;

import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.playbook.template.PlaybookTemplate;
import dev.commandcenter.playbook.template.PlaybookTemplates;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/playbook-templates")
@Tag(name = "Playbook templates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PlaybookTemplateResource {

    @GET
    @Operation(summary = "The built-in templates a playbook can start from, with their full content")
    public RestResponse<List<PlaybookTemplate>> list() {
        return RestResponse.ok(PlaybookTemplates.all());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One template")
    public RestResponse<PlaybookTemplate> get(@RestPath String id) {
        return RestResponse.ok(PlaybookTemplates.find(id).orElseThrow(() -> ProblemException.notFound("Template " + id)));
    }
}
