package dev.commandcenter.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Which commit a module was at, so figures of different runs can be told apart. */
final class Git {
    private Git() {
    }

    static String lastCommit(Path root, String module) {
        Path exported = root.resolve("SOURCE");
        if (java.nio.file.Files.isRegularFile(exported) && !java.nio.file.Files.exists(root.resolve(".git"))) {
            // A tree exported without history (git archive) names its commit in SOURCE.
            try {
                return java.nio.file.Files.readString(exported).trim() + " (exported tree)";
            } catch (java.io.IOException e) {
                return "unknown (" + e.getMessage() + ")";
            }
        }
        try {
            Process git = new ProcessBuilder("git", "log", "-1", "--format=%h %cd %s", "--date=format:%Y-%m-%d %H:%M",
                    "--", module).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            git.waitFor(10, TimeUnit.SECONDS);
            Process dirty = new ProcessBuilder("git", "status", "--porcelain", "--", module + "/src")
                    .directory(root.toFile()).redirectErrorStream(true).start();
            String changes = new String(dirty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            dirty.waitFor(10, TimeUnit.SECONDS);
            return out + (changes.isEmpty() ? "" : " (+ uncommitted changes)");
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** When the packaged service was built, and the event-kit jar in it (size and time tell relay versions apart). */
    static String packaged(Path quarkusApp) {
        try (java.util.stream.Stream<Path> jars = java.nio.file.Files.list(quarkusApp.resolve("lib/main"))) {
            Path runner = quarkusApp.resolve("quarkus-run.jar");
            String eventKit = jars.filter(p -> p.getFileName().toString().contains("event-kit")).findFirst()
                    .map(p -> p.getFileName() + " " + size(p) + " bytes, " + modified(p)).orElse("no event-kit jar");
            return "built " + modified(runner) + "; " + eventKit;
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long size(Path p) {
        try {
            return java.nio.file.Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String modified(Path p) {
        try {
            return java.nio.file.Files.getLastModifiedTime(p).toInstant()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
