package dev.commandcenter.telemetry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The server metadata must fit the columns of telemetry_event, or no event could be recorded. */
class TelemetryConfigTest {
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    static TelemetryConfig load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(TelemetryConfig.class)
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
        return config.getConfigMapping(TelemetryConfig.class);
    }

    @Test
    void valuesThatFitTheirColumnsAreAccepted() {
        TelemetryConfig config = load(Map.of("telemetry.diagnostic-id", "d".repeat(100),
                "telemetry.server-version", "s".repeat(50), "telemetry.plugin-version", "0.1.0-SNAPSHOT"));

        assertThat(config.diagnosticId()).contains("d".repeat(100));
        assertThat(config.serverVersion()).isEqualTo("s".repeat(50));
    }

    @Test
    void valuesLongerThanTheirColumnsStopTheStart() {
        assertThatThrownBy(() -> load(Map.of("telemetry.diagnostic-id", "d".repeat(101),
                "telemetry.server-version", "1.0", "telemetry.plugin-version", "1.0")))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("telemetry.diagnostic-id");
        assertThatThrownBy(() -> load(Map.of("telemetry.server-version", "s".repeat(51),
                "telemetry.plugin-version", "1.0")))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("telemetry.server-version");
        assertThatThrownBy(() -> load(Map.of("telemetry.server-version", "1.0",
                "telemetry.plugin-version", "p".repeat(51))))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("telemetry.plugin-version");
    }
}
