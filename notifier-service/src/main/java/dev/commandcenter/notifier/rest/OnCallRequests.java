package dev.commandcenter.notifier.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.commandcenter.contracts.NoControlCharacters;
import dev.commandcenter.notifier.oncall.RotationLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The bodies of the on-call API. The shape of one schedule or policy is bounded here (layers,
 * participants, restrictions, levels, text sizes); how many a team holds is bounded by OnCallLimits.
 */
public final class OnCallRequests {
    static final String USER = "[A-Za-z0-9._@-]{1,100}";
    static final String USER_MESSAGE = "must be a user name";
    /** Longest custom shift: 30 days. */
    static final int MAX_SHIFT_HOURS = 720;

    private OnCallRequests() {
    }

    /** A schedule as created, replaced and read back; the team cannot change. */
    public record Schedule(
            @NotBlank @Size(max = 100) @NoControlCharacters String teamId,
            @NotBlank @Size(max = 100) @NoControlCharacters String name,
            @Size(max = 1000) @NoControlCharacters String description,
            @NotBlank @Size(max = 64) @NoControlCharacters String timeZone,
            @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Layer> layers) {
    }

    /**
     * A rotation layer (times as HH:mm): participants in order take shifts of {@code rotation}
     * (CUSTOM: {@code shiftHours} hours, only then), the first starting on {@code startDate} at
     * {@code handoffTime} local time.
     */
    public record Layer(
            @NotBlank @Size(max = 100) @NoControlCharacters String name,
            @NotNull @Size(min = 1, max = 50)
            List<@NotNull @Pattern(regexp = USER, message = USER_MESSAGE) String> participants,
            @NotNull RotationLength rotation,
            @Min(1) @Max(MAX_SHIFT_HOURS) Integer shiftHours,
            @NotNull LocalDate startDate,
            @NotNull @JsonFormat(pattern = "HH:mm") LocalTime handoffTime,
            @Size(max = 14) List<@Valid @NotNull Restriction> restrictions) {
    }

    /** When the layer has someone: these days from {@code from} to {@code to} (overnight if {@code to} is earlier). */
    public record Restriction(
            @NotNull @Size(min = 1, max = 7) Set<@NotNull DayOfWeek> days,
            @NotNull @JsonFormat(pattern = "HH:mm") LocalTime from,
            @NotNull @JsonFormat(pattern = "HH:mm") LocalTime to) {
    }

    /** {@code userId} covers the schedule from {@code start} to {@code end}. */
    public record Override(
            @NotBlank @Pattern(regexp = USER, message = USER_MESSAGE) String userId,
            @NotNull Instant start,
            @NotNull Instant end) {
    }

    public record Policy(
            @NotBlank @Size(max = 100) @NoControlCharacters String teamId,
            @NotBlank @Size(max = 100) @NoControlCharacters String name,
            @Size(max = 1000) @NoControlCharacters String description,
            @NotNull @Min(0) @Max(9) Integer repeatCount,
            @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Level> levels) {
    }

    /** Pages a schedule's on-call person or a user (exactly one), then waits {@code timeoutMinutes}. */
    public record Level(
            UUID scheduleId,
            @Pattern(regexp = USER, message = USER_MESSAGE) String userId,
            @NotNull @Min(1) @Max(1440) Integer timeoutMinutes) {
    }
}
