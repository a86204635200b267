package dev.commandcenter.incident.rest;

import dev.commandcenter.incident.service.RetrospectiveService;
import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.kit.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The incident's retrospective: read by anyone who may see the incident, saved by its members
 * with optimistic concurrency ({@code If-Match} with the version they edited), downloadable as
 * Markdown.
 */
@Path("/api/v1/incidents")
@Tag(name = "Retrospective")
@Authenticated
@Cancellable(false)
public class RetrospectiveResource {
    private static final Pattern ETAG = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*");

    private final RetrospectiveService retrospectives;
    private final CurrentUser user;

    public RetrospectiveResource(RetrospectiveService retrospectives, CurrentUser user) {
        this.retrospectives = retrospectives;
        this.user = user;
    }

    @GET
    @Path("/{id}/retrospective")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The retrospective: the saved one, or a draft generated from the record (version 0)")
    public Uni<RestResponse<RetrospectiveResponse>> get(@RestPath UUID id) {
        return retrospectives.get(id, user).map(RetrospectiveResponse::of).map(RetrospectiveResource::withETag);
    }

    @PUT
    @Path("/{id}/retrospective")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the retrospective (members); If-Match: the version you edited (0 for the draft)")
    @APIResponse(responseCode = "412", description = "Someone saved it since; reload and apply your changes again")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Uni<RestResponse<RetrospectiveResponse>> save(@RestPath UUID id,
            @RestHeader("If-Match") String ifMatch, @Valid @NotNull LearningRequests.Retrospective request) {
        long expected = version(ifMatch);
        return retrospectives.save(id, expected, request.markdown(), request.reviewAt(), user)
                .map(RetrospectiveResponse::of).map(RetrospectiveResource::withETag);
    }

    @GET
    @Path("/{id}/retrospective.md")
    @Produces("text/markdown")
    @Operation(summary = "The retrospective as a Markdown file")
    public Uni<RestResponse<String>> download(@RestPath UUID id) {
        return retrospectives.get(id, user).map(view -> RestResponse.ResponseBuilder.ok(view.markdown(),
                        "text/markdown; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(view.incidentName()) + "\"")
                .build());
    }

    /** The incident's name as a safe file name: letters, digits, dot, dash and underscore. */
    static String fileName(String incidentName) {
        String safe = incidentName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("(^[-.]+|-+$)", "");
        return (safe.isEmpty() ? "incident" : safe) + "-retrospective.md";
    }

    /** The version an {@code If-Match} names: 428 without one, 400 for anything but a version. */
    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition Required", "Send If-Match with "
                    + "the version you edited (\"0\" for the generated draft), so no one's changes are overwritten",
                    List.of());
        }
        Matcher matcher = ETAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw ProblemException.invalidField("If-Match", "must be the retrospective's version, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static RestResponse<RetrospectiveResponse> withETag(RetrospectiveResponse response) {
        return RestResponse.ResponseBuilder.ok(response).header("ETag", "\"" + response.version() + "\"").build();
    }
}
