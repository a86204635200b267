package dev.commandcenter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Right after the suite reports ready (this class runs first), several users work through the
 * gateway at once, as they would right after {@code ./run.sh}: no request may end in a 5xx or
 * without a response. Figures: stdout and {@code e2e-tests/target/soak-results.txt}.
 */
@Order(1)
@ExtendWith(SuiteExtension.class)
class GatewaySoakTest {
    private static final List<GatewaySoak.User> USERS = List.of(new GatewaySoak.User("alice", "payments"),
            new GatewaySoak.User("bob", "payments"), new GatewaySoak.User("dave", "payments"),
            new GatewaySoak.User("carol", "search"));
    /** 2,000 requests or 30 s, on 8 threads; 40 requests/s per user stays under the gateway's 50/s. */
    private static final GatewaySoak.Budget BUDGET = new GatewaySoak.Budget(2_000, Duration.ofSeconds(30), 8, 40);

    @Test
    void mixedReadsAndWritesOfSeveralUsersRightAfterStartGetNoServerError(RunningSuite suite)
            throws InterruptedException, IOException {
        GatewaySoak.Result result = new GatewaySoak(suite.gatewayUrl(), suite::token, USERS, BUDGET).run();

        String report = result.report();
        if (result.serverErrors() + result.transportErrors() > 0) {
            report += problemsLogged(suite.logDir());
        }
        System.out.println("[soak] " + report);
        Files.writeString(suite.logDir().resolveSibling("soak-results.txt"), report);
        assertThat(result.serverErrors() + result.transportErrors())
                .as("5xx or no response through the gateway (service logs: %s)%n%s", suite.logDir(), report)
                .isZero();
        assertThat(result.succeededAtLeastOnce(GatewaySoak.CORE_OPERATIONS))
                .as("each of %s succeeded at least once%n%s", GatewaySoak.CORE_OPERATIONS, report).isTrue();
    }

    /** The last warnings and errors of every service, to tell what a 5xx was about. */
    private static String problemsLogged(Path logDir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> logs = Files.list(logDir)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> problems = Files.readAllLines(log).stream()
                        .filter(line -> line.contains("ERROR") || line.contains("WARN")).toList();
                text.append("--- ").append(log.getFileName()).append(": last warnings and errors").append('\n');
                problems.subList(Math.max(0, problems.size() - 30), problems.size())
                        .forEach(line -> text.append(line).append('\n'));
            }
        }
        return text.toString();
    }
}
