package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.as;
import static org.awaitility.Awaitility.await;

import dev.commandcenter.contracts.EventEnvelope;
import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventType;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookContent.LearningTaskKind;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Playbooks with a learning flow, and incidents of team payments run from them (alice commands, bob helps). */
final class LearningFixtures {
    static final String INCIDENTS = "/api/v1/incidents/";

    private LearningFixtures() {
    }

    /**
     * Documenting (write the retrospective, update the timestamps, tell the status page) then
     * Reviewing (schedule the review, create follow-ups); SEV1 incidents enter by themselves.
     */
    static UUID playbookWithLearningFlow(boolean optOutAllowed) {
        UUID id = UUID.randomUUID();
        PlaybookContent process = PlaybookContent.of("Learning", "", true, List.of(
                new PlaybookContent.Stage("s-triage", "Triage", List.of(
                        new PlaybookContent.Step("t-page", "Page on-call", null, null)))));
        PlaybookContent.LearningFlow flow = new PlaybookContent.LearningFlow(List.of(
                new PlaybookContent.LearningStatus("Documenting", List.of(
                        new PlaybookContent.LearningTask(LearningTaskKind.WRITE_POSTMORTEM, "Write the retrospective",
                                "What happened and why"),
                        new PlaybookContent.LearningTask(LearningTaskKind.UPDATE_TIMESTAMPS, "Update the timestamps",
                                null),
                        new PlaybookContent.LearningTask(LearningTaskKind.CUSTOM, "Tell the status page", null))),
                new PlaybookContent.LearningStatus("Reviewing", List.of(
                        new PlaybookContent.LearningTask(LearningTaskKind.SCHEDULE_REVIEW, "Schedule the review", null),
                        new PlaybookContent.LearningTask(LearningTaskKind.CREATE_FOLLOW_UPS, "Create follow-ups",
                                null)))),
                List.of("SEV1"), optOutAllowed);
        PlaybookContent content = new PlaybookContent("Learning " + id, "", true, process.stages(),
                List.of(new PlaybookContent.Role("Incident commander", "Leads", true),
                        new PlaybookContent.Role("Scribe", "Writes things down", false)),
                List.of(), null, List.of(), List.of(),
                List.of(new PlaybookContent.Severity("SEV1", "Critical", ""),
                        new PlaybookContent.Severity("SEV2", "Major", "")), flow, null);
        PlaybookState state = new PlaybookState(id.toString(), "payments", content, List.of("alice"), false, 1,
                "alice", Instant.now(), "alice", Instant.now());
        IncidentResourceTest.send(Topics.PLAYBOOKS, id.toString(), EventJson.write(EventEnvelope.of(
                EventType.PLAYBOOK_CREATED, "/playbook-service", id.toString(), "payments", "alice",
                EventJson.toTree(state))));
        return id;
    }

    /** An incident of the playbook at a severity, started by alice with bob added; ended if asked. */
    static String incident(UUID playbook, String severity, boolean ended) {
        String name = "learn-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("playbookId", playbook, "name", name, "severity", severity);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("alice").body(body).post("/api/v1/incidents")
                .statusCode() != 404);
        String id = as("alice").queryParam("teamId", "payments").queryParam("q", name).get("/api/v1/incidents")
                .then().statusCode(200).extract().jsonPath().getString("items.find { it.name == '" + name + "' }.id");
        as("alice").body(Map.of("userId", "bob")).post(INCIDENTS + id + "/members").then().statusCode(200);
        if (ended) {
            as("alice").post(INCIDENTS + id + "/end").then().statusCode(200);
        }
        return id;
    }

    /** The id of the task titled so, as anyone who may see the incident reads it. */
    static String taskId(String incident, String title) {
        return as("admin").get(INCIDENTS + incident + "/learning").then().statusCode(200).extract().jsonPath()
                .getString("statuses.tasks.flatten().find { it.title == '" + title + "' }.id");
    }

    static List<String> timeline(String incident) {
        return as("admin").get(INCIDENTS + incident + "/timeline").then().statusCode(200).extract().jsonPath()
                .getList("text", String.class);
    }
}
