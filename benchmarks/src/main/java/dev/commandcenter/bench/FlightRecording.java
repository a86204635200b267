package dev.commandcenter.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of the service while it is under load (started and stopped with jcmd), and
 * where its CPU samples fall: the hottest methods by own time, and the application and library
 * methods with the most samples anywhere on the stack.
 */
final class FlightRecording {
    private static final List<String> INCLUSIVE_PACKAGES = List.of("dev.commandcenter.", "org.hibernate.",
            "io.vertx.pgclient.", "io.vertx.sqlclient.", "io.quarkus.oidc.", "io.smallrye.jwt.", "org.jose4j.",
            "com.fasterxml.jackson.", "io.quarkus.hibernate.", "org.jboss.resteasy.reactive.", "io.quarkus.vertx.",
            "org.jboss.logging.", "org.jboss.logmanager.", "io.smallrye.reactive.messaging.", "io.quarkus.arc.",
            "org.hibernate.validator.", "io.quarkus.micrometer.", "io.micrometer.");

    private final long pid;
    private final Path file;

    private FlightRecording(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static FlightRecording start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
        return new FlightRecording(pid, file);
    }

    Path stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + file);
        return file;
    }

    /** Adds the top {@code n} methods by own samples and by samples anywhere on the stack, between from and to. */
    static void summarize(Path recording, java.time.Instant from, java.time.Instant to, int n, Results results)
            throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> selfByPackage = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            String top = name(frames.get(0).getMethod());
            self.merge(top, 1, Integer::sum);
            selfByPackage.merge(packageOf(frames.get(0).getMethod()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                if (INCLUSIVE_PACKAGES.stream().anyMatch(method::startsWith) && seen.add(method)) {
                    inclusive.merge(method, 1, Integer::sum);
                }
            }
        }
        int total = samples;
        results.add("JFR %s: %d execution samples during (b)", recording.getFileName(), total);
        results.add("  own time by package:");
        top(selfByPackage, n).forEach(e -> results.add("    %5.1f %%  %s", 100.0 * e.getValue() / total, e.getKey()));
        results.add("  own time by method:");
        top(self, n).forEach(e -> results.add("    %5.1f %%  %s", 100.0 * e.getValue() / total, e.getKey()));
        results.add("  on the stack (application and framework methods):");
        top(inclusive, n).forEach(e -> results.add("    %5.1f %%  %s", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .toList();
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    /** The first three segments of the class's package (io.vertx.pgclient, org.hibernate.reactive, ...). */
    private static String packageOf(RecordedMethod method) {
        String type = method.getType().getName();
        String[] parts = type.split("\\.");
        int keep = Math.min(3, Math.max(1, parts.length - 1));
        return String.join(".", java.util.Arrays.copyOf(parts, keep));
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
