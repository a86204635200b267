package dev.commandcenter.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which database errors are the client's doing, and what the client is told about them. */
class DatabaseRejectionsTest {
    private static final String DUPLICATE = "ERROR: duplicate key value violates unique constraint "
            + "\"incident_team_channel_name\" (23505)";

    @Test
    void aDuplicateAsHibernateReactiveReportsItIsAConflictThatShowsNoSql() {
        // Hibernate Reactive turns the driver's error into an SQLException inside its own exception.
        Throwable failure = new CompletionException(new RuntimeException("error executing SQL statement "
                + "[insert into incident (name,team_id) values ($1,$2)]", new SQLException(DUPLICATE, "23505", 0)));

        DatabaseRejections.Rejection rejection = DatabaseRejections.of(failure).orElseThrow();

        assertThat(rejection.status()).isEqualTo(409);
        Problem problem = rejection.toProblem("/api/v1/incidents");
        assertThat(problem.type()).isEqualTo(Problem.TYPE_PREFIX + "conflict");
        assertThat(problem.title()).isEqualTo("Conflict");
        assertThat(problem.detail()).contains("already taken")
                .doesNotContainIgnoringCase("insert").doesNotContain("incident_team_channel_name")
                .doesNotContainIgnoringCase("constraint").doesNotContain("23505");
    }

    @Test
    void theDriversOwnErrorIsRecognisedToo() {
        Throwable failure = new IllegalStateException("wrapped",
                new PgException("value too long for type character varying(20)", "ERROR", "22001", null));

        DatabaseRejections.Rejection rejection = DatabaseRejections.of(failure).orElseThrow();

        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.toProblem(null).type()).isEqualTo(Problem.TYPE_PREFIX + "validation");
        assertThat(rejection.detail()).isEqualTo("A value is longer than allowed. Shorten it and try again")
                .doesNotContain("varying");
    }

    @Test
    void aUniqueViolationIsTracedToTheConstraintItNames() {
        String message = "duplicate key value violates unique constraint \"incident_team_channel_name\"";
        Throwable hibernate = new CompletionException(new IllegalStateException("could not execute statement",
                new SQLException(message, "23505")));
        Throwable driver = new IllegalStateException("wrapped", new PgException(message, "ERROR", "23505", null));

        assertThat(DatabaseRejections.violatesUnique(hibernate, "incident_team_channel_name")).isTrue();
        assertThat(DatabaseRejections.violatesUnique(driver, "incident_team_channel_name")).isTrue();
        assertThat(DatabaseRejections.violatesUnique(hibernate, "incident_team")).isFalse();
        assertThat(DatabaseRejections.violatesUnique(new SQLException(message, "23503"), "incident_team_channel_name"))
                .isFalse();
        assertThat(DatabaseRejections.violatesUnique(new IllegalStateException(message), "incident_team_channel_name"))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({ "23505, 409", "23503, 409", "23P01, 409", "40001, 409", "40P01, 409", "22001, 400",
            "22003, 400", "22P02, 400", "22P05, 400", "23502, 400", "23514, 400" })
    void clientCausedStates(String state, int status) {
        assertThat(DatabaseRejections.forState(state)).get().extracting(DatabaseRejections.Rejection::status)
                .isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({ "08006", "53300", "57P01", "42P01", "42703", "XX000" })
    void ourOwnFaultsAndOutagesStayServerErrors(String state) {
        // lost connection, too many connections, shutdown, missing table or column, internal error
        assertThat(DatabaseRejections.of(new RuntimeException(new SQLException("boom", state)))).isEmpty();
    }

    @Test
    void failuresWithoutADatabaseErrorAreNotRejections() {
        assertThat(DatabaseRejections.of(new IllegalStateException("no", new RuntimeException("deeper")))).isEmpty();
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second); // a cycle of causes ends the walk too
        assertThat(DatabaseRejections.of(first)).isEmpty();
    }
}
