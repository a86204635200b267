package dev.commandcenter.incident.integration;

import dev.commandcenter.kit.security.Sealer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals Slack signing secrets (checking a signature needs the secret itself) under
 * {@code incident.integrations.sealing-key}; production sets its own key from a Secret.
 */
@Singleton
public class SecretSealer extends Sealer {
    public SecretSealer(@ConfigProperty(name = "incident.integrations.sealing-key") String base64Key) {
        super(base64Key, "incident.integrations.sealing-key");
    }
}
