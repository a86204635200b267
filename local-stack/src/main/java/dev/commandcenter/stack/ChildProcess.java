package dev.commandcenter.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server running as a child process, its output going to one log file. */
public final class ChildProcess implements AutoCloseable {
    /** Every child still running; a shutdown hook stops them, so no server outlives its parent JVM. */
    private static final java.util.Set<ChildProcess> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> List.copyOf(RUNNING).parallelStream().forEach(ChildProcess::close), "stop-child-processes"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, List<String> command, Path workDir, Path log,
            Map<String, String> environment) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            ChildProcess child = new ChildProcess(name, builder.start(), log);
            RUNNING.add(child);
            return child;
        } catch (IOException e) {
            throw new StackException(name + " could not be started (" + command.get(0) + "): " + e.getMessage()
                    + "; log: " + log, e);
        }
    }

    /** Runs a command to completion, failing with the log's tail if it exits non-zero. */
    public static void run(String name, List<String> command, Path workDir, Path log, Duration timeout) {
        ChildProcess child = start(name, command, workDir, log, Map.of());
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.close();
                throw child.failure("did not finish within " + timeout.toSeconds() + " s");
            }
            if (child.process.exitValue() != 0) {
                throw child.failure("exited with code " + child.process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.close();
            throw new StackException(name + " was interrupted", e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** An exception naming this process, what went wrong, its log and the log's last lines. */
    public StackException failure(String what) {
        return new StackException(name + " " + what + ". Log: " + log + "\n--- last lines of the log ---\n"
                + tail(log, 25));
    }

    /** Stops the process and every process it started: politely first, then by force. */
    @Override
    public void close() {
        stopTree(process.toHandle(), Duration.ofSeconds(20));
        RUNNING.remove(this);
    }

    static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroy();
        descendants.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : concat(root, descendants)) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupt) {
                handle.destroyForcibly();
            }
        }
    }

    private static List<ProcessHandle> concat(ProcessHandle root, List<ProcessHandle> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), rest.stream()).toList();
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log written)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
