package io.escrowkit.iso8583.channel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP (or TLS) connection to the host: whole frames are written by one thread at a time, so
 * concurrent requests never interleave their bytes; one reader thread reads frames. Threadsafe.
 *
 * <p>Writes are combined: a thread that finds another one writing leaves its frame in the outbox
 * and returns at once; the writing thread writes every frame waiting there, in order, in one call
 * before it stops. With many requests in flight this saves a system call per frame and keeps the
 * senders from queueing on a lock held across a system call. A frame left for another thread
 * whose write fails is lost with the connection like every frame in flight on it: the channel
 * ends the requests written on a connection when it ends (never as declined).
 *
 * <p>A socket write has no timeout of its own: it blocks for as long as the host does not read.
 * The connection therefore keeps the time the write in progress started ({@link
 * #writeStalledMillis}), so that a watchdog can drop a connection whose host stopped reading
 * ({@link IsoChannel}); closing it fails the blocked write.
 */
final class Connection {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);
  private static final AtomicLong IDS = new AtomicLong();
  private static final int READ_BUFFER = 8192;
  private static final int BATCH = 16384;
  private static final long NOT_WRITING = Long.MIN_VALUE;
  /**
   * The most one write call carries, so that the watchdog times progress (each 4 KB accepted by
   * the socket) rather than a whole batch, which a slow line takes long to drain.
   */
  private static final int WRITE_CHUNK = 4096;

  private final long id = IDS.incrementAndGet();
  private final Socket socket;
  /** The TCP socket under {@link #socket}: the same one, or the one a TLS socket is layered on. */
  private final Socket tcp;
  private final String address;
  private final OutputStream out;
  private final FrameReader reader;
  private final Queue<byte[]> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  /** The combined frames of one write; only the thread that set {@link #writing} touches it. */
  private final byte[] batch = new byte[BATCH];
  private volatile boolean closed;
  private volatile String closedBecause = "";
  /**
   * When the write call in progress started, by {@link System#nanoTime} (a stall is a duration,
   * immune to the wall clock being set); or {@link #NOT_WRITING}.
   */
  private volatile long writeStartedNanos = NOT_WRITING;
  /** Requests written here that reached their deadline with nothing read since (see Link). */
  private final AtomicInteger unansweredInARow = new AtomicInteger();
  /** Whether an answer to a request was delivered here, the connection ready (see Link). */
  private volatile boolean proven;
  private final AtomicBoolean tpduMismatchSeen = new AtomicBoolean();
  /** The session it carries once ready (see Link), 0 until then. */
  private volatile long session;

  /**
   * @param socket the socket to read and write, TLS or plain
   * @param tcp the TCP socket under it ({@code socket} itself for plain TCP)
   */
  Connection(Socket socket, Socket tcp, String address, Framing framing) throws IOException {
    this.socket = socket;
    this.tcp = tcp;
    this.address = address;
    this.out = socket.getOutputStream();
    // Buffered: one read from the socket takes every frame that has arrived, not two per frame.
    this.reader =
        new FrameReader(new BufferedInputStream(socket.getInputStream(), READ_BUFFER), framing);
  }

  /** It is ready (signed on, if the channel signs on) and carries session {@code number}. */
  void beginSession(long number) {
    session = number;
  }

  /** The session it carries; 0 while it is not ready (a sign-on or echo may still go out on it). */
  long sessionNumber() {
    return session;
  }

  /**
   * Writes one whole frame (length prefix included), or leaves it to the thread writing now.
   *
   * @throws IOException if this thread's write failed (frames it carried for others included) or
   *     the connection was closed here
   */
  void write(byte[] frame) throws IOException {
    if (closed) {
      throw new IOException("connection " + this + " is closed");
    }
    outbox.add(frame);
    while (!outbox.isEmpty() && writing.compareAndSet(false, true)) {
      try {
        writeWaitingFrames();
      } finally {
        writing.set(false);
      }
    }
  }

  /** Writes what the outbox holds, in order, in as few calls as fit the batch buffer. */
  private void writeWaitingFrames() throws IOException {
    try {
      byte[] first;
      while ((first = outbox.poll()) != null) {
        byte[] next = outbox.peek();
        if (next == null || first.length + next.length > batch.length) {
          timedWrite(first, first.length);
        } else {
          int length = 0;
          for (byte[] f = first; f != null; f = fitsAfter(length)) {
            System.arraycopy(f, 0, batch, length, f.length);
            length += f.length;
          }
          timedWrite(batch, length);
        }
      }
      out.flush();
    } finally {
      writeStartedNanos = NOT_WRITING;
    }
  }

  /** Writes {@code length} bytes, {@value #WRITE_CHUNK} at most per call, each start kept. */
  private void timedWrite(byte[] bytes, int length) throws IOException {
    for (int offset = 0; offset < length; offset += WRITE_CHUNK) {
      writeStartedNanos = System.nanoTime();
      out.write(bytes, offset, Math.min(WRITE_CHUNK, length - offset));
    }
  }

  /**
   * How long the write call in progress has lasted: 0 when none is. A long time means the host
   * stopped reading (its receive window stayed shut), or the line carries less than {@value
   * #WRITE_CHUNK} bytes in that time.
   */
  long writeStalledMillis() {
    long started = writeStartedNanos;
    return started == NOT_WRITING ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  /** The next waiting frame if it fits in the batch after {@code length} bytes, taken; or null. */
  private byte[] fitsAfter(int length) {
    byte[] next = outbox.peek();
    if (next == null || length + next.length > batch.length) {
      return null;
    }
    return outbox.poll(); // only this thread takes from the outbox
  }

  /** The next message body; null when the host closed the connection between messages. */
  byte[] read() throws IOException {
    return reader.next();
  }

  /**
   * Drops the connection: closes the socket, the reader thread then ends, and a write blocked on it
   * fails. Idempotent; the first {@code reason} is kept for {@link #closedBecause}. Over TLS the
   * TCP socket under the TLS one is closed first, without the closing alert (close_notify): a
   * write blocked there holds the TLS engine's lock, which {@code SSLSocket.close()} would wait
   * for, and the alert itself can block on a send buffer the host no longer empties; either would
   * hang the caller for as long as the host keeps the line up. The host sees the TCP close.
   */
  void close(String reason) {
    markClosed(reason);
    if (tcp != socket) {
      closeQuietly(tcp);
    }
    closeQuietly(socket);
  }

  private synchronized void markClosed(String reason) {
    if (!closed) {
      closedBecause = reason;
    }
    closed = true; // frames still in the outbox go with it (a writer may be taking them)
  }

  private void closeQuietly(Socket closing) {
    try {
      closing.close();
    } catch (IOException e) {
      log.debug("closing connection {} failed", this, e);
    }
  }

  /** True the first time only: an answer's TPDU was not the request's swapped. */
  boolean firstTpduMismatch() {
    return tpduMismatchSeen.compareAndSet(false, true);
  }

  /** An answer to a request was delivered here: the connection works end to end. */
  void markProven() {
    proven = true;
  }

  /** Whether {@link #markProven} was called. */
  boolean isProven() {
    return proven;
  }

  /** A message came in: the host is there. */
  void heardFromHost() {
    if (unansweredInARow.get() != 0) { // read first: most answers find it zero, and write nothing
      unansweredInARow.set(0);
    }
  }

  /** A request written here reached its deadline unanswered; how many have in a row now. */
  int unanswered() {
    return unansweredInARow.incrementAndGet();
  }

  /** Whether {@link #close} was called here (rather than the host closing). */
  boolean closedHere() {
    return closed;
  }

  /** Why it was closed here; empty if it was not. */
  String closedBecause() {
    return closedBecause;
  }

  @Override
  public String toString() {
    return "#" + id + " to " + address;
  }
}
