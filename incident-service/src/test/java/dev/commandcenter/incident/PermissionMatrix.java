package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.as;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The callers every permission test asks: alice (commander: she starts the test incidents), bob (a
 * member), dave (in the team, not in the incident), carol (another team), admin (a system
 * administrator) and no token at all; and the runner of a matrix of endpoints against them.
 */
final class PermissionMatrix {
    private PermissionMatrix() {
    }

    /** One endpoint: how to call it on an incident (the caller's request and the incident's id), and each caller's status. */
    record Cell(String endpoint, BiFunction<RequestSpecification, String, Response> call, Map<String, Integer> expected) {
    }

    /** What each caller gets; no token is always 401. */
    static Map<String, Integer> statuses(int alice, int bob, int dave, int carol, int admin) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("alice", alice);
        expected.put("bob", bob);
        expected.put("dave", dave);
        expected.put("carol", carol);
        expected.put("admin", admin);
        expected.put("anonymous", 401);
        return expected;
    }

    /**
     * Calls each cell as each caller, every call on an incident of its own ({@code newIncident} makes one
     * for the cell), so one cell's change cannot decide another's answer; returns the answers that differ.
     */
    static List<String> wrongCells(List<Cell> matrix, Function<Cell, String> newIncident) {
        List<String> wrong = new ArrayList<>();
        for (Cell cell : matrix) {
            for (Map.Entry<String, Integer> expected : cell.expected().entrySet()) {
                String caller = expected.getKey();
                RequestSpecification spec = caller.equals("anonymous") ? given().contentType(ContentType.JSON)
                        : as(caller);
                int status = cell.call().apply(spec, newIncident.apply(cell)).statusCode();
                if (status != expected.getValue()) {
                    wrong.add(cell.endpoint() + " as " + caller + ": " + status + ", expected " + expected.getValue());
                }
            }
        }
        return wrong;
    }
}
