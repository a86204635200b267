package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.LearningFixtures.INCIDENTS;
import static dev.commandcenter.incident.LearningFixtures.incident;
import static dev.commandcenter.incident.LearningFixtures.playbookWithLearningFlow;
import static dev.commandcenter.incident.LearningFixtures.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.commandcenter.stack.Sql;
import dev.commandcenter.stack.StackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The retrospective: generated from the record, saved with optimistic concurrency, downloaded. */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class RetrospectiveTest {
    @Inject
    AgroalDataSource database;

    @Test
    void theDraftIsGeneratedFromTheRecord() {
        String id = incident(playbookWithLearningFlow(true), "SEV1", false);
        String path = INCIDENTS + id;
        as("alice").body(Map.of("userId", "bob")).put(path + "/roles/scribe/holder").then().statusCode(200);
        as("bob").body(Map.of("state", "DONE")).put(path + "/checklists/s-triage/items/t-page/state").then()
                .statusCode(200);
        as("bob").body(Map.of("title", "Add a circuit breaker", "assigneeId", "alice")).post(path + "/follow-ups")
                .then().statusCode(201);
        as("alice").post(path + "/end").then().statusCode(200);
        // A known scenario: started 14:00, identified 14:20, resolved 15:05, ended 15:30 (UTC).
        Sql.execute(database, "UPDATE incident SET created_at = ?, identified_at = ?, resolved_at = ?, ended_at = ? "
                + "WHERE id = ?", at("2026-03-02T14:00:00Z"), at("2026-03-02T14:20:00Z"), at("2026-03-02T15:05:00Z"),
                at("2026-03-02T15:30:00Z"), UUID.fromString(id));
        String name = as("alice").get(path).then().extract().path("name");

        String md = as("dave").get(path + "/retrospective").then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("generated", equalTo(true)).body("version", equalTo(0)).body("updatedBy", nullValue())
                .extract().path("markdown");
        assertThat(md).startsWith("# Retrospective: " + name + "\n")
                .contains("- **Playbook:** Learning ", "- **Commander:** @alice", "- **Severity:** SEV1")
                .contains("- Incident commander: @alice", "- Scribe: @bob")
                .contains("- **Started:** 2026-03-02 14:00 UTC",
                        "- **Identified:** 2026-03-02 14:20 UTC (20 min after the start)",
                        "- **Resolved:** 2026-03-02 15:05 UTC (1 h 5 min after the start)",
                        "- **Ended:** 2026-03-02 15:30 UTC (1 h 30 min after the start)")
                .contains("_No status updates were posted._")
                .containsPattern("- \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC Done: Page on-call \\(Triage\\) by @bob")
                .contains("- [ ] Add a circuit breaker (@alice)");
    }

    @Test
    void savingNeedsTheCurrentVersionAndTheDownloadIsTheSavedText() {
        String id = incident(playbookWithLearningFlow(true), "SEV2", true);
        String path = INCIDENTS + id + "/retrospective";

        as("bob").body(Map.of("markdown", "# Ours")).put(path).then().statusCode(428)
                .contentType("application/problem+json");
        as("bob").header("If-Match", "\"3\"").body(Map.of("markdown", "# Ours")).put(path).then().statusCode(412)
                .contentType("application/problem+json").body("type", containsString("stale-version"));
        as("bob").header("If-Match", "soon").body(Map.of("markdown", "# Ours")).put(path).then().statusCode(400);
        as("bob").header("If-Match", "\"0\"").body(Map.of()).put(path).then().statusCode(400)
                .body("errors.field", hasItem("markdown"));
        as("bob").header("If-Match", "\"0\"").body(Map.of("markdown", "x".repeat(204_801))).put(path).then()
                .statusCode(400);
        // Within the character bound but beyond 200 KiB of UTF-8.
        as("bob").header("If-Match", "\"0\"").body(Map.of("markdown", "é".repeat(110_000))).put(path).then()
                .statusCode(413).body("type", containsString("retrospective-too-large"));
        as("dave").header("If-Match", "\"0\"").body(Map.of("markdown", "# Dave's")).put(path).then()
                .statusCode(403);

        as("bob").header("If-Match", "\"0\"").body(Map.of("markdown", "# Ours\n\nBob's first words."))
                .put(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1)).body("generated", equalTo(false)).body("updatedBy", equalTo("bob"));
        // alice opened version 1 too, and saves after bob's second save: refused, bob's text stays.
        as("bob").header("If-Match", "\"1\"").body(Map.of("markdown", "# Ours\n\nBob's second words.")).put(path)
                .then().statusCode(200).body("version", equalTo(2));
        as("alice").header("If-Match", "\"1\"").body(Map.of("markdown", "# Alice's")).put(path).then()
                .statusCode(412).body("detail", containsString("version 2"));
        as("alice").get(path).then().statusCode(200).body("markdown", equalTo("# Ours\n\nBob's second words."))
                .body("version", equalTo(2));
        assertThat(timeline(id)).contains("@bob saved the retrospective (version 1)",
                "@bob saved the retrospective (version 2)").noneMatch(text -> text.startsWith("@alice saved"));

        String name = as("alice").get(INCIDENTS + id).then().extract().path("name");
        as("dave").accept("text/markdown").get(path + ".md").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .header("Content-Disposition", equalTo("attachment; filename=\"" + name + "-retrospective.md\""))
                .body(equalTo("# Ours\n\nBob's second words."));
        as("carol").get(path + ".md").then().statusCode(404);
    }

    @Test
    void theDownloadOfAnUnsavedRetrospectiveIsTheDraft() {
        String id = incident(playbookWithLearningFlow(true), "SEV2", true);
        String draft = as("alice").get(INCIDENTS + id + "/retrospective").then().extract().path("markdown");
        String file = as("alice").get(INCIDENTS + id + "/retrospective.md").then().statusCode(200).extract().asString();
        assertThat(file).isEqualTo(draft).startsWith("# Retrospective: ");
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
