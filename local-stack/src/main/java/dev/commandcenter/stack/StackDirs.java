package dev.commandcenter.stack;

import java.nio.file.Path;

/** Where the stack keeps things: the reactor root's target/ for runs, the user cache for unpacked tools. */
public final class StackDirs {
    private StackDirs() {
    }

    /** The project root: the {@code stack.root} property Maven sets for tests, else the working directory. */
    public static Path root() {
        return Path.of(System.getProperty("stack.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
    }

    /** Deletes a directory and everything in it; nothing happens if it does not exist. */
    public static void deleteTree(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(path);
            }
        } catch (java.io.IOException e) {
            throw new StackException("Cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Unpacked distributions survive {@code mvn clean}; they are rebuilt from ~/.m2 when missing. */
    public static Path cache() {
        String configured = System.getProperty("stack.cache", System.getenv("COMMAND_CENTER_CACHE"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "command-center");
    }
}
