package dev.commandcenter.stack;

import java.util.List;

/**
 * The demo realm committed in {@code realms/command-center-realm.json}: who exists, their teams,
 * roles and demo passwords (each user's password is the user name). For local use only.
 */
public final class DemoRealm {
    public static final String REALM = "command-center";
    /** Same user names and audiences as the real realm, but another issuer and signing key. */
    public static final String FOREIGN_REALM = "sandbox";
    /** Public client with the password grant, for API users and tests. */
    public static final String CLI_CLIENT = "command-center-cli";
    /** Public client whose tokens carry no service audience. */
    public static final String NO_AUDIENCE_CLIENT = "untrusted-tool";
    public static final String GATEWAY_CLIENT = "gateway";
    public static final String GATEWAY_SECRET = "gateway-dev-secret";
    /** Machine caller (client credentials), member of team payments. */
    public static final String AUTOMATION_CLIENT = "incident-automation";
    public static final String AUTOMATION_SECRET = "automation-dev-secret";
    /** Read-only Keycloak admin API access for services that check team membership. */
    public static final String TEAM_DIRECTORY_SECRET = "team-directory-dev-secret";

    public static final List<User> USERS = List.of(
            new User("alice", "alice", List.of("payments"), false),
            new User("bob", "bob", List.of("payments"), false),
            new User("dave", "dave", List.of("payments"), false),
            new User("carol", "carol", List.of("search"), false),
            new User("admin", "admin", List.of(), true));

    private DemoRealm() {
    }

    public record User(String username, String password, List<String> teams, boolean systemAdmin) {
    }

    public static User user(String username) {
        return USERS.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo user " + username));
    }
}
