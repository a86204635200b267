package dev.commandcenter.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one run measures and at which scale. Positional arguments (kept from the first version):
 * incidents, messages. Options: {@code --parts=start,browse}, {@code --connections=16},
 * {@code --seconds=20} (each closed-loop measurement), {@code --warmup=15}, {@code --rates=50,100,200},
 * {@code --rate-seconds=15}, {@code --jfr} (flight recording of the service during the API run),
 * {@code --jvm=production|local}, {@code --rounds=3} (alternations of (a) and (b), or of A and B),
 * {@code --service-opt=-Dkey=value} (repeatable: more flags for the service's JVM, for example
 * {@code -Dquarkus.hibernate-orm.log.sql=true}), {@code --compare=DIR} (A/B:
 * this tree's packaged service against the one packaged in source tree DIR, in alternating rounds;
 * nothing else is measured then).
 */
record BenchOptions(int incidents, int messages, Set<String> parts, int connections, Duration measure,
        Duration warmup, List<Integer> rates, Duration rateDuration, boolean jfr, boolean productionJvm,
        List<String> serviceOptions, java.nio.file.Path compare, int rounds) {

    static final String START = "start";
    static final String BROWSE = "browse";

    static BenchOptions parse(String[] args) {
        int incidents = 1_000_000;
        int messages = 100_000;
        Set<String> parts = new LinkedHashSet<>(List.of(START, BROWSE));
        int connections = 16;
        int seconds = 20;
        int warmup = 15;
        List<Integer> rates = List.of(50, 100, 200);
        int rateSeconds = 15;
        boolean jfr = false;
        boolean production = true;
        List<String> serviceOptions = new java.util.ArrayList<>();
        java.nio.file.Path compare = null;
        int rounds = 3;
        int positional = 0;
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                int value = Integer.parseInt(arg.replace("_", ""));
                if (positional++ == 0) {
                    incidents = value;
                } else {
                    messages = value;
                }
                continue;
            }
            String[] pair = arg.substring(2).split("=", 2);
            String value = pair.length > 1 ? pair[1] : "";
            switch (pair[0]) {
                case "incidents" -> incidents = Integer.parseInt(value.replace("_", ""));
                case "messages" -> messages = Integer.parseInt(value.replace("_", ""));
                case "parts" -> parts = new LinkedHashSet<>(Arrays.asList(value.split(",")));
                case "connections" -> connections = Integer.parseInt(value);
                case "seconds" -> seconds = Integer.parseInt(value);
                case "warmup" -> warmup = Integer.parseInt(value);
                case "rates" -> rates = Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
                case "rate-seconds" -> rateSeconds = Integer.parseInt(value);
                case "jfr" -> jfr = true;
                case "jvm" -> production = !"local".equals(value);
                case "service-opt" -> serviceOptions.add(value);
                case "compare" -> compare = java.nio.file.Path.of(value).toAbsolutePath().normalize();
                case "rounds" -> rounds = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("Unknown option " + arg + "; see benchmarks/README.md");
            }
        }
        for (String part : parts) {
            if (!part.equals(START) && !part.equals(BROWSE)) {
                throw new IllegalArgumentException("--parts takes start and/or browse, not " + part);
            }
        }
        return new BenchOptions(incidents, messages, parts, connections, Duration.ofSeconds(seconds),
                Duration.ofSeconds(warmup), rates, Duration.ofSeconds(rateSeconds), jfr, production,
                List.copyOf(serviceOptions), compare, rounds);
    }

    boolean runs(String part) {
        return parts.contains(part);
    }
}
