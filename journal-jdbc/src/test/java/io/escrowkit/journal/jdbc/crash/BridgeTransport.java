package io.escrowkit.journal.jdbc.crash;

import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.UnknownReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The crash child's transport: each request goes as one line over a pooled loopback connection to
 * the {@link HostBridge} in the test's JVM, and its outcome comes back as one line. A broken
 * connection is an unknown outcome, as a real transport reports it. Threadsafe.
 */
final class BridgeTransport implements Transport, AutoCloseable {
  private final int port;
  private final ExecutorService io =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "bridge-transport");
            thread.setDaemon(true);
            return thread;
          });
  private final Deque<Connection> idle = new ArrayDeque<>();

  private record Connection(Socket socket, BufferedReader in, OutputStream out) {}

  BridgeTransport(int port) {
    this.port = port;
  }

  @Override
  public String name() {
    return "crash-bridge";
  }

  @Override
  public CompletableFuture<TransportOutcome> send(TransportRequest request) {
    return CompletableFuture.supplyAsync(() -> exchange(request), io);
  }

  private TransportOutcome exchange(TransportRequest request) {
    Connection connection = null;
    try {
      connection = borrow();
      connection
          .out()
          .write((BridgeLines.request(request) + "\n").getBytes(StandardCharsets.UTF_8));
      connection.out().flush();
      String answer = connection.in().readLine();
      if (answer == null) {
        throw new IOException("host bridge closed the connection");
      }
      TransportOutcome outcome = BridgeLines.outcome(answer);
      giveBack(connection);
      return outcome;
    } catch (IOException e) {
      if (connection != null) {
        closeQuietly(connection);
      }
      return TransportOutcome.unknown(UnknownReason.CONNECTION_LOST, "bridge: " + e.getMessage());
    }
  }

  private Connection borrow() throws IOException {
    synchronized (idle) {
      Connection connection = idle.pollFirst();
      if (connection != null) {
        return connection;
      }
    }
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    return new Connection(
        socket,
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)),
        socket.getOutputStream());
  }

  private void giveBack(Connection connection) {
    synchronized (idle) {
      idle.addFirst(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.socket().close();
    } catch (IOException alreadyBroken) {
      alreadyBroken.printStackTrace();
    }
  }

  @Override
  public void close() {
    synchronized (idle) {
      idle.forEach(BridgeTransport::closeQuietly);
      idle.clear();
    }
    io.shutdownNow();
  }
}
