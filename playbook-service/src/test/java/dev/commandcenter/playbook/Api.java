package dev.commandcenter.playbook;

import static io.restassured.RestAssured.given;

import dev.commandcenter.stack.InfraEndpoints;
import dev.commandcenter.stack.SharedInfra;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Calls to the playbook API as one of the demo realm's users, with a real Keycloak token. */
final class Api {
    static final InfraEndpoints INFRA = SharedInfra.get();
    static final String PLAYBOOKS = "/api/v1/playbooks";

    private Api() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(INFRA.tokens().forUser(user)).contentType(ContentType.JSON);
    }

    /** Creates a playbook in team payments as {@code user} from {@code template}; returns the response. */
    static ExtractableResponse<Response> create(String user, String template, String title) {
        return as(user).body(Map.of("teamId", "payments", "templateId", template, "title", title))
                .post(PLAYBOOKS).then().statusCode(201).extract();
    }

    static String etag(ExtractableResponse<Response> response) {
        return response.header("ETag");
    }
}
