package dev.commandcenter.playbook.repository;

import java.util.Locale;

/** The list's sort orders; each has its own index and keyset condition (no OFFSET). */
public enum PlaybookSort {
    /** Newest first. */
    CREATED,
    /** Most recently changed first. */
    UPDATED,
    /** Title A-Z, case-insensitive. */
    TITLE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
