package dev.commandcenter.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Kafka and Keycloak shared by every test JVM of one Maven run: the first test that needs them
 * starts an {@link InfraSupervisor} process, later ones (in this and other modules) find it
 * through a state file under the reactor's {@code target/shared-infra}. The supervisor stops both
 * servers when the Maven process that ran the tests exits, so nothing outlives the build.
 */
public final class SharedInfra {
    static final String STATE_FILE = "infra.properties";
    static final String FAILURE_FILE = "infra.failed";
    private static InfraEndpoints endpoints;
    private static StackException failure;

    private SharedInfra() {
    }

    public static synchronized InfraEndpoints get() {
        if (failure != null) {
            throw failure;
        }
        if (endpoints == null) {
            String dir = System.getenv("STACK_INFRA_DIR");
            try {
                endpoints = acquire(dir != null && !dir.isBlank() ? Path.of(dir)
                        : StackDirs.root().resolve("target").resolve("shared-infra"));
            } catch (StackException e) {
                failure = e;
                throw e;
            }
        }
        return endpoints;
    }

    private static InfraEndpoints acquire(Path dir) {
        Progress progress = Progress.toStdout();
        try {
            Files.createDirectories(dir);
            try (RandomAccessFile lockFile = new RandomAccessFile(dir.resolve("lock").toFile(), "rw");
                    FileLock lock = lockFile.getChannel().lock()) {
                Optional<InfraEndpoints> running = readRunning(dir);
                if (running.isPresent()) {
                    return running.get();
                }
                Files.deleteIfExists(dir.resolve(STATE_FILE));
                Files.deleteIfExists(dir.resolve(FAILURE_FILE));
                return startSupervisor(dir, progress);
            }
        } catch (IOException e) {
            throw new StackException("Cannot use " + dir + " for the shared test infrastructure", e);
        }
    }

    private static Optional<InfraEndpoints> readRunning(Path dir) throws IOException {
        Path state = dir.resolve(STATE_FILE);
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        Properties properties = load(state);
        long supervisor = Long.parseLong(properties.getProperty("supervisor.pid", "-1"));
        boolean alive = ProcessHandle.of(supervisor).map(ProcessHandle::isAlive).orElse(false);
        InfraEndpoints endpoints = new InfraEndpoints(properties.getProperty("kafka.bootstrap.servers"),
                properties.getProperty("keycloak.url"));
        int kafkaPort = Integer.parseInt(endpoints.kafkaBootstrapServers().substring(
                endpoints.kafkaBootstrapServers().lastIndexOf(':') + 1));
        if (alive && Net.isListening(kafkaPort) && Net.httpStatus(endpoints.issuer()) == 200) {
            return Optional.of(endpoints);
        }
        return Optional.empty();
    }

    private static InfraEndpoints startSupervisor(Path dir, Progress progress) throws IOException {
        long watched = buildProcess().pid();
        List<String> command = new ArrayList<>(List.of(KafkaBroker.javaExecutable(), "-Xmx96m", "-XX:+UseSerialGC",
                "-Dstack.cache=" + StackDirs.cache(), "-cp", supervisorClasspath(),
                InfraSupervisor.class.getName(), dir.toString(), Long.toString(watched)));
        progress.step("Starting shared Kafka and Keycloak for this build (stopped when process " + watched
                + " exits); log " + dir.resolve("supervisor.log"));
        ChildProcess supervisor = ChildProcess.start("Shared infrastructure supervisor", command, dir,
                dir.resolve("supervisor.log"), java.util.Map.of());
        Net.awaitReady(supervisor, Duration.ofMinutes(5), () -> Files.exists(dir.resolve(STATE_FILE))
                || Files.exists(dir.resolve(FAILURE_FILE)), progress);
        if (Files.exists(dir.resolve(FAILURE_FILE))) {
            throw new StackException(Files.readString(dir.resolve(FAILURE_FILE)));
        }
        return readRunning(dir).orElseThrow(() -> supervisor.failure("wrote a state that does not answer"));
    }

    /**
     * The Maven JVM that runs this build (an ancestor running plexus-classworlds), so the
     * infrastructure lives exactly as long as the build; without Maven, this JVM.
     */
    static ProcessHandle buildProcess() {
        String configured = System.getProperty("stack.watch-pid");
        if (configured != null) {
            return ProcessHandle.of(Long.parseLong(configured)).orElse(ProcessHandle.current());
        }
        Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
        while (ancestor.isPresent()) {
            String commandLine = ancestor.get().info().commandLine().orElse("");
            if (commandLine.contains("plexus-classworlds") || commandLine.contains("classworlds.launcher")) {
                return ancestor.get();
            }
            ancestor = ancestor.get().parent();
        }
        return ProcessHandle.current();
    }

    /** local-stack's own classes plus the stack-artifacts properties; the supervisor needs nothing else. */
    private static String supervisorClasspath() {
        return classpathEntry(SharedInfra.class.getResource("SharedInfra.class"), "dev/commandcenter/stack/SharedInfra.class")
                + java.io.File.pathSeparator
                + classpathEntry(SharedInfra.class.getResource("/stack-artifacts.properties"), "stack-artifacts.properties");
    }

    private static String classpathEntry(URL resource, String resourcePath) {
        if (resource == null) {
            throw new StackException(resourcePath + " is not on the classpath");
        }
        String url = resource.toString();
        try {
            if (url.startsWith("jar:")) {
                return Path.of(new URL(url.substring(4, url.indexOf("!/"))).toURI()).toString();
            }
            Path file = Path.of(resource.toURI());
            Path entry = file;
            for (int i = 0; i < resourcePath.split("/").length; i++) {
                entry = entry.getParent();
            }
            return entry.toString();
        } catch (URISyntaxException | IOException e) {
            throw new StackException("Cannot locate " + url, e);
        }
    }

    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    static void store(Properties properties, Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            properties.store(out, "shared test infrastructure");
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
