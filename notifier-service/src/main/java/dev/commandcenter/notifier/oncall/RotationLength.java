package dev.commandcenter.notifier.oncall;

/** How long one person's shift in a rotation lasts, in the schedule's local time. */
public enum RotationLength {
    DAILY,
    WEEKLY,
    /** A number of hours of its own ({@link Layer#shiftHours()}). */
    CUSTOM
}
