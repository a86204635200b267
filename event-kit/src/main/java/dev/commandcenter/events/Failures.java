package dev.commandcenter.events;

import dev.commandcenter.contracts.InvalidEventException;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells failures that may pass (retry) from failures that will not (park or dead-letter). Only
 * known transient kinds are retried: a bug is not healed by waiting.
 */
public final class Failures {
    /** SQLState classes of a database that is briefly away or busy: connection, resources, operator, rollback. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "53", "57", "40");
    /** Lock not available; "database is not currently accepting connections". */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "55000");

    private Failures() {
    }

    /** A send the broker will refuse however often it is tried: the row is parked. */
    public static boolean isPermanentSendFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof SerializationException || t instanceof InvalidTopicException) {
                return true;
            }
        }
        return false;
    }

    /** A failure of the database or the network that is expected to pass: the event is retried. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) {
                return false;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                return TRANSIENT_SQL_STATES.contains(state)
                        || TRANSIENT_SQL_CLASSES.contains(state.substring(0, Math.min(2, state.length())));
            }
            if (t instanceof IOException || t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException || t instanceof RetriableException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof io.vertx.core.http.ConnectionPoolTooBusyException
                    || isVertxConnectionFailure(t)) {
                return true;
            }
        }
        return false;
    }

    /** Vert.x reports a pool that cannot connect or a closed connection without a typed exception. */
    private static boolean isVertxConnectionFailure(Throwable t) {
        if (!(t instanceof io.vertx.core.VertxException) && !t.getClass().getName().startsWith("io.vertx.")) {
            return false;
        }
        String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("connection") || message.contains("timeout") || message.contains("timed out");
    }

    /** A short, single-line description for logs, headers and the parked row's reason. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().replaceAll("\\s+", " ");
        String text = root.getClass().getSimpleName() + message;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
