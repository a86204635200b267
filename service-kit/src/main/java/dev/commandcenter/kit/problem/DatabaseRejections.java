package dev.commandcenter.kit.problem;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Database errors a request can cause (a duplicate of a unique value, a value too long for its
 * column, two requests racing for the same name) as the client's problem, 409 or 400, instead of a
 * 500. PostgreSQL names the error class in its SQLState; the state arrives wrapped, either in a
 * {@link SQLException} (Hibernate Reactive converts the driver's error into one) or in the Vert.x
 * client's {@code DatabaseException} ({@code getSqlState()}, read reflectively: service-kit does not
 * depend on the SQL client). The detail never repeats the database's message: it would show SQL,
 * table and constraint names to the caller.
 */
public final class DatabaseRejections {
    /** How deep to follow causes: wrappers around the driver's error are a handful deep. */
    private static final int MAX_DEPTH = 16;

    private DatabaseRejections() {
    }

    /** One client-caused rejection: the SQLState it stands for and how the client sees it. */
    public record Rejection(String sqlState, int status, String type, String title, String detail) {
        Problem toProblem(String instance) {
            return new Problem(Problem.TYPE_PREFIX + type, title, status, detail, instance, List.of());
        }
    }

    /** The rejection for {@code failure} if a database error a client can cause is among its causes. */
    public static Optional<Rejection> of(Throwable failure) {
        return sqlState(failure).flatMap(DatabaseRejections::forState);
    }

    static Optional<Rejection> forState(String state) {
        String detail = switch (state) {
            case "23505" -> "This conflicts with what already exists: a value that must be unique (such as a name) "
                    + "is already taken, possibly by a request made at the same moment. Choose another value, or "
                    + "look up the existing one";
            case "23503" -> "This refers to something that does not exist (any more), or removes something that is "
                    + "still in use. Reload and try again";
            case "23P01" -> "This overlaps with something that already exists. Reload and try again";
            case "40001", "40P01" -> "Another change of the same data happened at the same moment. Try again";
            case "22001" -> "A value is longer than allowed. Shorten it and try again";
            case "22003" -> "A number is outside the allowed range";
            case "22007", "22008" -> "A date or time is invalid or outside the allowed range";
            case "22P02" -> "A value does not have the expected format";
            case "22021" -> "A text contains bytes that are not valid UTF-8";
            case "22P05" -> "A text contains a character that cannot be stored (such as a NUL character)";
            case "23502" -> "A required value is missing";
            case "23514" -> "A value is outside what is allowed";
            default -> null;
        };
        if (detail == null) {
            return Optional.empty();
        }
        boolean conflict = state.startsWith("40") || state.equals("23505") || state.equals("23503")
                || state.equals("23P01");
        return Optional.of(conflict
                ? new Rejection(state, 409, "conflict", "Conflict", detail)
                : new Rejection(state, 400, "validation", "Invalid request", detail));
    }

    /**
     * Whether the unique constraint or index {@code constraint} refused the change: a unique violation
     * (23505) among the causes of {@code failure} whose message names it, as PostgreSQL does
     * ({@code ... violates unique constraint "name"}). For answers that say which value was taken.
     */
    public static boolean violatesUnique(Throwable failure, String constraint) {
        String named = "\"" + constraint + "\"";
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= MAX_DEPTH; t = t.getCause()) {
            String state = t instanceof SQLException sql ? sql.getSQLState() : vertxSqlState(t);
            if ("23505".equals(state) && t.getMessage() != null && t.getMessage().contains(named)) {
                return true;
            }
        }
        return false;
    }

    /** The first SQLState among the causes of {@code failure}. */
    static Optional<String> sqlState(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= MAX_DEPTH; t = t.getCause()) {
            String state = t instanceof SQLException sql ? sql.getSQLState() : vertxSqlState(t);
            if (state != null && !state.isBlank()) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** {@code io.vertx.sqlclient.DatabaseException#getSqlState()} (e.g. {@code PgException}), else null. */
    private static String vertxSqlState(Throwable t) {
        for (Class<?> type = t.getClass(); type != null && type != Throwable.class; type = type.getSuperclass()) {
            if (type.getName().equals("io.vertx.sqlclient.DatabaseException")) {
                try {
                    Method getter = type.getMethod("getSqlState");
                    return (String) getter.invoke(t);
                } catch (ReflectiveOperationException | ClassCastException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
