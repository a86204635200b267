package dev.commandcenter.incident.repository;

import dev.commandcenter.incident.model.Incident;
import dev.commandcenter.kit.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of incidents ended: the start time and id of its last row (opaque, base64url).
 * The next page starts strictly after it, so incidents started meanwhile never shift the pages.
 */
public record IncidentCursor(Instant createdAt, UUID id) {

    public static IncidentCursor after(Incident last) {
        return new IncidentCursor(last.createdAt, last.id);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static IncidentCursor decode(String after) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\n", 2);
            return new IncidentCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("after", "is not a cursor of this list; use the 'next' value of a page");
        }
    }
}
