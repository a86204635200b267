package dev.commandcenter.stack;

/** Where the shared Kafka broker and Keycloak answer. */
public record InfraEndpoints(String kafkaBootstrapServers, String keycloakUrl) {

    /** The OIDC issuer (and auth-server-url) of the demo realm. */
    public String issuer() {
        return keycloakUrl + "/realms/" + DemoRealm.REALM;
    }

    public Tokens tokens() {
        return new Tokens(keycloakUrl);
    }
}
