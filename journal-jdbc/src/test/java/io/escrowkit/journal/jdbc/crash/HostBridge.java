package io.escrowkit.journal.jdbc.crash;

import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The acquirer host of the crash test, in the test's own JVM: a transport (whose ledger is the
 * truth) served on a loopback port, one request a line and one outcome a line. A request the child
 * dies while sending (no complete line) never reaches the host. Threadsafe.
 */
final class HostBridge implements AutoCloseable {
  private final Transport host;
  private final ServerSocket server;
  private final ExecutorService connections =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "host-bridge");
            thread.setDaemon(true);
            return thread;
          });
  private final Set<String> escrowsSeen = new HashSet<>();
  private final Set<Socket> open = new HashSet<>();
  private final List<Throwable> failures = new ArrayList<>();
  private int connectionsCut;

  HostBridge(Transport host) throws IOException {
    this.host = host;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    connections.execute(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Every escrow a request reached the host for. */
  synchronized Set<String> escrowsSeen() {
    return Set.copyOf(escrowsSeen);
  }

  /** What went wrong on the host's side (nothing, in a passing run). */
  synchronized List<Throwable> failures() {
    return List.copyOf(failures);
  }

  /** Connections that ended without the child closing them: the kills that hit mid-request. */
  synchronized int connectionsCut() {
    return connectionsCut;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        synchronized (this) {
          open.add(socket);
        }
        connections.execute(() -> serve(socket));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        synchronized (this) {
          failures.add(e);
        }
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        Reader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
      for (String line = completeLine(in); line != null; line = completeLine(in)) {
        TransportRequest request = BridgeLines.request(line);
        synchronized (this) {
          escrowsSeen.add(request.escrowId());
        }
        String answer = BridgeLines.outcome(host.send(request).get(10, TimeUnit.SECONDS));
        out.write(answer + "\n");
        out.flush();
      }
    } catch (IOException childGone) {
      synchronized (this) {
        connectionsCut++;
      }
    } catch (Exception e) {
      synchronized (this) {
        failures.add(e);
      }
    } finally {
      synchronized (this) {
        open.remove(socket);
      }
    }
  }

  /** The next line ended by a newline; null at the end, and for a line the child never ended. */
  private static String completeLine(Reader in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (c == '\n') {
        return line.toString();
      }
      line.append((char) c);
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (this) {
      for (Socket socket : open) {
        socket.close();
      }
    }
    connections.shutdownNow();
  }
}
