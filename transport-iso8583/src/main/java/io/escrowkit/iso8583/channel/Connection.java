package io.escrowkit.iso8583.channel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP (or TLS) connection to the host: whole frames are written under a lock, so concurrent
 * requests never interleave their bytes; one reader thread reads frames. Threadsafe.
 */
final class Connection {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);
  private static final AtomicLong IDS = new AtomicLong();
  private static final int READ_BUFFER = 8192;

  private final long id = IDS.incrementAndGet();
  private final Socket socket;
  private final String address;
  private final OutputStream out;
  private final FrameReader reader;
  private final Object writeLock = new Object();
  private volatile boolean closed;

  Connection(Socket socket, String address, Framing framing) throws IOException {
    this.socket = socket;
    this.address = address;
    this.out = socket.getOutputStream();
    // Buffered: one read from the socket takes every frame that has arrived, not two per frame.
    this.reader =
        new FrameReader(new BufferedInputStream(socket.getInputStream(), READ_BUFFER), framing);
  }

  /** Writes one whole frame (length prefix included). */
  void write(byte[] frame) throws IOException {
    synchronized (writeLock) {
      out.write(frame);
      out.flush();
    }
  }

  /** The next message body; null when the host closed the connection between messages. */
  byte[] read() throws IOException {
    return reader.next();
  }

  /** Closes the socket; the reader thread then ends. Idempotent. */
  void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing connection {} failed", this, e);
    }
  }

  /** Whether {@link #close()} was called here (rather than the host closing). */
  boolean closedHere() {
    return closed;
  }

  @Override
  public String toString() {
    return "#" + id + " to " + address;
  }
}
