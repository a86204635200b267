package dev.commandcenter.notifier.delivery;

/** How one attempt ended: delivered, or not with the receiver's status and/or an error for the log. */
public record Outcome(boolean delivered, Integer statusCode, String error) {
    static final int MAX_ERROR = 500;

    public static Outcome delivered(Integer statusCode) {
        return new Outcome(true, statusCode, null);
    }

    public static Outcome failed(Integer statusCode, String error) {
        String bounded = error == null ? "failed" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        return new Outcome(false, statusCode, bounded);
    }
}
