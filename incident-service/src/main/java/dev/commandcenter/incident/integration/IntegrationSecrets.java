package dev.commandcenter.incident.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Integration keys: 256 random bits, shown once, kept as a SHA-256 hash. A fast hash is the right
 * one here: the keys are random, not chosen by people, so there is nothing to guess a dictionary for,
 * and the hash is what a presented key is looked up by (a unique index), so every intake request
 * costs one digest rather than a deliberately slow key derivation.
 */
public final class IntegrationSecrets {
    /** Every generated key starts with it, so secret scanners and people recognise one. */
    public static final String PREFIX = "icc_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IntegrationSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The last four characters, to tell keys apart in lists. */
    public static String hint(String secret) {
        return secret.length() <= 4 ? "" : secret.substring(secret.length() - 4);
    }
}
