package dev.commandcenter.incident.model;

/** Where an incident is in its post-incident learning flow. */
public enum LearningState {
    /** Not entered (yet): ongoing, or ended without entering. */
    NONE,
    /** Working through the learning statuses. */
    ACTIVE,
    /** Every status done: the incident is closed. */
    CLOSED,
    /** Someone opted out, with a reason. */
    OPTED_OUT
}
