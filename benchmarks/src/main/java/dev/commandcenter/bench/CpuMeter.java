package dev.commandcenter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent by the processes of the run (service, PostgreSQL with its backends, broker, this
 * driver) and by the whole machine, from {@code /proc}: tells a CPU-bound figure from a waiting one.
 * The machine is shared, so "machine busy" includes other people's work.
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU seconds per process group and the machine's busy/total ticks at one moment. */
    record Reading(long nanos, Map<String, Double> cpuSeconds, long machineBusy, long machineTotal) {
    }

    /** One process, with or without its running children (ended children count once reaped). */
    record Group(long pid, boolean withChildren) {
        static Group of(long pid) {
            return new Group(pid, false);
        }

        static Group withChildren(long pid) {
            return new Group(pid, true);
        }
    }

    private final Map<String, Group> groups;

    /** {@code groups}: name to process (PostgreSQL: the postmaster with its backends). */
    CpuMeter(Map<String, Group> groups) {
        this.groups = new LinkedHashMap<>(groups);
    }

    Reading read() {
        Map<Long, Long> parents = new LinkedHashMap<>();
        Map<Long, Long> ticks = new LinkedHashMap<>();
        Map<Long, Long> reapedChildren = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                String[] stat = stat(proc);
                if (stat != null) {
                    long pid = Long.parseLong(proc.getFileName().toString());
                    parents.put(pid, Long.parseLong(stat[1]));
                    ticks.put(pid, Long.parseLong(stat[11]) + Long.parseLong(stat[12]));
                    reapedChildren.put(pid, Long.parseLong(stat[13]) + Long.parseLong(stat[14]));
                }
            }
        } catch (IOException e) {
            return new Reading(System.nanoTime(), Map.of(), 0, 0);
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.forEach((name, group) -> {
            // Children that ended (PostgreSQL backends of closed connections, pgbench) count in the
            // parent's cutime/cstime once it reaped them. The driver's running children are the
            // servers it started, which have groups of their own.
            long root = group.pid();
            long sum = ticks.getOrDefault(root, 0L) + reapedChildren.getOrDefault(root, 0L);
            if (group.withChildren()) {
                for (Map.Entry<Long, Long> e : parents.entrySet()) {
                    if (e.getValue().equals(root)) {
                        sum += ticks.getOrDefault(e.getKey(), 0L);
                    }
                }
            }
            seconds.put(name, sum / TICKS_PER_SECOND);
        });
        long busy = 0;
        long total = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < cpu.length; i++) {
                long v = Long.parseLong(cpu[i]);
                total += v;
                if (i != 4 && i != 5) { // idle, iowait
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no machine figure
        }
        return new Reading(System.nanoTime(), seconds, busy, total);
    }

    /** "service 1.23 ms, postgres 0.80 ms, ... CPU per unit; machine busy 97 %". */
    static String perUnit(Reading before, Reading after, long units, String unit) {
        List<String> parts = new ArrayList<>();
        after.cpuSeconds().forEach((name, s) -> {
            double delta = s - before.cpuSeconds().getOrDefault(name, 0.0);
            parts.add(String.format("%s %.2f ms", name, units == 0 ? 0 : delta * 1000 / units));
        });
        long total = after.machineTotal() - before.machineTotal();
        double busy = total == 0 ? 0 : 100.0 * (after.machineBusy() - before.machineBusy()) / total;
        return "CPU per " + unit + ": " + String.join(", ", parts) + "; machine busy " + Math.round(busy) + " %";
    }

    /** CPU milliseconds of one group per unit of work between two readings. */
    static double millisPerUnit(Reading before, Reading after, String group, long units) {
        double delta = after.cpuSeconds().getOrDefault(group, 0.0) - before.cpuSeconds().getOrDefault(group, 0.0);
        return units == 0 ? 0 : delta * 1000 / units;
    }

    /** After "(comm)" in /proc/pid/stat: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(Path proc) {
        try {
            String line = Files.readString(proc.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
