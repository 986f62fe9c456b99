package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small acquirer host for tests on real loopback TCP: accepts connections, reads framed messages,
 * records each, and hands it to a {@link Responder} that answers (or misbehaves) through the {@link
 * Peer} it came on. Not the simulator module: just enough host for channel tests. Threadsafe.
 */
public final class LoopbackHost implements AutoCloseable {

  /**
   * One message the host read, with the connection it came on and when it was read ({@link
   * System#nanoTime()}).
   */
  public record Received(DecodedMessage message, byte[] frame, Peer peer, long atNanos) {
    public String mti() {
      return message.mti();
    }

    public String field(int number) {
      return message.readString(number);
    }
  }

  /** What the host does with each message it reads; runs on the connection's thread. */
  @FunctionalInterface
  public interface Responder {
    void onMessage(Received message) throws IOException;
  }

  /** Approves every message at once, on the connection it came on. */
  public static Responder approvingAll() {
    return request -> request.peer().send(HostAnswers.approve(request.message()));
  }

  private final ServerSocket server;
  private final IsoCodec codec;
  private final Framing framing;
  private volatile Responder responder;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final List<Peer> peers = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean closed;

  private LoopbackHost(ServerSocket server, IsoSpec spec, Framing framing, Responder responder) {
    this.server = server;
    this.codec = IsoCodec.of(spec);
    this.framing = framing;
    this.responder = responder;
    Thread acceptor = new Thread(this::accept, "loopback-host-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A plain TCP host on a free loopback port. */
  public static LoopbackHost start(IsoSpec spec, Framing framing, Responder responder)
      throws IOException {
    return start(
        new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), spec, framing, responder);
  }

  /** A host on a given server socket (e.g. TLS). */
  public static LoopbackHost start(
      ServerSocket server, IsoSpec spec, Framing framing, Responder responder) {
    return new LoopbackHost(server, spec, framing, Objects.requireNonNull(responder, "responder"));
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Changes what the host does with the next messages. */
  public void respondWith(Responder next) {
    this.responder = Objects.requireNonNull(next, "next");
  }

  /** The next message the host read; fails the test if none comes within 10 s. */
  public Received next() throws InterruptedException {
    Received message = received.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("the host received no message within 10 s");
    }
    return message;
  }

  /** The next message within {@code millis}, or null. */
  public Received poll(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** How many connections the host accepted so far. */
  public int connectionsAccepted() {
    return accepted.get();
  }

  /** Closes every open client connection (the host keeps listening). */
  public void dropConnections() {
    for (Peer peer : peers) {
      peer.close();
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    dropConnections();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        Peer peer = new Peer(socket, accepted.incrementAndGet());
        peers.add(peer);
        Thread reader = new Thread(() -> peer.read(), "loopback-host-peer-" + peer.number);
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        if (!closed) {
          throw new IllegalStateException("loopback host stopped accepting", e);
        }
      }
    }
  }

  /** One client connection on the host side. */
  public final class Peer {
    private final Socket socket;
    private final int number;
    private final OutputStream out;

    Peer(Socket socket, int number) throws IOException {
      this.socket = socket;
      this.number = number;
      this.out = socket.getOutputStream();
    }

    /** 1 for the first connection accepted, 2 for the next... */
    public int number() {
      return number;
    }

    /** Sends a message with the host's framing. */
    public void send(IsoMessage message) throws IOException {
      sendRaw(codec.encode(message, framing.prefix()));
    }

    /** Sends bytes as they are: a partial frame, garbage, a prefix without a body. */
    public void sendRaw(byte[] bytes) throws IOException {
      synchronized (out) {
        out.write(bytes);
        out.flush();
      }
    }

    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    void read() {
      try {
        FrameReader reader = new FrameReader(socket.getInputStream(), framing);
        for (byte[] frame = reader.next(); frame != null; frame = reader.next()) {
          Received message = new Received(codec.decode(frame), frame, this, System.nanoTime());
          received.add(message);
          responder.onMessage(message);
        }
      } catch (IOException closedOrRefused) {
        // the test or the client closed the connection, or a TLS handshake failed: the client
        // side is what the tests check
      } finally {
        close();
      }
    }
  }
}
