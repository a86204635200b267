package dev.commandcenter.kit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WhenExtensionTest {
    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(WhenExtension.duration(0)).isEqualTo("0 s");
        assertThat(WhenExtension.duration(45)).isEqualTo("45 s");
        assertThat(WhenExtension.duration(12 * 60 + 59)).isEqualTo("12 min");
        assertThat(WhenExtension.duration(3_600)).isEqualTo("1 h");
        assertThat(WhenExtension.duration(3_900)).isEqualTo("1 h 5 min");
        assertThat(WhenExtension.duration(2 * 86_400 + 3 * 3_600 + 59)).isEqualTo("2 d 3 h");
        assertThat(WhenExtension.duration(-5)).isEqualTo("0 s");
    }

    @Test
    void instantsReadAsDateAndMinuteInUtc() {
        assertThat(WhenExtension.human(Instant.parse("2026-11-29T14:05:59.123456Z"))).isEqualTo("2026-11-29 14:05 UTC");
        assertThat(WhenExtension.human(null)).isEmpty();
    }
}
