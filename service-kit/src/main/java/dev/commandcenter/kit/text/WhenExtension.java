package dev.commandcenter.kit.text;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as people read them, in templates: {@code {when:human(m.createdAt)}} is "2026-11-29 14:05 UTC"
 * and {@code {when:duration(i.durationSeconds)}} is "1 h 5 min". The pages' script then shows
 * {@code <time datetime>} elements in the reader's own time zone with "12 min ago"; machine
 * timestamps stay in the API and in the {@code datetime} attribute.
 */
public final class WhenExtension {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private WhenExtension() {
    }

    @TemplateExtension(namespace = "when")
    static String human(Instant at) {
        return at == null ? "" : HUMAN.format(at);
    }

    /** "45 s", "12 min", "1 h 5 min", "2 d 3 h": the two largest units that are not zero. */
    @TemplateExtension(namespace = "when")
    public static String duration(long seconds) {
        long s = Math.max(0, seconds);
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min";
        }
        return s + " s";
    }
}
