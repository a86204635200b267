package dev.commandcenter.incident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.IncidentRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retrospective generated from an incident's record, on a known scenario. */
class RetrospectiveDraftTest {
    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");

    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertThat(RetrospectiveDraft.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(RetrospectiveDraft.duration(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(RetrospectiveDraft.duration(Duration.ofMinutes(65))).isEqualTo("1 h 5 min");
        assertThat(RetrospectiveDraft.duration(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(RetrospectiveDraft.duration(Duration.ofHours(27))).isEqualTo("1 d 3 h");
        assertThat(RetrospectiveDraft.duration(Duration.ofSeconds(-5))).isEqualTo("0 s");
    }

    @Test
    void theDraftSumsUpTheRecord() {
        Checklist triage = new Checklist("s1", "Triage", List.of(
                new Checklist.Item("i1", "Page on-call", null, null, Checklist.State.DONE, null,
                        START.plusSeconds(300), "bob", null),
                new Checklist.Item("i2", "Open a bridge", null, null, Checklist.State.SKIPPED, null,
                        START.plusSeconds(120), "alice", null),
                new Checklist.Item("i3", "Still open", null, null, Checklist.State.OPEN, null, null, null, null)));
        String md = RetrospectiveDraft.markdown(new RetrospectiveDraft.Input("checkout-errors", "Payments outage",
                "alice", "SEV1", List.of(new IncidentRole("incident-commander", "Incident commander", null, true, false,
                        "alice"), new IncidentRole("scribe", "Scribe", null, false, false, null)),
                START, START.plusSeconds(20 * 60), START.plusSeconds(65 * 60), START.plusSeconds(90 * 60),
                List.of(new RetrospectiveDraft.StatusLine("INVESTIGATING", "Cards fail\nat checkout", "alice",
                        START.plusSeconds(60))),
                List.of(triage),
                List.of(new RetrospectiveDraft.FollowUpLine("Add a circuit breaker", "bob", false),
                        new RetrospectiveDraft.FollowUpLine("Fix the alert", null, true))));

        assertThat(md).startsWith("# Retrospective: checkout-errors\n")
                .contains("- **Playbook:** Payments outage\n", "- **Commander:** @alice\n", "- **Severity:** SEV1\n")
                .contains("- Incident commander: @alice\n", "- Scribe: open\n")
                .contains("- **Started:** 2026-03-02 14:00 UTC\n",
                        "- **Identified:** 2026-03-02 14:20 UTC (20 min after the start)\n",
                        "- **Resolved:** 2026-03-02 15:05 UTC (1 h 5 min after the start)\n",
                        "- **Ended:** 2026-03-02 15:30 UTC (1 h 30 min after the start)\n")
                .contains("- 2026-03-02 14:01 UTC **INVESTIGATING** by @alice: Cards fail\n  at checkout\n")
                .contains("- [ ] Add a circuit breaker (@bob)\n", "- [x] Fix the alert\n")
                .doesNotContain("Still open");
        // Resolutions in the order they happened: the skip at 14:02 before the check at 14:05.
        assertThat(md.indexOf("Skipped: Open a bridge (Triage) by @alice"))
                .isPositive().isLessThan(md.indexOf("Done: Page on-call (Triage) by @bob"));
    }

    @Test
    void missingPartsAreSaidPlainly() {
        String md = RetrospectiveDraft.markdown(new RetrospectiveDraft.Input("quiet", null, "alice", null, List.of(),
                START, null, null, null, List.of(), List.of(), List.of()));
        assertThat(md).contains("- **Playbook:** unknown", "- **Severity:** not set", "_No roles were staffed._",
                "- **Identified:** not recorded", "- **Ended:** not recorded", "_No status updates were posted._",
                "_No checklist items were checked or skipped._", "_No follow-up actions yet._");
    }
}
