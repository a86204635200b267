package dev.commandcenter.contracts;

/**
 * Size limits that keep every event deliverable. They are set together: an aggregate whose state
 * an event carries is refused above {@link #MAX_AGGREGATE_BYTES} before anything is stored, so its
 * event (state plus envelope) stays well below {@link #MAX_EVENT_BYTES}, which is both the
 * producer's {@code max.request.size} and the topics' {@code max.message.bytes}.
 */
public final class EventLimits {
    /** The largest serialized event the producer sends and the topics accept (1 MiB). */
    public static final int MAX_EVENT_BYTES = 1_048_576;
    /** The largest serialized state of one aggregate (a playbook's state as its events carry it). */
    public static final int MAX_AGGREGATE_BYTES = 512 * 1024;

    private EventLimits() {
    }
}
