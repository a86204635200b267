package dev.commandcenter.incident;

import static dev.commandcenter.incident.IncidentResourceTest.as;
import static dev.commandcenter.incident.IncidentResourceTest.publishPlaybook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.commandcenter.stack.Sql;
import dev.commandcenter.stack.StackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Starting is one transaction: when the outbox row cannot be written (a trigger in the real
 * database makes that insert fail), no incident, channel message or member is left behind.
 */
@QuarkusTest
@WithTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentStartAtomicityTest {
    private static final String MARKER = "fail-outbox-";

    @Inject
    AgroalDataSource database;

    @Test
    void aFailingOutboxInsertLeavesNoIncidentBehind() {
        UUID playbook = publishPlaybook("payments", List.of("alice"), true);
        String name = MARKER + UUID.randomUUID();
        execute("""
                CREATE OR REPLACE FUNCTION refuse_marked_outbox() RETURNS trigger AS $$
                BEGIN
                  IF NEW.payload LIKE '%%%s%%' THEN RAISE EXCEPTION 'outbox insert refused by test'; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(MARKER));
        execute("CREATE TRIGGER refuse_marked_outbox BEFORE INSERT ON outbox_event FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_marked_outbox()");
        try {
            Map<String, Object> start = Map.of("playbookId", playbook, "name", name);
            await().atMost(Duration.ofSeconds(30)).until(() -> as("alice").body(start).post("/api/v1/incidents")
                    .statusCode() != 404);
            int status = as("alice").body(start).post("/api/v1/incidents").statusCode();

            assertThat(status).isEqualTo(500);
            assertThat(count("SELECT count(*) FROM incident WHERE name = ?", name)).isZero();
            assertThat(count("SELECT count(*) FROM outbox_event WHERE payload LIKE ?", "%" + name + "%")).isZero();
        } finally {
            execute("DROP TRIGGER refuse_marked_outbox ON outbox_event");
        }
        as("alice").body(Map.of("playbookId", playbook, "name", name)).post("/api/v1/incidents")
                .then().statusCode(201);
        assertThat(count("SELECT count(*) FROM incident WHERE name = ?", name)).isEqualTo(1);
    }

    private void execute(String sql) {
        Sql.execute(database, sql);
    }

    private long count(String sql, String parameter) {
        return Sql.number(database, sql, parameter);
    }
}
