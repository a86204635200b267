package dev.commandcenter.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A single-node Kafka broker in KRaft mode, running in its own JVM (keeps test JVMs small). */
public final class KafkaBroker implements AutoCloseable {
    private final ChildProcess process;
    private final int port;

    private KafkaBroker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KafkaBroker start(Path dir, Progress progress) {
        StackArtifacts artifacts = StackArtifacts.load();
        int port = Net.freePort();
        int controllerPort = Net.freePort();
        Path logDirs = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        try {
            StackDirs.deleteTree(logDirs);
            Files.createDirectories(logDirs);
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@" + Net.HOST + ":" + controllerPort,
                    "listeners=PLAINTEXT://" + Net.HOST + ":" + port + ",CONTROLLER://" + Net.HOST + ":" + controllerPort,
                    "advertised.listeners=PLAINTEXT://" + Net.HOST + ":" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + logDirs,
                    "num.partitions=3",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "log.retention.hours=24",
                    ""));
        } catch (IOException e) {
            throw new StackException("Cannot write the Kafka configuration in " + dir, e);
        }
        String java = javaExecutable();
        progress.step("Kafka " + artifacts.kafkaVersion() + " (KRaft) on port " + port + ", log " + dir.resolve("kafka.log"));
        ChildProcess.run("Kafka storage format",
                List.of(java, "-Xmx256m", "-cp", artifacts.kafkaClasspath(), "kafka.tools.StorageTool",
                        "format", "-t", clusterId(), "-c", config.toString()),
                dir, dir.resolve("kafka-format.log"), Duration.ofSeconds(60));
        ChildProcess process = ChildProcess.start("Kafka",
                List.of(java, "-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", "-cp", artifacts.kafkaClasspath(),
                        "kafka.Kafka", config.toString()),
                dir, dir.resolve("kafka.log"), Map.of());
        Net.awaitReady(process, Duration.ofSeconds(90), () -> Net.isListening(port), progress);
        return new KafkaBroker(process, port);
    }

    public String bootstrapServers() {
        return Net.HOST + ":" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }

    /** A 22-character base64 cluster id; never starting with '-', which the tool would read as an option. */
    static String clusterId() {
        String id;
        do {
            id = randomId();
        } while (id.startsWith("-"));
        return id;
    }

    private static String randomId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
