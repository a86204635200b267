package dev.commandcenter.bench;

import dev.commandcenter.stack.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's unpublished outbox rows ({@code published_at is null}), sampled every 250 ms on a
 * connection of its own while the benchmark runs.
 */
final class OutboxBacklog implements AutoCloseable {
    static final long INTERVAL_MS = 250;

    record Sample(long nanos, long rows) {
    }

    /** Samples of one time window: the largest, the last, and the least-squares trend in rows per second. */
    record Window(long max, long last, double slopePerSecond, int samples) {
        /**
         * Whether the backlog grows while starts arrive at {@code perSecond}: a trend of more than 5 % of
         * the arrival rate (a relay that polls shows a saw-tooth of up to one interval's rows, which is
         * not growth).
         */
        boolean grows(double perSecond) {
            return slopePerSecond > Math.max(2.0, 0.05 * perSecond);
        }
    }

    private final Connection connection;
    private final PreparedStatement count;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    OutboxBacklog(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
        count = connection.prepareStatement("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
        sampler = new Thread(this::sample, "outbox-backlog");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            try {
                long rows = now();
                synchronized (samples) {
                    samples.add(new Sample(System.nanoTime(), rows));
                }
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                if (running) {
                    System.out.println("[bench] backlog sample failed: " + e.getMessage());
                }
            }
        }
    }

    /** The backlog right now (its own query, not a sample). */
    synchronized long now() throws SQLException {
        try (ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    Window window(long fromNanos, long toNanos) {
        List<Sample> in = new ArrayList<>();
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() >= fromNanos && s.nanos() <= toNanos) {
                    in.add(s);
                }
            }
        }
        if (in.isEmpty()) {
            return new Window(0, 0, 0, 0);
        }
        long max = in.stream().mapToLong(Sample::rows).max().orElse(0);
        double meanT = in.stream().mapToDouble(s -> s.nanos() / 1e9).average().orElse(0);
        double meanY = in.stream().mapToDouble(Sample::rows).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Sample s : in) {
            double dt = s.nanos() / 1e9 - meanT;
            covariance += dt * (s.rows() - meanY);
            variance += dt * dt;
        }
        return new Window(max, in.get(in.size() - 1).rows(), variance == 0 ? 0 : covariance / variance, in.size());
    }

    /** Waits until no row is waiting, up to {@code timeoutSeconds}; returns the seconds it took, or -1. */
    double awaitEmpty(int timeoutSeconds) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        while (Results.seconds(started) < timeoutSeconds) {
            if (now() == 0) {
                return Results.seconds(started);
            }
            Thread.sleep(50);
        }
        return -1;
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(2_000);
        connection.close();
    }
}
