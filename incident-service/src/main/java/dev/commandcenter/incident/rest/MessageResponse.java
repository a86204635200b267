package dev.commandcenter.incident.rest;

import java.time.Instant;
import java.util.UUID;

public record MessageResponse(UUID id, long seq, String kind, String authorId, String text, Instant createdAt) {
}
