package dev.commandcenter.incident.service;

/** Small text rules the use cases share. */
final class Texts {
    private Texts() {
    }

    /** Null for absent or blank text, else the text without surrounding white space. */
    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
