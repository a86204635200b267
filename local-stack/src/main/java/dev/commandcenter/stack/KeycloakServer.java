package dev.commandcenter.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its Maven-distributed tarball, started in dev mode with the demo realms
 * imported into an in-memory database, so every start begins from the committed realm files.
 */
public final class KeycloakServer implements AutoCloseable {
    static final List<String> REALM_FILES = List.of("command-center-realm.json", "sandbox-realm.json");

    private final ChildProcess process;
    private final int port;

    private KeycloakServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KeycloakServer start(Path runDir, Progress progress) {
        return start(runDir, 0, progress);
    }

    /** Starts on {@code preferredPort} when it is free (0: any free port). */
    public static KeycloakServer start(Path runDir, int preferredPort, Progress progress) {
        StackArtifacts artifacts = StackArtifacts.load();
        Path home = unpacked(artifacts, progress);
        int port = Net.preferredPort(preferredPort);
        int managementPort = Net.freePort();
        copyRealms(home.resolve("data/import"));
        String url = "http://" + Net.HOST + ":" + port;
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + Net.HOST, "--http-port=" + port, "--hostname=" + url,
                "--http-management-port=" + managementPort, "--db=dev-mem", "--cache=local",
                "--import-realm", "--log-level=WARN"));
        progress.step("Keycloak " + artifacts.keycloakVersion() + " on " + url + " (takes 20-60 s), log "
                + runDir.resolve("keycloak.log"));
        ChildProcess process = ChildProcess.start("Keycloak", command, runDir, runDir.resolve("keycloak.log"),
                Map.of("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m", "JAVA_OPTS_APPEND", "-XX:MaxMetaspaceSize=256m",
                        // Administrator of the master realm, for the admin console of the local run.
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
        String discovery = url + "/realms/" + DemoRealm.REALM + "/.well-known/openid-configuration";
        Net.awaitReady(process, Duration.ofSeconds(240), () -> Net.httpStatus(discovery) == 200, progress);
        return new KeycloakServer(process, port);
    }

    public String url() {
        return "http://" + Net.HOST + ":" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }

    /** The realm files always come from this jar; the in-memory database forgets older imports. */
    private static synchronized void copyRealms(Path importDir) {
        try {
            Files.createDirectories(importDir);
            for (String realm : REALM_FILES) {
                try (InputStream in = KeycloakServer.class.getResourceAsStream("/realms/" + realm)) {
                    if (in == null) {
                        throw new StackException("Realm file realms/" + realm + " is missing from local-stack");
                    }
                    Files.copy(in, importDir.resolve(realm), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new StackException("Cannot copy the realm files to " + importDir, e);
        }
    }

    /**
     * Unpacks the distribution once into the user's cache; Keycloak's first start also builds
     * into it, so later starts take ~20 s instead of ~60 s.
     */
    private static Path unpacked(StackArtifacts artifacts, Progress progress) {
        Path cache = StackDirs.cache();
        Path home = cache.resolve("keycloak-" + artifacts.keycloakVersion());
        Path marker = home.resolve(".unpacked");
        try {
            Files.createDirectories(cache);
            try (RandomAccessFile lockFile = new RandomAccessFile(cache.resolve("keycloak.lock").toFile(), "rw");
                    FileLock lock = lockFile.getChannel().lock()) {
                if (!Files.exists(marker)) {
                    progress.step("Unpacking Keycloak " + artifacts.keycloakVersion() + " into " + cache);
                    ChildProcess.run("tar (Keycloak)", List.of("tar", "xzf", artifacts.keycloakDist().toString(),
                            "-C", cache.toString()), cache, cache.resolve("keycloak-unpack.log"), Duration.ofMinutes(3));
                    Files.writeString(marker, artifacts.keycloakDist().toString());
                }
            }
        } catch (IOException e) {
            throw new StackException("Cannot unpack Keycloak into " + cache, e);
        }
        return home;
    }
}
