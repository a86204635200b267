package dev.commandcenter.stack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain JDBC for tests that look at (or prepare) the rows a service stored. */
public final class Sql {
    private Sql() {
    }

    /** Runs a statement with positional parameters. */
    public static void execute(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row as a number, e.g. of {@code select count(*) ...}. */
    public static long number(DataSource database, String sql, Object... parameters) {
        Object value = value(database, sql, parameters);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The first column of the first row as text (null when there is no row or it is null). */
    public static String text(DataSource database, String sql, Object... parameters) {
        Object value = value(database, sql, parameters);
        return value == null ? null : value.toString();
    }

    private static Object value(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet result = query.executeQuery()) {
            return result.next() ? result.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
