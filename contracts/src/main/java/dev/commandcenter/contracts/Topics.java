package dev.commandcenter.contracts;

/** Kafka topic names. Dead-letter topics are named {@code <topic>.<consumer group>.dlq}. */
public final class Topics {
    /** Full playbook state keyed by playbook id; compacted so a consumer can rebuild its read model. */
    public static final String PLAYBOOKS = "playbook-state.v1";
    /** Incident lifecycle events keyed by incident id. */
    public static final String INCIDENTS = "incident-events.v1";

    private Topics() {
    }

    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
