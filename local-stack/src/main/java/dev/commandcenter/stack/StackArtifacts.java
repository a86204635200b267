package dev.commandcenter.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where Maven put the Kafka broker's jars and the Keycloak distribution (see stack-artifacts). */
public record StackArtifacts(String kafkaClasspath, String kafkaVersion, Path keycloakDist, String keycloakVersion) {

    public static StackArtifacts load() {
        Properties properties = new Properties();
        try (InputStream in = StackArtifacts.class.getResourceAsStream("/stack-artifacts.properties")) {
            if (in == null) {
                throw new StackException("stack-artifacts.properties is missing from the classpath: build with ./mvnw");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new StackException("stack-artifacts.properties is unreadable", e);
        }
        StackArtifacts artifacts = new StackArtifacts(properties.getProperty("kafka.classpath"),
                properties.getProperty("kafka.version"), Path.of(properties.getProperty("keycloak.dist")),
                properties.getProperty("keycloak.version"));
        if (!Files.isRegularFile(artifacts.keycloakDist())) {
            throw new StackException("The Keycloak distribution is not in the local Maven repository at "
                    + artifacts.keycloakDist() + ": run ./mvnw install -DskipTests once");
        }
        return artifacts;
    }
}
