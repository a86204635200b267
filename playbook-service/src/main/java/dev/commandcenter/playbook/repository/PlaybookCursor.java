package dev.commandcenter.playbook.repository;

import dev.commandcenter.kit.problem.ProblemException;
import dev.commandcenter.playbook.model.Playbook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Where a page ended: the sort key and id of its last row, opaque to clients (base64url). The
 * next page starts strictly after it, so rows inserted meanwhile never shift or repeat rows.
 */
public record PlaybookCursor(PlaybookSort sort, String key, UUID id) {

    public static PlaybookCursor after(Playbook last, PlaybookSort sort) {
        String key = switch (sort) {
            case CREATED -> last.createdAt.toString();
            case UPDATED -> last.updatedAt.toString();
            case TITLE -> titleKey(last.title);
        };
        return new PlaybookCursor(sort, key, last.id);
    }

    public static String titleKey(String title) {
        return title.toLowerCase(Locale.ROOT);
    }

    public String encode() {
        String raw = sort.value() + "\n" + id + "\n" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses {@code after}; 400 naming the parameter if it is not a cursor of this sort order. */
    public static PlaybookCursor decode(String after, PlaybookSort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\n", 3);
            if (parts.length != 3 || !parts[0].equals(sort.value())) {
                throw new IllegalArgumentException("other sort order");
            }
            PlaybookCursor cursor = new PlaybookCursor(sort, parts[2], UUID.fromString(parts[1]));
            if (sort != PlaybookSort.TITLE) {
                cursor.instant();
            }
            return cursor;
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("after",
                    "is not a cursor from this list with sort=" + sort.value() + "; use the 'next' value of a page");
        }
    }

    public Instant instant() {
        return Instant.parse(key);
    }
}
