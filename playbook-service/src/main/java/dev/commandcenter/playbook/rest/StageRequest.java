package dev.commandcenter.playbook.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A stage's title, to add or rename it. */
public record StageRequest(@NotBlank @Size(max = 200) @NoControlCharacters String title) {
}
