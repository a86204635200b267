package dev.commandcenter.playbook.rest;

import dev.commandcenter.contracts.NoControlCharacters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Where to move a stage or step: its new zero-based position, and for a step optionally another
 * stage ({@code toStageId}); positions past the end mean "last".
 */
public record MoveRequest(@NotNull @Min(0) @Max(1000) Integer position,
        @Size(max = 40) @NoControlCharacters String toStageId) {
}
