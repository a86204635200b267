package dev.commandcenter.gateway;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the echo services of {@link EchoUpstreams} have received, asked over HTTP. */
final class Upstreams {
    private Upstreams() {
    }

    static List<Map<String, String>> receivedBy(String service) {
        String base = ConfigProvider.getConfig().getValue("gateway.upstream." + service, String.class);
        return given().get(base + "/__received").then().statusCode(200).extract().jsonPath().getList("$");
    }

    static List<String> pathsReceivedBy(String service) {
        return receivedBy(service).stream().map(request -> request.get("path")).toList();
    }
}
