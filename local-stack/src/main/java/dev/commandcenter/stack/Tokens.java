package dev.commandcenter.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Real access tokens from the running Keycloak, plus deliberately bad ones for security tests. */
public final class Tokens {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String keycloakUrl;

    public Tokens(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /** A token of a demo user, with the audiences of every service. */
    public String forUser(String username) {
        return password(DemoRealm.REALM, DemoRealm.CLI_CLIENT, username);
    }

    /** A genuine token of the right issuer that names no service as its audience. */
    public String withoutAudience(String username) {
        return password(DemoRealm.REALM, DemoRealm.NO_AUDIENCE_CLIENT, username);
    }

    /** A genuine token with the right audiences from another realm: wrong issuer and signing key. */
    public String fromForeignIssuer(String username) {
        return password(DemoRealm.FOREIGN_REALM, DemoRealm.CLI_CLIENT, username);
    }

    /** A token of the machine client (client credentials grant). */
    public String forMachine() {
        return request(DemoRealm.REALM, Map.of("grant_type", "client_credentials", "client_id",
                DemoRealm.AUTOMATION_CLIENT, "client_secret", DemoRealm.AUTOMATION_SECRET));
    }

    /** A user's token whose payload was edited to claim the team {@code team}; its signature no longer matches. */
    public String tampered(String username, String team) {
        String[] parts = forUser(username).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("\"groups\"\\s*:\\s*\\[", "\"groups\":[\"" + team + "\",");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /**
     * Bearer tokens every service must reject with 401, by what is wrong with them: no audience
     * of ours, another issuer, a forged payload, not a JWT at all.
     */
    public Map<String, String> rejected(String username) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no audience of ours", withoutAudience(username));
        bad.put("foreign issuer", fromForeignIssuer(username));
        bad.put("forged payload", tampered(username, "search"));
        bad.put("not a JWT", "not.a.jwt");
        return bad;
    }

    /**
     * A password-grant token, reused for {@link #REUSE} (the realm's tokens live 15 minutes): tests
     * ask for the same user's token again and again, and one login per user at a time also keeps
     * Keycloak's brute-force detector from taking overlapping logins for an attack.
     */
    private String password(String realm, String client, String username) {
        String cacheKey = keycloakUrl + "/" + realm + "/" + client + "/" + username;
        Cached cached = CACHE.compute(cacheKey, (key, previous) -> previous != null
                && previous.fetched().plus(REUSE).isAfter(java.time.Instant.now()) ? previous
                : new Cached(login(realm, client, username), java.time.Instant.now()));
        return cached.token();
    }

    private record Cached(String token, java.time.Instant fetched) {
    }

    private static final Duration REUSE = Duration.ofMinutes(10);
    private static final java.util.concurrent.ConcurrentMap<String, Cached> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private String login(String realm, String client, String username) {
        DemoRealm.User user = DemoRealm.user(username);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client);
        form.put("username", user.username());
        form.put("password", user.password());
        form.put("scope", "openid");
        return request(realm, form);
    }

    private String request(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher matcher = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new StackException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new StackException("Keycloak at " + keycloakUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while asking Keycloak for a token", e);
        }
    }
}
