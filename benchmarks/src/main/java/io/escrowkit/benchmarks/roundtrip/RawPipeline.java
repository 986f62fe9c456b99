package io.escrowkit.benchmarks.roundtrip;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The least a client can do over one connection: write ready-made frames (2-byte length prefix
 * included) and hand each answer to the oldest request still waiting, since the simulator answers
 * the requests of a connection in the order it read them. No decoding, no matching by trace, no
 * MAC: the floor the SDK's round trip is compared with. Threadsafe.
 */
final class RawPipeline implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private final ArrayDeque<CompletableFuture<byte[]>> waiting = new ArrayDeque<>();
  private final Thread reader;

  RawPipeline(InetSocketAddress host) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(host);
    out = socket.getOutputStream();
    // Buffered, as the SDK's reader is: unbuffered, the 2-byte length alone took two reads.
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    reader = new Thread(this::read, "raw-pipeline-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Writes {@code frame}; completes with the answer's body. */
  CompletableFuture<byte[]> send(byte[] frame) {
    CompletableFuture<byte[]> answer = new CompletableFuture<>();
    synchronized (this) {
      waiting.add(answer);
      try {
        out.write(frame);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("raw write failed", e);
      }
    }
    return answer;
  }

  private void read() {
    try {
      while (true) {
        byte[] body = new byte[in.readUnsignedShort()];
        in.readFully(body);
        CompletableFuture<byte[]> oldest;
        synchronized (this) {
          oldest = waiting.poll();
        }
        if (oldest == null) {
          throw new IllegalStateException("an answer nobody waits for");
        }
        oldest.complete(body);
      }
    } catch (IOException | RuntimeException ended) {
      synchronized (this) {
        waiting.forEach(w -> w.completeExceptionally(ended));
        waiting.clear();
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
