package dev.commandcenter.incident.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.incident.service.NewIncident;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Start an incident from a playbook you are a member of. {@code name} is the channel name
 * (unique within the team); {@code postText} is the chat post it was started from, if any;
 * {@code severity} one of the playbook's severity levels, if given.
 */
public record StartIncidentRequest(
        @NotNull UUID playbookId,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String name,
        @Size(max = 16384) @NoControlCharacters String postText,
        @Size(max = 20) @NoControlCharacters String severity) {
    public NewIncident toNewIncident() {
        return new NewIncident(playbookId, name, postText, severity);
    }
}
