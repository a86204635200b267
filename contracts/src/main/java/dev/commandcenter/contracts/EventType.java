package dev.commandcenter.contracts;

import java.util.Arrays;
import java.util.Optional;

/** Every event type, versioned in its name, with the topic it travels on. */
public enum EventType {
    PLAYBOOK_CREATED("playbook.created.v1", Topics.PLAYBOOKS),
    PLAYBOOK_UPDATED("playbook.updated.v1", Topics.PLAYBOOKS),
    PLAYBOOK_DELETED("playbook.deleted.v1", Topics.PLAYBOOKS),
    INCIDENT_STARTED("incident.started.v1", Topics.INCIDENTS),
    INCIDENT_ENDED("incident.ended.v1", Topics.INCIDENTS);

    private final String value;
    private final String topic;

    EventType(String value, String topic) {
        this.value = value;
        this.topic = topic;
    }

    public String value() {
        return value;
    }

    public String topic() {
        return topic;
    }

    public static Optional<EventType> fromValue(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
