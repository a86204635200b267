package dev.commandcenter.playbook.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new playbook: without stages it gets one empty "Default Stage". */
public record CreatePlaybookRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9_-]*", message = "must be a team id such as payments")
        String teamId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4096) String description,
        Boolean publicChannel,
        @Size(max = 50) List<@NotNull @Valid Stage> stages) {

    public record Stage(@NotBlank @Size(max = 200) String title, @Size(max = 200) List<@NotNull @Valid Step> steps) {
    }

    public record Step(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4096) String description,
            @Size(max = 500) @Pattern(regexp = "/[a-z0-9][a-z0-9_-]*( [^\\n]*)?",
                    message = "must be a slash command such as /page oncall") String slashCommand) {
    }
}
