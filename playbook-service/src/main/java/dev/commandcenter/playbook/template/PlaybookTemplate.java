package dev.commandcenter.playbook.template;

import dev.commandcenter.contracts.PlaybookContent;

/** A built-in starting point. Creating a playbook copies the content; later changes here do not reach it. */
public record PlaybookTemplate(String id, String name, String description, PlaybookContent content) {
}
