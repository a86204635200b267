package dev.commandcenter.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starters against the real servers: what every other module's tests stand on. */
class RealInfrastructureTest {

    @Test
    void keycloakIssuesTokensWithTeamsRolesAndServiceAudiences() {
        InfraEndpoints infra = SharedInfra.get();

        String alice = claims(infra.tokens().forUser("alice"));
        assertThat(alice).contains("\"iss\":\"" + infra.issuer() + "\"");
        assertThat(alice).contains("\"preferred_username\":\"alice\"");
        assertThat(alice).containsPattern("\"groups\":\\[\"payments\"\\]");
        assertThat(alice).contains("playbook-service", "incident-service", "notifier-service", "telemetry-service");

        String admin = claims(infra.tokens().forUser("admin"));
        assertThat(admin).containsPattern("\"roles\":\\[[^\\]]*\"admin\"");

        String carol = claims(infra.tokens().forUser("carol"));
        assertThat(carol).containsPattern("\"groups\":\\[\"search\"\\]");
    }

    @Test
    void theBadTokensAreBadInTheIntendedWay() {
        InfraEndpoints infra = SharedInfra.get();

        assertThat(claims(infra.tokens().withoutAudience("alice"))).doesNotContain("playbook-service");
        String foreign = claims(infra.tokens().fromForeignIssuer("alice"));
        assertThat(foreign).contains("/realms/sandbox").contains("playbook-service");
        assertThat(claims(infra.tokens().tampered("alice", "search"))).containsPattern("\"groups\":\\[\"search\",\"payments\"\\]");
        assertThat(claims(infra.tokens().forMachine())).containsPattern("\"groups\":\\[\"payments\"\\]");
        assertThatThrownBy(() -> new Tokens(infra.keycloakUrl()).forUser("mallory"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kafkaAcceptsConnections() throws Exception {
        InfraEndpoints infra = SharedInfra.get();
        String[] hostPort = infra.kafkaBootstrapServers().split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void theSameBuildSharesOneInfrastructure() {
        assertThat(SharedInfra.get()).isSameAs(SharedInfra.get());
    }

    @Test
    void postgresCreatesDatabasesPerService(@TempDir Path dir) throws Exception {
        try (PostgresServer postgres = PostgresServer.start(dir, Progress.toStdout())) {
            postgres.createDatabase("playbook");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("playbook"),
                    PostgresServer.USER, PostgresServer.PASSWORD);
                    ResultSet rs = connection.createStatement().executeQuery("select current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("playbook");
            }
            assertThatThrownBy(() -> postgres.createDatabase("drop table x;")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
