package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Connection#write} from many threads at once over a real loopback socket: frames that one
 * thread writes for others arrive whole, none lost or doubled, each sender's in the order it sent
 * them, also when a frame is larger than the combining buffer.
 */
class CombinedWritesTest {
  private static final int SENDERS = 8;
  private static final int FRAMES_EACH = 2_000;

  @Test
  void concurrentFramesArriveWholeOnceEachAndInEachSendersOrder() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
        Socket peer = server.accept()) {
      Connection connection = new Connection(client, client, "loopback", Framing.binaryLength());
      ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> sent = new ArrayList<>();
      for (int sender = 0; sender < SENDERS; sender++) {
        int id = sender;
        sent.add(senders.submit(() -> {
          start.await();
          for (int n = 0; n < FRAMES_EACH; n++) {
            connection.write(frame(id, n));
          }
          return null;
        }));
      }
      start.countDown();
      Map<Integer, Integer> nextBySender = new HashMap<>();
      peer.setSoTimeout(30_000); // a frame left in the outbox fails the test instead of hanging it
      DataInputStream in = new DataInputStream(peer.getInputStream());
      for (int received = 0; received < SENDERS * FRAMES_EACH; received++) {
        byte[] body = new byte[in.readUnsignedShort()];
        in.readFully(body);
        ByteBuffer fields = ByteBuffer.wrap(body);
        int sender = fields.getInt();
        int n = fields.getInt();
        assertThat(body.length).isEqualTo(bodyLength(n));
        for (int i = 8; i < body.length; i++) {
          assertThat(body[i]).as("byte %d of frame %d/%d", i, sender, n).isEqualTo((byte) n);
        }
        assertThat(n).as("sender %d's next frame", sender)
            .isEqualTo(nextBySender.getOrDefault(sender, 0));
        nextBySender.put(sender, n + 1);
      }
      for (Future<?> done : sent) {
        done.get(30, TimeUnit.SECONDS);
      }
      senders.shutdown();
      assertThat(nextBySender)
          .hasSize(SENDERS)
          .allSatisfy((sender, n) -> assertThat(n).isEqualTo(FRAMES_EACH));
    }
  }

  @Test
  void writingOnAConnectionClosedHereFails() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
        Socket peer = server.accept()) {
      Connection connection = new Connection(client, client, "loopback", Framing.binaryLength());
      connection.close("the test closed it");

      assertThatThrownBy(() -> connection.write(frame(0, 0)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("is closed");
      assertThat(connection.closedBecause()).isEqualTo("the test closed it");
      assertThat(peer.getInputStream().read()).isEqualTo(-1);
    }
  }

  /** Every 97th frame is larger than the combining buffer; the rest are small. */
  private static int bodyLength(int n) {
    return n % 97 == 0 ? 20_000 : 8 + n % 200;
  }

  private static byte[] frame(int sender, int n) {
    int length = bodyLength(n);
    ByteBuffer frame = ByteBuffer.allocate(2 + length);
    frame.putShort((short) length).putInt(sender).putInt(n);
    while (frame.hasRemaining()) {
      frame.put((byte) n);
    }
    return frame.array();
  }
}
