package dev.commandcenter.playbook.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.commandcenter.contracts.EventJson;
import dev.commandcenter.contracts.EventLimits;
import dev.commandcenter.contracts.PlaybookContent;
import dev.commandcenter.contracts.PlaybookState;
import dev.commandcenter.kit.problem.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybookSizeLimitTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00.123456Z");

    /** A playbook whose state is {@code steps} steps of 4,000-character descriptions. */
    private static PlaybookState withSteps(int steps) {
        List<PlaybookContent.Step> list = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            list.add(new PlaybookContent.Step("t-" + i, "Step " + i, "d".repeat(4000), null));
        }
        return new PlaybookState("pb-1", "payments", PlaybookContent.of("Big", "", true,
                List.of(new PlaybookContent.Stage("s-1", "Stage", list))), List.of("alice"), false, 3, "alice", AT,
                "alice", AT);
    }

    @Test
    void aPlaybookWithinTheLimitPasses() {
        PlaybookState state = withSteps(100);
        assertThat(PlaybookSizeLimit.requireWithinLimit(state, null)).isEqualTo(EventJson.sizeOf(state))
                .isLessThan(EventLimits.MAX_AGGREGATE_BYTES);
    }

    @Test
    void aChangeBeyondTheLimitIsRefusedWithSizesAndWhatToDo() {
        PlaybookState before = withSteps(128);
        PlaybookState after = withSteps(140);

        assertThatThrownBy(() -> PlaybookSizeLimit.requireWithinLimit(after, before))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.toProblem(null).type()).endsWith("/playbook-too-large");
                    assertThat(e.getMessage()).contains(String.format("%,d bytes", EventJson.sizeOf(after)))
                            .contains(String.format("(now %,d bytes)", EventJson.sizeOf(before)))
                            .contains("at most 524,288 bytes").contains("Nothing was saved")
                            .contains("split the process into several playbooks");
                });
        assertThatThrownBy(() -> PlaybookSizeLimit.requireWithinLimit(after, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).doesNotContain("now"));
    }

    @Test
    void aPlaybookOverTheLimitFromBeforeTheLimitMayShrinkButNotGrow() {
        PlaybookState oversized = withSteps(140);
        PlaybookState smaller = withSteps(135);

        assertThat(PlaybookSizeLimit.requireWithinLimit(smaller, oversized)).isGreaterThan(
                EventLimits.MAX_AGGREGATE_BYTES);
        assertThatThrownBy(() -> PlaybookSizeLimit.requireWithinLimit(withSteps(141), oversized))
                .isInstanceOf(ProblemException.class);
    }
}
