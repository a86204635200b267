package dev.commandcenter.stack;

/** A piece of the stack failed to start or stop; the message says what and where its log is. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
