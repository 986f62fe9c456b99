package io.escrowkit.simulator.internal;

import io.escrowkit.iso8583.FrameDecoder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket on the loopback interface: an accept thread and a thread per connection.
 * {@link #close()} stops accepting, closes every connection and waits for the accept thread.
 * Threadsafe.
 */
public final class SimulatorServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger("io.escrowkit.simulator");

  private final ServerSocket listener;
  private final HostEngine engine;
  private final FrameDecoder decoder;
  private final Duration frameTimeout;
  private final ScheduledExecutorService scheduler;
  private final Set<HostConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;

  /**
   * Binds to the loopback address and starts accepting.
   *
   * @param port the port, 0 for an ephemeral one
   * @param frameTimeout how long a frame may take once begun before its connection is closed
   * @param sockets makes the listening socket: {@link ServerSocketFactory#getDefault()} for plain
   *     TCP, an {@code SSLServerSocketFactory} for TLS (the handshake runs on the connection's
   *     thread, at its first read)
   * @throws IOException if the port cannot be bound
   */
  public SimulatorServer(
      int port,
      HostEngine engine,
      FrameDecoder decoder,
      Duration frameTimeout,
      ScheduledExecutorService scheduler,
      ServerSocketFactory sockets)
      throws IOException {
    this.engine = engine;
    this.decoder = decoder;
    this.frameTimeout = frameTimeout;
    this.scheduler = scheduler;
    this.listener = sockets.createServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    this.acceptor = new Thread(this::acceptLoop, "escrowkit-simulator-accept-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  /** The bound port. */
  public int port() {
    return listener.getLocalPort();
  }

  /** The connections open now. */
  public int openConnections() {
    return connections.size();
  }

  /** The connections accepted since start. */
  public int acceptedConnections() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        HostConnection connection =
            new HostConnection(
                socket, engine, decoder, frameTimeout, scheduler, connections::remove);
        connections.add(connection);
        Thread t = new Thread(connection, "escrowkit-simulator-conn-" + accepted.incrementAndGet());
        t.setDaemon(true);
        t.start();
      } catch (SocketException e) {
        if (!listener.isClosed()) {
          log.warn("accept failed: {}", e.toString());
        }
      } catch (IOException e) {
        log.warn("accept failed: {}", e.toString());
      }
    }
  }

  /**
   * Stops accepting and closes every connection. If interrupted while waiting for the accept
   * thread, returns early with the interrupt flag set.
   */
  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      log.debug("closing the listener: {}", e.toString());
    }
    for (HostConnection c : connections) {
      c.close();
    }
    try {
      acceptor.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
