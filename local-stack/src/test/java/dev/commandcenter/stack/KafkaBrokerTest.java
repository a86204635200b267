package dev.commandcenter.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void clusterIdsAreValidForTheStorageTool() {
        for (int i = 0; i < 2_000; i++) {
            assertThat(KafkaBroker.clusterId()).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
        }
    }
}
