package dev.commandcenter.incident.integration;

import java.util.List;
import java.util.Map;

/**
 * One alert as every intake format is read into: what happened to it (fired, acknowledged,
 * resolved), the key that identifies it across repeats, what it says, and where to look. Texts are
 * already bounded and free of control characters (the formats' parsers see to it).
 */
public record Alert(Action action, String dedupKey, String summary, String severity, String source,
        List<Link> links, Map<String, String> details) {

    /** The most a dedup key, summary, source, severity, link and detail may hold. */
    public static final int MAX_KEY = 255;
    public static final int MAX_SUMMARY = 1024;
    public static final int MAX_SOURCE = 255;
    public static final int MAX_SEVERITY = 32;
    public static final int MAX_LINKS = 10;
    public static final int MAX_DETAILS = 30;
    public static final int MAX_DETAIL = 1024;

    public enum Action {
        TRIGGER, ACKNOWLEDGE, RESOLVE
    }

    public record Link(String href, String text) {
    }

    public Alert {
        links = links == null ? List.of() : List.copyOf(links);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
