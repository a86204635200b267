package dev.commandcenter.playbook;

import static dev.commandcenter.playbook.Api.PLAYBOOKS;
import static dev.commandcenter.playbook.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.stack.StackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every playbook endpoint against the permission matrix: no token 401, another team 404, a
 * member of the team who is not a playbook member 404, a playbook member and a system
 * administrator succeed.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "playbook"))
class PlaybookPermissionTest {

    /** An endpoint called on a fresh playbook; the function gets the playbook and returns method, path, body. */
    record Endpoint(String name, int success, Function<JsonPath, Call> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Call(String method, String path, Object body, String ifMatch) {
        Call(String method, String path, Object body) {
            this(method, path, body, null);
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("get", 200, p -> new Call("GET", path(p), null)),
                new Endpoint("update", 200, p -> new Call("PUT", path(p), PlaybookEditingTest.content(p),
                        "\"" + p.getLong("version") + "\"")),
                new Endpoint("delete", 204, p -> new Call("DELETE", path(p), null)),
                new Endpoint("duplicate", 201, p -> new Call("POST", path(p) + "/duplicate", null)),
                new Endpoint("add member", 200, p -> new Call("PUT", path(p) + "/members/bob", null)),
                new Endpoint("remove member", 200, p -> new Call("DELETE", path(p) + "/members/dave", null)),
                new Endpoint("add stage", 200, p -> new Call("POST", path(p) + "/stages", Map.of("title", "New"))),
                new Endpoint("rename stage", 200, p -> new Call("PATCH", stage(p), Map.of("title", "Renamed"))),
                new Endpoint("remove stage", 200, p -> new Call("DELETE", stage(p), null)),
                new Endpoint("move stage", 200, p -> new Call("POST", stage(p) + "/move", Map.of("position", 2))),
                new Endpoint("add step", 200, p -> new Call("POST", stage(p) + "/steps", Map.of("title", "New"))),
                new Endpoint("edit step", 200, p -> new Call("PUT", step(p), Map.of("title", "Edited"))),
                new Endpoint("remove step", 200, p -> new Call("DELETE", step(p), null)),
                new Endpoint("move step", 200, p -> new Call("POST", step(p) + "/move", Map.of("position", 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void onlyPlaybookMembersAndAdministratorsMayCallIt(Endpoint endpoint) {
        JsonPath playbook = playbookOfAliceAndDave(endpoint);
        Call call = endpoint.call().apply(playbook);

        assertThat(send(given().contentType(ContentType.JSON), call)).as("no token").isEqualTo(401);
        assertThat(send(as("carol"), call)).as("other team").isEqualTo(404);
        assertThat(send(as("bob"), call)).as("team member, not a playbook member").isEqualTo(404);
        assertThat(send(as("alice"), call)).as("playbook member").isEqualTo(endpoint.success());

        Call onAnother = endpoint.call().apply(playbookOfAliceAndDave(endpoint));
        assertThat(send(as("admin"), onAnother)).as("system administrator").isEqualTo(endpoint.success());
    }

    /** A playbook of alice's (from a template with stages and steps) that dave, also of payments, is a member of. */
    private static JsonPath playbookOfAliceAndDave(Endpoint endpoint) {
        String id = Api.create("alice", "incident-response", "Permissions: " + endpoint.name()).path("id");
        return as("alice").put(PLAYBOOKS + "/" + id + "/members/dave").then().statusCode(200).extract().jsonPath();
    }

    private static int send(RequestSpecification request, Call call) {
        if (call.body() != null) {
            request.body(call.body());
        }
        if (call.ifMatch() != null) {
            request.header("If-Match", call.ifMatch());
        }
        return request.request(call.method(), call.path()).statusCode();
    }

    private static String path(JsonPath p) {
        return PLAYBOOKS + "/" + p.getString("id");
    }

    private static String stage(JsonPath p) {
        return path(p) + "/stages/" + p.getString("stages[0].id");
    }

    private static String step(JsonPath p) {
        return stage(p) + "/steps/" + p.getString("stages[0].steps[0].id");
    }
}
