package dev.commandcenter.contracts;

/** A message that cannot be understood; consumers send it to their dead-letter topic. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
