package dev.commandcenter.playbook.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.contracts.PlaybookContent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A step's text, to add or edit it. */
public record StepRequest(
        @NotBlank @Size(max = 200) @NoControlCharacters String title,
        @Size(max = 4096) @NoControlCharacters String description,
        @Size(max = 500) @Pattern(regexp = PlaybookContent.SLASH_COMMAND, message = "must be a slash command such as /page oncall")
        @NoControlCharacters String slashCommand) {
}
