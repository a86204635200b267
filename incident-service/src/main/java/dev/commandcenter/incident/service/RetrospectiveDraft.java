package dev.commandcenter.incident.service;

import dev.commandcenter.incident.model.Checklist;
import dev.commandcenter.incident.model.IncidentRole;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The retrospective generated from the incident's record, as Markdown: summary, roles and their
 * holders, durations (started, identified, resolved, ended), the status updates, the timeline of
 * checklist resolutions and the follow-up actions. Pure: the same record gives the same text.
 */
public final class RetrospectiveDraft {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What the draft is made of. */
    public record Input(String name, String playbook, String commanderId, String severity, List<IncidentRole> roles,
            Instant startedAt, Instant identifiedAt, Instant resolvedAt, Instant endedAt,
            List<StatusLine> statusUpdates, List<Checklist> checklists, List<FollowUpLine> followUps) {
    }

    /** A status update posted during the incident. */
    public record StatusLine(String phase, String text, String authorId, Instant at) {
    }

    public record FollowUpLine(String title, String assigneeId, boolean done) {
    }

    private RetrospectiveDraft() {
    }

    public static String markdown(Input in) {
        StringBuilder md = new StringBuilder();
        md.append("# Retrospective: ").append(in.name()).append("\n\n");

        md.append("## Summary\n\n");
        md.append("- **Incident:** ").append(in.name()).append('\n');
        md.append("- **Playbook:** ").append(in.playbook() == null ? "unknown" : in.playbook()).append('\n');
        md.append("- **Commander:** @").append(in.commanderId()).append('\n');
        md.append("- **Severity:** ").append(in.severity() == null ? "not set" : in.severity()).append("\n\n");

        md.append("## Roles\n\n");
        if (in.roles().isEmpty()) {
            md.append("_No roles were staffed._\n");
        }
        for (IncidentRole role : in.roles()) {
            md.append("- ").append(role.name()).append(": ")
                    .append(role.holderId() == null ? "open" : "@" + role.holderId()).append('\n');
        }
        md.append('\n');

        md.append("## Durations\n\n");
        md.append("- **Started:** ").append(time(in.startedAt())).append('\n');
        md.append("- **Identified:** ").append(moment(in.startedAt(), in.identifiedAt())).append('\n');
        md.append("- **Resolved:** ").append(moment(in.startedAt(), in.resolvedAt())).append('\n');
        md.append("- **Ended:** ").append(moment(in.startedAt(), in.endedAt())).append("\n\n");

        md.append("## Status updates\n\n");
        if (in.statusUpdates().isEmpty()) {
            md.append("_No status updates were posted._\n");
        }
        for (StatusLine update : in.statusUpdates()) {
            md.append("- ").append(time(update.at())).append(" **").append(update.phase()).append("** by @")
                    .append(update.authorId()).append(": ").append(oneItem(update.text())).append('\n');
        }
        md.append('\n');

        md.append("## Checklist\n\n");
        List<Resolution> resolutions = in.checklists().stream().flatMap(stage -> stage.items().stream()
                .filter(item -> item.state() != Checklist.State.OPEN)
                .map(item -> new Resolution(stage.title(), item))).sorted(Comparator.comparing(
                        (Resolution r) -> r.item().stateChangedAt(), Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (resolutions.isEmpty()) {
            md.append("_No checklist items were checked or skipped._\n");
        }
        for (Resolution r : resolutions) {
            md.append("- ").append(r.item().stateChangedAt() == null ? "" : time(r.item().stateChangedAt()) + " ")
                    .append(r.item().state() == Checklist.State.DONE ? "Done" : "Skipped").append(": ")
                    .append(r.item().title()).append(" (").append(r.stage()).append(')')
                    .append(r.item().stateChangedBy() == null ? "" : " by @" + r.item().stateChangedBy()).append('\n');
        }
        md.append('\n');

        md.append("## Follow-up actions\n\n");
        if (in.followUps().isEmpty()) {
            md.append("_No follow-up actions yet._\n");
        }
        for (FollowUpLine f : in.followUps()) {
            md.append("- [").append(f.done() ? 'x' : ' ').append("] ").append(f.title())
                    .append(f.assigneeId() == null ? "" : " (@" + f.assigneeId() + ")").append('\n');
        }
        return md.toString();
    }

    private record Resolution(String stage, Checklist.Item item) {
    }

    /** A point in time, with how long after the start it came; "not recorded" when absent. */
    private static String moment(Instant start, Instant at) {
        return at == null ? "not recorded" : time(at) + " (" + duration(Duration.between(start, at)) + " after the start)";
    }

    public static String time(Instant at) {
        return TIME.format(at);
    }

    /** "45 s", "5 min", "1 h 5 min", "2 d 3 h". */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        return minutes > 0 ? minutes + " min" : seconds + " s";
    }

    /** Text that continues a list item: its further lines indented under it. */
    private static String oneItem(String text) {
        return text.strip().replace("\r\n", "\n").replace("\n", "\n  ");
    }
}
