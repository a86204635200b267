package dev.commandcenter.playbook.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.contracts.PlaybookContent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new playbook in one of your teams: a copy of a template (default {@code blank}, one empty
 * "Default Stage"), with any of title, description, visibility and stages given here replacing
 * the template's.
 */
public record CreatePlaybookRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9_-]*", message = "must be a team id such as payments")
        @NoControlCharacters String teamId,
        @Size(max = 100) @NoControlCharacters String templateId,
        @Size(max = 200) @NoControlCharacters String title,
        @Size(max = 4096) @NoControlCharacters String description,
        Boolean publicChannel,
        @Size(max = 50) List<PlaybookContent.@NotNull @Valid Stage> stages) {
}
