package dev.commandcenter.notifier.channel;

import dev.commandcenter.kit.security.Sealer;
import dev.commandcenter.notifier.config.ChannelsConfig;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Seals webhook signing secrets under {@code notifier.webhooks.sealing-key}: signing needs the secret
 * itself, so it is kept readable to the service but not to whoever reads a database copy.
 */
@Singleton
public class SecretSealer extends Sealer {
    private static final SecureRandom RANDOM = new SecureRandom();

    public SecretSealer(ChannelsConfig config) {
        super(config.webhooks().sealingKey(), "notifier.webhooks.sealing-key");
    }

    /** A new signing secret: 32 random bytes in hex, prefixed so that people recognise it. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
