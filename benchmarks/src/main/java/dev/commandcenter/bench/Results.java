package dev.commandcenter.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The figures of one run: printed as they come, and written to the results file as they come. */
final class Results {
    private final List<String> lines = new ArrayList<>();
    private final Path file;

    Results(Path file) {
        this.file = file;
    }

    synchronized void section(String title) {
        add("");
        add("## " + title);
    }

    synchronized void add(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
        lines.add(line);
        try {
            // Written after every line: an interrupted run still leaves what it measured.
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    void add(String format, Object... args) {
        add(String.format(format, args));
    }

    Path file() {
        return file;
    }

    /** The value below which {@code p} (0..1) of the sorted values lie (nearest rank). */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
