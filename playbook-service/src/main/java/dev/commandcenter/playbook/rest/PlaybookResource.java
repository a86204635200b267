package dev.commandcenter.playbook.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.kit.security.CurrentUser;
import dev.commandcenter.playbook.mapping.PlaybookMapper;
import dev.commandcenter.playbook.model.Playbook;
import dev.commandcenter.playbook.repository.PlaybookSort;
import dev.commandcenter.playbook.service.ContentEdits;
import dev.commandcenter.playbook.service.PlaybookService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Team playbooks. Every response carrying a playbook has its version as {@code ETag}; changes
 * accept {@code If-Match} (required for the full update) and answer 412 when it is stale.
 */
@Path("/api/v1/playbooks")
@Tag(name = "Playbooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid request (problem+json naming the fields)")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "404", description = "No such playbook, or you are not one of its members")
// A change the caller stops waiting for still completes (or rolls back) whole; cancelling it mid-transaction
// only left the outcome unknown and the session closed under the work.
@Cancellable(false)
public class PlaybookResource {
    private static final String ID_PATTERN = "[A-Za-z0-9-]{1,40}";

    private final PlaybookService service;
    private final CurrentUser user;

    public PlaybookResource(PlaybookService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Operation(summary = "Playbooks of a team that you are a member of (administrators: all), one page at a time")
    public Uni<RestResponse<PlaybookPage>> list(
            @QueryParam("teamId") @NotBlank @Size(max = 100) @NoControlCharacters String teamId,
            @Parameter(description = "Case-insensitive part of the title") @QueryParam("q") @Size(max = 200)
            @NoControlCharacters String q,
            @Parameter(description = "created (newest first), updated (recently changed first) or title (A-Z)")
            @QueryParam("sort") @DefaultValue("created") @Pattern(regexp = "created|updated|title",
                    message = "must be created, updated or title") String sort,
            @Parameter(description = "The 'next' value of the previous page") @QueryParam("after") @Size(max = 600)
            @NoControlCharacters String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return service.list(teamId, q, PlaybookSort.valueOf(sort.toUpperCase(Locale.ROOT)), after, limit, user)
                .map(RestResponse::ok);
    }

    @POST
    @Operation(summary = "Create a playbook in one of your teams, blank or from a template; you become its first member")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "403", description = "Not a member of the team")
    public Uni<RestResponse<PlaybookResponse>> create(@Valid @NotNull CreatePlaybookRequest request, UriInfo uri) {
        return service.create(request, user).map(playbook -> created(playbook, uri));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A playbook you are a member of")
    public Uni<RestResponse<PlaybookResponse>> get(@RestPath UUID id) {
        return service.get(id, user).map(PlaybookResource::ok);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace the playbook's content (not its members); If-Match is required")
    @APIResponse(responseCode = "412", description = "The playbook changed since the version in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<RestResponse<PlaybookResponse>> update(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull PlaybookContent content) {
        Long version = Versions.required(ifMatch);
        return service.update(id, content, version, user).map(PlaybookResource::ok);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete the playbook; incidents started from it keep their copy")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        return service.delete(id, Versions.ifMatch(ifMatch), user).map(nothing -> RestResponse.noContent());
    }

    @POST
    @Path("/{id}/duplicate")
    @Operation(summary = "Copy the playbook into a new one of the same team; you are its only member")
    @APIResponse(responseCode = "201", description = "Created")
    public Uni<RestResponse<PlaybookResponse>> duplicate(@RestPath UUID id, UriInfo uri) {
        return service.duplicate(id, user).map(playbook -> RestResponse.ResponseBuilder
                .<PlaybookResponse>created(uri.getBaseUriBuilder().path("api/v1/playbooks")
                        .path(playbook.id.toString()).build())
                .header("ETag", Versions.etag(playbook.version)).entity(PlaybookMapper.response(playbook)).build());
    }

    @PUT
    @Path("/{id}/members/{userId}")
    @Operation(summary = "Add a member; they must belong to the playbook's team")
    public Uni<RestResponse<PlaybookResponse>> addMember(@RestPath UUID id,
            @RestPath @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a user name") String userId,
            @RestHeader("If-Match") String ifMatch) {
        return service.addMember(id, userId, Versions.ifMatch(ifMatch), user).map(PlaybookResource::ok);
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @Operation(summary = "Remove a member (not the last one)")
    @APIResponse(responseCode = "409", description = "The last member cannot be removed")
    public Uni<RestResponse<PlaybookResponse>> removeMember(@RestPath UUID id,
            @RestPath @Size(max = 100) @NoControlCharacters String userId, @RestHeader("If-Match") String ifMatch) {
        return service.removeMember(id, userId, Versions.ifMatch(ifMatch), user).map(PlaybookResource::ok);
    }

    @POST
    @Path("/{id}/stages")
    @Operation(summary = "Add a stage at the end")
    public Uni<RestResponse<PlaybookResponse>> addStage(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull StageRequest request) {
        return edit(id, ifMatch, ContentEdits.addStage(PlaybookMapper.stage(
                new PlaybookContent.Stage(null, request.title(), java.util.List.of()))));
    }

    @PATCH
    @Path("/{id}/stages/{stageId}")
    @Operation(summary = "Rename a stage")
    public Uni<RestResponse<PlaybookResponse>> renameStage(@RestPath UUID id,
            @RestPath @Pattern(regexp = ID_PATTERN) String stageId, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull StageRequest request) {
        return edit(id, ifMatch, ContentEdits.renameStage(stageId, request.title().strip()));
    }

    @DELETE
    @Path("/{id}/stages/{stageId}")
    @Operation(summary = "Remove a stage with its steps")
    public Uni<RestResponse<PlaybookResponse>> removeStage(@RestPath UUID id,
            @RestPath @Pattern(regexp = ID_PATTERN) String stageId, @RestHeader("If-Match") String ifMatch) {
        return edit(id, ifMatch, ContentEdits.removeStage(stageId));
    }

    @POST
    @Path("/{id}/stages/{stageId}/move")
    @Operation(summary = "Move a stage to another position")
    public Uni<RestResponse<PlaybookResponse>> moveStage(@RestPath UUID id,
            @RestPath @Pattern(regexp = ID_PATTERN) String stageId, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull MoveRequest request) {
        return edit(id, ifMatch, ContentEdits.moveStage(stageId, request.position()));
    }

    @POST
    @Path("/{id}/stages/{stageId}/steps")
    @Operation(summary = "Add a step at the end of a stage")
    public Uni<RestResponse<PlaybookResponse>> addStep(@RestPath UUID id,
            @RestPath @Pattern(regexp = ID_PATTERN) String stageId, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull StepRequest request) {
        return edit(id, ifMatch, ContentEdits.addStep(stageId, step(null, request)));
    }

    @PUT
    @Path("/{id}/stages/{stageId}/steps/{stepId}")
    @Operation(summary = "Edit a step's title, description and slash command")
    public Uni<RestResponse<PlaybookResponse>> editStep(@RestPath UUID id,
            @RestPath @Pattern(regexp = ID_PATTERN) String stageId,
            @RestPath @Pattern(regexp = ID_PATTERN) String stepId, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull StepRequest request) {
        return edit(id, ifMatch, ContentEdits.editStep(stageId, stepId, step(stepId, request)));
    }

    @DELETE
    @Path("/{id}/stages/{stageId}/steps/{stepId}")
    @Operation(summary = "Remove a step")
    public Uni<RestResponse<PlaybookResponse>> removeStep(@RestPath UUID id,
            @RestPath @Pattern(regexp = ID_PATTERN) String stageId,
            @RestPath @Pattern(regexp = ID_PATTERN) String stepId, @RestHeader("If-Match") String ifMatch) {
        return edit(id, ifMatch, ContentEdits.removeStep(stageId, stepId));
    }

    @POST
    @Path("/{id}/stages/{stageId}/steps/{stepId}/move")
    @Operation(summary = "Move a step within its stage, or to another stage with toStageId")
    public Uni<RestResponse<PlaybookResponse>> moveStep(@RestPath UUID id,
            @RestPath @Pattern(regexp = ID_PATTERN) String stageId,
            @RestPath @Pattern(regexp = ID_PATTERN) String stepId, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull MoveRequest request) {
        return edit(id, ifMatch, ContentEdits.moveStep(stageId, stepId, request.toStageId(), request.position()));
    }

    private Uni<RestResponse<PlaybookResponse>> edit(UUID id, String ifMatch, UnaryOperator<PlaybookContent> edit) {
        return service.edit(id, Versions.ifMatch(ifMatch), user, edit).map(PlaybookResource::ok);
    }

    private static PlaybookContent.Step step(String id, StepRequest request) {
        return PlaybookMapper.step(new PlaybookContent.Step(id, request.title(), request.description(),
                request.slashCommand()));
    }

    private static RestResponse<PlaybookResponse> ok(Playbook playbook) {
        return Versions.ok(PlaybookMapper.response(playbook), playbook.version);
    }

    private static RestResponse<PlaybookResponse> created(Playbook playbook, UriInfo uri) {
        return RestResponse.ResponseBuilder
                .<PlaybookResponse>created(uri.getAbsolutePathBuilder().path(playbook.id.toString()).build())
                .header("ETag", Versions.etag(playbook.version)).entity(PlaybookMapper.response(playbook)).build();
    }
}
