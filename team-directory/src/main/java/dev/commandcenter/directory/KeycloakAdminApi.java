package dev.commandcenter.directory;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The two read-only calls of Keycloak's admin API that tell which teams (groups) a user is in. */
@Path("/admin/realms/{realm}")
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakAdminApi {

    @GET
    @Path("/users")
    Uni<List<User>> findUsers(@HeaderParam("Authorization") String authorization, @PathParam("realm") String realm,
            @QueryParam("username") String username, @QueryParam("exact") boolean exact,
            @QueryParam("briefRepresentation") boolean brief);

    @GET
    @Path("/users/{id}/groups")
    Uni<List<Group>> groupsOf(@HeaderParam("Authorization") String authorization, @PathParam("realm") String realm,
            @PathParam("id") String userId);

    record User(String id, String username, boolean enabled) {
    }

    record Group(String name, String path) {
    }
}
