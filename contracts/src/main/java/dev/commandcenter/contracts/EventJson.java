package dev.commandcenter.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;

/** The JSON form of events: ISO-8601 times, unknown fields tolerated so producers can add fields. */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses an envelope; throws {@link InvalidEventException} for anything that is not one. */
    public static EventEnvelope read(String json) {
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("Not a CloudEvents 1.0 envelope: " + e.getMessage(), e);
        }
    }

    /** Any contract value (records, lists) as JSON. */
    public static String writeValue(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The number of bytes of {@code value}'s JSON in UTF-8, exactly as an event carries it: the
     * text {@link #write} makes, encoded as the outbox and the producer encode it; counted without
     * building the text.
     */
    public static long sizeOf(Object value) {
        Utf8Counter counter = new Utf8Counter();
        try {
            MAPPER.writeValue(counter, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.bytes();
    }

    public static <T> T readValue(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("Not valid JSON for " + type.getType(), e);
        }
    }

    public static JsonNode toTree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    public static <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("Event " + envelope.id() + " has no valid " + type.getSimpleName(), e);
        }
    }

    /** Counts what {@code String.getBytes(UTF_8)} would give for the characters written. */
    private static final class Utf8Counter extends Writer {
        private long bytes;
        private boolean pendingHighSurrogate;

        @Override
        public void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                add(chars[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                add(text.charAt(i));
            }
        }

        @Override
        public void write(int c) {
            add((char) c);
        }

        private void add(char c) {
            if (pendingHighSurrogate) {
                pendingHighSurrogate = false;
                if (Character.isLowSurrogate(c)) {
                    bytes += 3; // 4 for the pair, 1 counted with the high surrogate
                    return;
                }
            }
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 1; // a lone surrogate is encoded as '?'
                pendingHighSurrogate = true;
            } else if (Character.isLowSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }

        long bytes() {
            return bytes;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
