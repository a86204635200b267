package dev.commandcenter.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Ports and readiness checks on the loopback interface. */
public final class Net {
    public static final String HOST = "127.0.0.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Net() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("No free port on this machine", e);
        }
    }

    /** {@code port} when nothing listens there, otherwise (or for 0) any free port. */
    public static int preferredPort(int port) {
        return port > 0 && !isListening(port) ? port : freePort();
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    public static int httpStatus(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Waits until {@code ready} holds, failing fast when the process dies and with its log when
     * time runs out. Prints a dot every few seconds so a person sees progress.
     */
    public static void awaitReady(ChildProcess process, Duration timeout, BooleanSupplier ready, Progress progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.nanoTime();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw process.failure("stopped while starting");
            }
            if (System.nanoTime() > deadline) {
                throw process.failure("was not ready after " + timeout.toSeconds() + " s");
            }
            progress.tick(process.name(), Duration.ofNanos(System.nanoTime() - started));
            sleep(250);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting", e);
        }
    }
}
