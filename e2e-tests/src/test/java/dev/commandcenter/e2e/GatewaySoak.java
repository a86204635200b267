package dev.commandcenter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A bounded soak of mixed reads and writes through the gateway: several users on several threads
 * create playbooks, start incidents, post messages, work checklists, browse, read details,
 * timelines and CSV exports, until a request budget or a time budget is spent. Each user stays
 * under the gateway's rate limit (a 429 is counted on its own, not as an error). Loopback only.
 */
final class GatewaySoak {
    /** One user of the soak and the team it works in. */
    record User(String name, String team) {
    }

    /**
     * How many requests, for how long, on how many threads, at what rate per user. On a slow
     * machine the soak goes on after {@code duration} until each of {@link #CORE_OPERATIONS} has
     * succeeded once, but never longer than {@code 2 * duration}.
     */
    record Budget(int requests, Duration duration, int threads, int requestsPerSecondPerUser) {
    }

    /** What every soak must have done at least once with success. */
    static final List<String> CORE_OPERATIONS = List.of("create playbook", "start incident", "post message",
            "add task", "browse incidents", "incident details", "timeline", "csv export");

    /** A response the soak did not expect: a 5xx, or no response at all. */
    record Failure(String operation, String method, String path, int status, String requestId, String body,
            long atMillis) {
        @Override
        public String toString() {
            return String.format("+%.1fs %s %s %s -> %s (X-Request-Id %s) %s", atMillis / 1000.0, operation, method,
                    path, status == 0 ? "no response" : status, requestId, body);
        }
    }

    /** What the soak did: requests by status and by operation, and the failures. */
    record Result(long requests, Duration took, Map<Integer, Long> byStatus, Map<String, Map<Integer, Long>> byOperation,
            List<Failure> failures) {

        long count(java.util.function.IntPredicate statuses) {
            return byStatus.entrySet().stream().filter(e -> statuses.test(e.getKey())).mapToLong(Map.Entry::getValue)
                    .sum();
        }

        boolean succeededAtLeastOnce(List<String> operations) {
            return operations.stream().allMatch(operation -> byOperation.getOrDefault(operation, Map.of()).keySet()
                    .stream().anyMatch(status -> status >= 200 && status < 300));
        }

        long serverErrors() {
            return count(status -> status >= 500);
        }

        /** Requests that got no HTTP response (connection refused or reset, timeout). */
        long transportErrors() {
            return count(status -> status == 0);
        }

        String report() {
            StringBuilder text = new StringBuilder(String.format(
                    "%d requests in %.1f s (%.0f/s): 2xx %d, 4xx other than 429 %d, 429 %d, 5xx %d, no response %d%n",
                    requests, took.toMillis() / 1000.0, requests * 1000.0 / Math.max(1, took.toMillis()),
                    count(s -> s >= 200 && s < 300), count(s -> s >= 400 && s < 500 && s != 429), count(s -> s == 429),
                    serverErrors(), transportErrors()));
            text.append("by status: ").append(byStatus).append(System.lineSeparator());
            byOperation.forEach((operation, statuses) -> text.append(String.format("  %-18s %s%n", operation,
                    statuses)));
            failures.stream().limit(20).forEach(f -> text.append("  FAILED ").append(f).append(System.lineSeparator()));
            return text.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gatewayUrl;
    private final Function<String, String> tokens;
    private final List<User> users;
    private final Budget budget;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Pacer> pacers = new ConcurrentHashMap<>();
    private final Map<String, UserState> states = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, AtomicLong>> counts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger issued = new AtomicInteger();
    private long startedAt;

    GatewaySoak(String gatewayUrl, Function<String, String> tokens, List<User> users, Budget budget) {
        this.gatewayUrl = gatewayUrl;
        this.tokens = tokens;
        this.users = users;
        this.budget = budget;
        users.forEach(user -> {
            pacers.put(user.name(), new Pacer(budget.requestsPerSecondPerUser()));
            states.put(user.name(), new UserState());
        });
    }

    Result run() throws InterruptedException {
        users.forEach(user -> tokens.apply(user.name()));
        startedAt = System.nanoTime();
        long deadline = startedAt + budget.duration().toNanos();
        long hardDeadline = startedAt + 2 * budget.duration().toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(budget.threads());
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < budget.threads(); i++) {
            User user = users.get(i % users.size());
            workers.add(threads.submit(() -> {
                while (inTime(deadline, hardDeadline) && issued.incrementAndGet() <= budget.requests()) {
                    step(user);
                }
            }));
        }
        threads.shutdown();
        while (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
            System.out.println("[soak] " + progress());
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("A soak worker broke: " + e.getCause(), e.getCause());
            }
        }
        System.out.println("[soak] " + progress());
        return result();
    }

    private boolean inTime(long deadline, long hardDeadline) {
        long now = System.nanoTime();
        return now < deadline || now < hardDeadline && !result().succeededAtLeastOnce(CORE_OPERATIONS);
    }

    private String progress() {
        Result now = result();
        return String.format("%.0f s: %d requests, 2xx %d, 4xx %d (429: %d), 5xx %d, no response %d",
                now.took().toMillis() / 1000.0, now.requests(), now.count(s -> s >= 200 && s < 300),
                now.count(s -> s >= 400 && s < 500), now.count(s -> s == 429), now.serverErrors(),
                now.transportErrors());
    }

    private Result result() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        Map<String, Map<Integer, Long>> byOperation = new TreeMap<>();
        counts.forEach((operation, statuses) -> statuses.forEach((status, n) -> {
            byStatus.merge(status, n.get(), Long::sum);
            byOperation.computeIfAbsent(operation, o -> new TreeMap<>()).put(status, n.get());
        }));
        long requests = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Result(requests, Duration.ofNanos(System.nanoTime() - startedAt), byStatus, byOperation,
                List.copyOf(failures));
    }

    /** One request of a weighted mix; an operation that needs an item the user lacks makes one first. */
    private void step(User user) {
        UserState state = states.get(user.name());
        Optional<String> playbook = state.anyPlaybook();
        if (playbook.isEmpty() || state.playbooks.size() < 2 && chance(5)) {
            createPlaybook(user, state);
            return;
        }
        Optional<IncidentRef> incident = state.anyIncident();
        if (incident.isEmpty() && System.nanoTime() < state.retryStartAfter) {
            // incident-service has not learnt the playbook yet: browse meanwhile, as a person would.
            send(user, "list playbooks", "GET", "/api/v1/playbooks?teamId=" + user.team() + "&limit=20", null);
            return;
        }
        if (incident.isEmpty() || state.incidents.size() < 3 && chance(10)) {
            startIncident(user, state, playbook.get());
            return;
        }
        IncidentRef ref = incident.get();
        String path = "/api/v1/incidents/" + ref.id();
        int pick = ThreadLocalRandom.current().nextInt(100);
        if (pick < 8) {
            send(user, "list playbooks", "GET", "/api/v1/playbooks?teamId=" + user.team() + "&limit=20", null);
        } else if (pick < 13) {
            send(user, "playbook details", "GET", "/api/v1/playbooks/" + playbook.get(), null);
        } else if (pick < 21) {
            send(user, "browse incidents", "GET", "/api/v1/incidents?teamId=" + user.team() + "&status=ongoing&limit=20",
                    null);
        } else if (pick < 31) {
            send(user, "incident details", "GET", path, null);
        } else if (pick < 37) {
            send(user, "timeline", "GET", path + "/timeline", null);
        } else if (pick < 43) {
            send(user, "messages", "GET", path + "/messages", null);
        } else if (pick < 47) {
            send(user, "csv export", "GET", path + "/channel.csv", null);
        } else if (pick < 58) {
            send(user, "post message", "POST", path + "/messages",
                    Map.of("text", "status update " + issued.get() + " from " + user.name()));
        } else if (pick < 66) {
            send(user, "add task", "POST", path + "/checklists/" + ref.stageId() + "/items",
                    Map.of("title", "soak task " + issued.get(), "slashCommand", "/page oncall"))
                    .ifPresent(body -> state.remember(ref, body));
        } else if (pick < 97) {
            Optional<String> item = state.anyItem(ref);
            if (item.isEmpty()) {
                send(user, "incident details", "GET", path, null).ifPresent(body -> state.remember(ref, body));
                return;
            }
            String itemPath = path + "/checklists/" + ref.stageId() + "/items/" + item.get();
            if (pick < 74) {
                send(user, "check task", "PUT", itemPath + "/state",
                        Map.of("state", chance(50) ? "DONE" : "OPEN"));
            } else if (pick < 79) {
                send(user, "assign task", "PUT", itemPath + "/assignee", Map.of("userId", user.name()));
            } else if (pick < 84) {
                send(user, "run task command", "POST", itemPath + "/run", null);
            } else if (pick < 88) {
                send(user, "rename task", "PATCH", itemPath, Map.of("title", "renamed soak task " + issued.get()));
            } else if (pick < 92) {
                send(user, "move task", "POST", itemPath + "/move", Map.of("position", 0));
            } else {
                send(user, "remove task", "DELETE", itemPath, null).ifPresent(body -> state.remember(ref, body));
            }
        } else if (pick < 98) {
            send(user, "telemetry", "GET", "/api/v1/telemetry/events?subject=" + ref.id(), null);
        } else if (pick < 99) {
            send(user, "notifications", "GET", "/api/v1/notifications?incident=" + ref.id(), null);
        } else {
            state.incidents.remove(ref);
            send(user, "end incident", "POST", path + "/end", null);
        }
    }

    private void createPlaybook(User user, UserState state) {
        send(user, "create playbook", "POST", "/api/v1/playbooks", Map.of("teamId", user.team(), "title",
                "Soak playbook " + issued.get(), "stages", List.of(Map.of("title", "Triage", "steps", List.of(
                        Map.of("title", "Page the on-call engineer", "slashCommand", "/page oncall"))))))
                .ifPresent(body -> state.playbooks.add(body.path("id").asText()));
    }

    /** A 404 here is expected for a moment: incident-service learns new playbooks from Kafka. */
    private void startIncident(User user, UserState state, String playbookId) {
        Optional<JsonNode> started = send(user, "start incident", "POST", "/api/v1/incidents", Map.of("playbookId",
                playbookId, "name", "soak-" + user.name() + "-" + java.util.UUID.randomUUID()));
        started.ifPresent(body -> {
            IncidentRef ref = new IncidentRef(body.path("id").asText(),
                    body.path("checklists").path(0).path("id").asText());
            state.remember(ref, body);
            state.incidents.add(ref);
        });
        if (started.isEmpty()) {
            state.retryStartAfter = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        }
    }

    /** Sends one request as the user (paced under the rate limit) and counts its status; the body if 2xx JSON. */
    private Optional<JsonNode> send(User user, String operation, String method, String path, Object body) {
        pacers.get(user.name()).await();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + tokens.apply(user.name()))
                .header("Accept", path.endsWith(".csv") ? "text/csv" : "application/json");
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            count(operation, response.statusCode());
            if (response.statusCode() >= 500) {
                failures.add(new Failure(operation, method, path, response.statusCode(),
                        response.headers().firstValue("X-Request-Id").orElse("-"), abbreviate(response.body()),
                        elapsedMillis()));
            }
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return response.statusCode() / 100 == 2 && json && !response.body().isEmpty()
                    ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            count(operation, 0);
            failures.add(new Failure(operation, method, path, 0, "-", e.toString(), elapsedMillis()));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private void count(String operation, int status) {
        counts.computeIfAbsent(operation, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    private long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
    }

    private static boolean chance(int percent) {
        return ThreadLocalRandom.current().nextInt(100) < percent;
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private record IncidentRef(String id, String stageId) {
    }

    /** What one user has made so far; its threads share it, so they also race on the same incidents. */
    private static final class UserState {
        final List<String> playbooks = new CopyOnWriteArrayList<>();
        final List<IncidentRef> incidents = new CopyOnWriteArrayList<>();
        final Map<String, List<String>> items = new ConcurrentHashMap<>();
        volatile long retryStartAfter = System.nanoTime();

        Optional<String> anyPlaybook() {
            return any(playbooks);
        }

        Optional<IncidentRef> anyIncident() {
            return any(incidents);
        }

        Optional<String> anyItem(IncidentRef incident) {
            return any(items.getOrDefault(incident.id(), List.of()));
        }

        /** The item ids of the incident's first stage, from an incident response. */
        void remember(IncidentRef incident, JsonNode response) {
            List<String> ids = new ArrayList<>();
            response.path("checklists").path(0).path("items").forEach(item -> ids.add(item.path("id").asText()));
            items.put(incident.id(), List.copyOf(ids));
        }

        private static <T> Optional<T> any(List<T> list) {
            List<T> snapshot = List.copyOf(list);
            return snapshot.isEmpty() ? Optional.empty()
                    : Optional.of(snapshot.get(ThreadLocalRandom.current().nextInt(snapshot.size())));
        }
    }

    /** Spaces one user's requests evenly at a fixed rate, shared by that user's threads. */
    private static final class Pacer {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pacer(int perSecond) {
            this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        }

        void await() {
            long slot;
            synchronized (this) {
                slot = Math.max(next, System.nanoTime());
                next = slot + intervalNanos;
            }
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }
}
