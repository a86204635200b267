package dev.commandcenter.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Prints what is starting and, every five seconds, that it still is. */
public final class Progress {
    private final PrintStream out;
    private final Map<String, Long> lastReport = new ConcurrentHashMap<>();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public static Progress toStdout() {
        return new Progress(System.out);
    }

    public void step(String message) {
        out.println("[stack] " + message);
        out.flush();
    }

    void tick(String name, Duration elapsed) {
        long seconds = elapsed.toSeconds();
        long bucket = seconds / 5;
        Long previous = lastReport.put(name, bucket);
        if (bucket > 0 && (previous == null || previous != bucket)) {
            step("  ... " + name + " still starting (" + seconds + " s)");
        }
    }
}
