package io.escrowkit.simulator.internal;

import io.escrowkit.iso8583.FrameDecoder;
import io.escrowkit.iso8583.IsoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: reads frames in a loop on its own thread, hands each body to the engine
 * and writes the answer now or, for delayed answers, from the scheduler. Writes are serialized, so
 * answers never interleave. A frame that stops halfway closes the connection after the frame
 * timeout; a connection idle between frames stays open. Threadsafe.
 */
final class HostConnection implements Runnable {

  private static final Logger log = LoggerFactory.getLogger("io.escrowkit.simulator");

  private final Socket socket;
  private final HostEngine engine;
  private final FrameDecoder decoder;
  private final long frameTimeoutNanos;
  private final ScheduledExecutorService scheduler;
  private final Consumer<HostConnection> onClose;
  private boolean closed;

  HostConnection(
      Socket socket,
      HostEngine engine,
      FrameDecoder decoder,
      Duration frameTimeout,
      ScheduledExecutorService scheduler,
      Consumer<HostConnection> onClose) {
    this.socket = socket;
    this.engine = engine;
    this.frameTimeoutNanos = frameTimeout.toNanos();
    this.decoder = decoder;
    this.scheduler = scheduler;
    this.onClose = onClose;
  }

  @Override
  public void run() {
    String peer = String.valueOf(socket.getRemoteSocketAddress());
    log.info("connection from {}", peer);
    try (InputStream in = socket.getInputStream()) {
      readFrames(in);
      log.info("connection from {} closed by the client", peer);
    } catch (SocketTimeoutException halfFrame) {
      // Only a frame begun and never finished times out (idle between frames is fine): the
      // client's fault, worth a warning.
      log.warn("connection from {} dropped: {}", peer, halfFrame.getMessage());
    } catch (IOException e) {
      log.info("connection from {} ended: {}", peer, e.toString());
    } catch (IsoException e) {
      log.warn("connection from {} dropped: the stream cannot be framed: {}", peer, e.getMessage());
    } catch (RuntimeException e) {
      log.error("connection from {} closed: the simulator failed to answer", peer, e);
    } finally {
      close();
    }
  }

  private void readFrames(InputStream in) throws IOException {
    socket.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(frameTimeoutNanos));
    byte[] buf = new byte[4096];
    int start = 0;
    int end = 0;
    long partSince = 0;
    while (true) {
      if (end == buf.length) {
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          start = 0;
        } else {
          buf = Arrays.copyOf(buf, 2 * buf.length);
        }
      }
      int n;
      try {
        n = in.read(buf, end, buf.length - end);
      } catch (SocketTimeoutException quiet) {
        n = 0; // idle between frames is fine; a frame begun is checked below
      }
      if (n < 0) {
        return;
      }
      if (start == end && n > 0) {
        partSince = System.nanoTime();
      }
      end += n;
      int length;
      boolean framed = false;
      while ((length = decoder.frameLength(buf, start, end - start)) > 0) {
        if (isClosed()) {
          return; // a reset fault ended the connection: what it still held is lost with it
        }
        byte[] body = Arrays.copyOfRange(buf, start + decoder.prefix().size(), start + length);
        start += length;
        framed = true;
        deliver(engine.handle(body));
      }
      if (start == end) {
        start = 0;
        end = 0;
      } else if (!framed && System.nanoTime() - partSince >= frameTimeoutNanos) {
        throw new SocketTimeoutException("a frame begun "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - partSince) + " ms ago has "
            + (end - start) + " of its bytes and no more came");
      } else if (framed) {
        partSince = System.nanoTime(); // the bytes left begin a frame after the ones just read
      }
    }
  }

  private void deliver(Delivery delivery) {
    if (delivery.frames().isEmpty()) {
      return;
    }
    if (delivery.delay().isZero()) {
      write(delivery);
      return;
    }
    try {
      scheduler.schedule(() -> write(delivery), delivery.delay().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      log.info("delayed answer not sent: the simulator is shutting down");
    }
  }

  private synchronized void write(Delivery delivery) {
    if (closed) {
      log.info("answer not sent: connection {} already closed", socket.getRemoteSocketAddress());
      return;
    }
    try {
      OutputStream out = socket.getOutputStream();
      if (delivery.resetMidFrame()) {
        byte[] frame = delivery.frames().get(0);
        out.write(frame, 0, frame.length / 2);
        out.flush();
        socket.setSoLinger(true, 0);
        close();
        return;
      }
      for (byte[] frame : delivery.frames()) {
        out.write(frame);
      }
      out.flush();
    } catch (IOException e) {
      log.info("answer not sent to {}: {}", socket.getRemoteSocketAddress(), e.toString());
      close();
    }
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing {}: {}", socket.getRemoteSocketAddress(), e.toString());
    }
    onClose.accept(this);
  }
}
