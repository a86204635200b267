package dev.commandcenter.incident.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commandcenter.incident.integration.Alert.Link;
import dev.commandcenter.kit.problem.Problem;
import dev.commandcenter.kit.problem.ProblemException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads what alerting systems send into {@link Alert}s: strict about structure (a payload that is not
 * the format is refused with 400 and the fields at fault, and nothing is created), lenient about
 * content (real alerts carry multi-line descriptions and long label sets: control characters become
 * spaces, texts are cut at their bounds, extra details and links are dropped).
 *
 * <ul>
 * <li>Generic: {@code {"dedupKey", "summary", "severity", "source", "status": firing|acknowledged|resolved,
 * "links": [{"href", "text"}], "details": {..}}}.</li>
 * <li>Prometheus Alertmanager webhook, version 4: one alert per group ({@code groupKey}).</li>
 * <li>PagerDuty Events API v2: {@code routing_key}, {@code event_action}, {@code dedup_key}, {@code payload}.</li>
 * </ul>
 */
public final class AlertFormats {
    /** The largest intake body taken; beyond, 413. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertFormats() {
    }

    /** A PagerDuty event: the routing key (the integration's key) and the alert. */
    public record PagerDutyEvent(String routingKey, Alert alert) {
    }

    public static Alert generic(byte[] body) {
        JsonNode root = object(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        String summary = requiredText(root, "summary", errors);
        Alert.Action action = switch (text(root.path("status"), "firing").toLowerCase(Locale.ROOT)) {
            case "firing", "trigger", "triggered" -> Alert.Action.TRIGGER;
            case "acknowledged", "acknowledge" -> Alert.Action.ACKNOWLEDGE;
            case "resolved", "resolve" -> Alert.Action.RESOLVE;
            default -> {
                errors.add(new Problem.FieldError("status", "must be firing, acknowledged or resolved"));
                yield null;
            }
        };
        String dedupKey = optionalText(root, "dedupKey", errors);
        if (dedupKey == null && action != null && action != Alert.Action.TRIGGER) {
            errors.add(new Problem.FieldError("dedupKey", "is required to acknowledge or resolve an alert"));
        }
        String severity = optionalText(root, "severity", errors);
        String source = optionalText(root, "source", errors);
        List<Link> links = links(root.path("links"), "links", errors);
        Map<String, String> details = details(root.path("details"), "details", errors);
        fail(errors);
        return new Alert(action, key(dedupKey), cut(summary, Alert.MAX_SUMMARY), cut(severity, Alert.MAX_SEVERITY),
                cut(source, Alert.MAX_SOURCE), links, details);
    }

    /**
     * An Alertmanager notification (webhook version 4): its group is the alert. The group's status is
     * {@code firing} while any of its alerts fires and {@code resolved} once all have resolved.
     */
    public static Alert alertmanager(byte[] body) {
        JsonNode root = object(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!"4".equals(root.path("version").asText())) {
            errors.add(new Problem.FieldError("version", "must be \"4\" (the Alertmanager webhook version)"));
        }
        String groupKey = requiredText(root, "groupKey", errors);
        String status = requiredText(root, "status", errors);
        JsonNode alerts = root.path("alerts");
        if (!alerts.isArray()) {
            errors.add(new Problem.FieldError("alerts", "must be an array"));
        }
        if (status != null && !status.equals("firing") && !status.equals("resolved")) {
            errors.add(new Problem.FieldError("status", "must be firing or resolved"));
        }
        fail(errors);
        JsonNode labels = root.path("commonLabels");
        JsonNode annotations = root.path("commonAnnotations");
        long firing = 0;
        for (JsonNode alert : alerts) {
            firing += "firing".equals(alert.path("status").asText()) ? 1 : 0;
        }
        String name = text(annotations.path("summary"), text(labels.path("alertname"), "Alertmanager alert"));
        String summary = alerts.size() > 1 ? name + " (" + firing + " of " + alerts.size() + " firing)" : name;
        List<Link> links = new ArrayList<>();
        addLink(links, text(annotations.path("runbook_url"), null), "Runbook");
        addLink(links, text(root.path("externalURL"), null), "Alertmanager");
        for (JsonNode alert : alerts) {
            addLink(links, text(alert.path("generatorURL"), null), "Source of " + text(alert.path("labels")
                    .path("alertname"), "alert"));
        }
        Map<String, String> details = new LinkedHashMap<>();
        putAll(details, labels);
        String description = text(annotations.path("description"), null);
        if (description != null) {
            details.put("description", cut(description, Alert.MAX_DETAIL));
        }
        details.put("alerts", firing + " firing, " + (alerts.size() - firing) + " resolved");
        return new Alert("firing".equals(status) ? Alert.Action.TRIGGER : Alert.Action.RESOLVE,
                cut(groupKey, Alert.MAX_KEY), cut(summary, Alert.MAX_SUMMARY),
                cut(text(labels.path("severity"), null), Alert.MAX_SEVERITY),
                cut(text(labels.path("job"), "alertmanager"), Alert.MAX_SOURCE), links, bounded(details));
    }

    /** A PagerDuty Events API v2 event, validated as PagerDuty validates it. */
    public static PagerDutyEvent pagerDuty(byte[] body) {
        JsonNode root = object(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        String routingKey = requiredText(root, "routing_key", errors);
        String eventAction = requiredText(root, "event_action", errors);
        Alert.Action action = eventAction == null ? null : switch (eventAction) {
            case "trigger" -> Alert.Action.TRIGGER;
            case "acknowledge" -> Alert.Action.ACKNOWLEDGE;
            case "resolve" -> Alert.Action.RESOLVE;
            default -> {
                errors.add(new Problem.FieldError("event_action", "must be trigger, acknowledge or resolve"));
                yield null;
            }
        };
        String dedupKey = optionalText(root, "dedup_key", errors);
        String summary = null;
        String source = null;
        String severity = null;
        Map<String, String> details = Map.of();
        if (action == Alert.Action.TRIGGER) {
            JsonNode payload = root.path("payload");
            if (!payload.isObject()) {
                errors.add(new Problem.FieldError("payload", "is required to trigger an alert"));
            } else {
                summary = requiredText(payload, "summary", errors, "payload.summary");
                source = requiredText(payload, "source", errors, "payload.source");
                severity = requiredText(payload, "severity", errors, "payload.severity");
                if (severity != null && !List.of("critical", "error", "warning", "info").contains(severity)) {
                    errors.add(new Problem.FieldError("payload.severity", "must be critical, error, warning or info"));
                }
                Map<String, String> found = new LinkedHashMap<>();
                for (String field : List.of("component", "group", "class")) {
                    String value = text(payload.path(field), null);
                    if (value != null) {
                        found.put(field, cut(value, Alert.MAX_DETAIL));
                    }
                }
                JsonNode custom = payload.path("custom_details");
                if (custom.isObject()) {
                    putAll(found, custom);
                } else if (!custom.isMissingNode() && !custom.isNull()) {
                    found.put("details", cut(custom.asText(), Alert.MAX_DETAIL));
                }
                details = bounded(found);
            }
        } else if (action != null && dedupKey == null) {
            errors.add(new Problem.FieldError("dedup_key", "is required to " + eventAction + " an alert"));
        }
        List<Link> links = links(root.path("links"), "links", errors);
        fail(errors);
        return new PagerDutyEvent(routingKey, new Alert(action, key(dedupKey), cut(summary, Alert.MAX_SUMMARY),
                severity, cut(source, Alert.MAX_SOURCE), links, details));
    }

    static JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalidField("body", "is empty; send the alert as JSON");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw ProblemException.invalidField("body", "must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ProblemException.invalidField("body", "cannot be read");
        }
    }

    private static String key(String dedupKey) {
        return dedupKey != null ? cut(dedupKey, Alert.MAX_KEY) : UUID.randomUUID().toString();
    }

    private static String requiredText(JsonNode node, String field, List<Problem.FieldError> errors) {
        return requiredText(node, field, errors, field);
    }

    private static String requiredText(JsonNode node, String field, List<Problem.FieldError> errors, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(new Problem.FieldError(path, value.isMissingNode() || value.isNull() ? "is required"
                    : "must be a non-blank string"));
            return null;
        }
        return clean(value.asText());
    }

    private static String optionalText(JsonNode node, String field, List<Problem.FieldError> errors) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            errors.add(new Problem.FieldError(field, "must be a string"));
            return null;
        }
        String text = clean(value.asText());
        return text.isBlank() ? null : text;
    }

    private static String text(JsonNode value, String fallback) {
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? clean(value.asText()) : fallback;
    }

    private static List<Link> links(JsonNode node, String field, List<Problem.FieldError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new Problem.FieldError(field, "must be an array of {\"href\", \"text\"}"));
            return List.of();
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String href = text(node.get(i).path("href"), null);
            if (href == null || !isWebUrl(href)) {
                errors.add(new Problem.FieldError(field + "[" + i + "].href", "must be an http(s) URL"));
                continue;
            }
            addLink(links, href, text(node.get(i).path("text"), null));
        }
        return links;
    }

    private static void addLink(List<Link> links, String href, String text) {
        if (href != null && isWebUrl(href) && links.size() < Alert.MAX_LINKS && href.length() <= 2000) {
            links.add(new Link(href, text == null ? null : cut(text, 200)));
        }
    }

    private static boolean isWebUrl(String href) {
        try {
            URI uri = URI.create(href);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> details(JsonNode node, String field, List<Problem.FieldError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            errors.add(new Problem.FieldError(field, "must be an object"));
            return Map.of();
        }
        Map<String, String> details = new LinkedHashMap<>();
        putAll(details, node);
        return bounded(details);
    }

    private static void putAll(Map<String, String> details, JsonNode object) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext() && details.size() < Alert.MAX_DETAILS) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String value = entry.getValue().isValueNode() ? entry.getValue().asText() : entry.getValue().toString();
            details.put(cut(clean(entry.getKey()), 100), cut(clean(value), Alert.MAX_DETAIL));
        }
    }

    private static Map<String, String> bounded(Map<String, String> details) {
        Map<String, String> kept = new LinkedHashMap<>();
        details.entrySet().stream().limit(Alert.MAX_DETAILS).forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }

    /** Control characters (line breaks included) read as spaces: an alert's text goes on one line. */
    static String clean(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    private static void fail(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
