package dev.commandcenter.incident.service;

import dev.commandcenter.incident.config.IncidentLimits;
import dev.commandcenter.incident.repository.ChannelUsageRepository;
import dev.commandcenter.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The bound on an incident's channel ({@code incident.limits.channel.*}): how many messages, and
 * how many bytes of them, members may post. Call it in the post's transaction before the message
 * is written: a refusal (409) rolls everything back.
 */
@ApplicationScoped
public class ChannelLimits {
    public static final String PROBLEM_TYPE = "channel-full";

    private final IncidentLimits.Channel limits;
    private final ChannelUsageRepository usage;

    public ChannelLimits(IncidentLimits limits, ChannelUsageRepository usage) {
        this.limits = limits.channel();
        this.usage = usage;
    }

    /** Counts the post, or refuses it when the channel would go beyond either bound. */
    Uni<Void> reserve(UUID incidentId, String text) {
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        return usage.reserve(incidentId, bytes, limits.maxMessages(), limits.maxBytes()).chain(reserved -> reserved
                ? Uni.createFrom().voidItem()
                : usage.usage(incidentId).map(current -> {
                    throw full(current, bytes);
                }));
    }

    private ProblemException full(ChannelUsageRepository.Usage current, long bytes) {
        String reason = current.messages() >= limits.maxMessages()
                ? "members have posted " + number(current.messages()) + " messages in this incident's channel, the "
                        + "most it holds (" + number(limits.maxMessages()) + ")"
                : "this message (" + number(bytes) + " bytes) would take the channel's posts to "
                        + number(current.bytes() + bytes) + " bytes; it holds at most " + number(limits.maxBytes());
        return new ProblemException(409, PROBLEM_TYPE, "Channel full", "Not posted: " + reason + ". Share long "
                + "content as a link, or continue in a follow-up incident.", List.of());
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
