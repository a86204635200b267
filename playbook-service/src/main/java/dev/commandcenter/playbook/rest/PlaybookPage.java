package dev.commandcenter.playbook.rest;

import java.util.List;

/** One page of the list; pass {@code next} as {@code after} for the following page (null at the end). */
public record PlaybookPage(List<PlaybookSummary> items, String next) {
}
