package io.escrowkit.iso8583.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.iso8583.IsoTransport;
import io.escrowkit.iso8583.channel.Framing;
import io.escrowkit.iso8583.mapping.Dialect;
import io.escrowkit.memory.InMemoryJournal;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOServer;
import org.jpos.iso.ISOSource;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;
import org.jpos.util.ThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client and this transport against a host that is not ours: a jPOS 2.1.9 {@code ISOServer}
 * with its stock 1987 packagers and channels (PostChannel: 2-byte binary length; ASCIIChannel:
 * 4-digit ASCII length), answering as the simplest acquirers do: the request echoed back with the
 * response MTI, an authorization code and retrieval reference on a pre-authorization, and 39 = 00.
 * The echo carries back every field the request had (card number, track data, PIN block), which
 * the transport must take as a plain answer.
 */
class JposHostTest {
  private static final String MERCHANT = "898310048990001";
  private static final String TERMINAL = "10000001";

  private final BlockingQueue<ISOMsg> received = new LinkedBlockingQueue<>();
  private final InMemoryJournal journal = new InMemoryJournal();
  private final CountDownLatch reversed = new CountDownLatch(1);
  private ISOServer server;
  private Thread serverThread;
  private IsoTransport transport;
  private EscrowClient client;

  /** Starts the jPOS host; {@code unanswered} requests get no answer, as from a host that hung. */
  private int startHost(BaseChannel channel, Predicate<ISOMsg> unanswered) throws IOException {
    int port = freePort();
    server = new ISOServer(port, (org.jpos.iso.ServerChannel) channel, new ThreadPool(1, 8));
    server.addISORequestListener((ISOSource source, ISOMsg request) -> {
      received.add((ISOMsg) request.clone());
      if (!unanswered.test(request)) {
        answer(source, request);
      }
      return true;
    });
    serverThread = new Thread(server, "jpos-host");
    serverThread.setDaemon(true);
    serverThread.start();
    return port;
  }

  private static void answer(ISOSource source, ISOMsg request) {
    try {
      ISOMsg answer = (ISOMsg) request.clone();
      answer.setResponseMTI();
      if (request.getMTI().equals("0100")) {
        answer.set(38, "A1B2C3");
        answer.set(37, "000000" + request.getString(11));
      }
      answer.set(39, "00");
      source.send(answer);
    } catch (ISOException | IOException e) {
      throw new IllegalStateException("the jPOS host could not answer", e);
    }
  }

  private static String mtiOf(ISOMsg message) {
    try {
      return message.getMTI();
    } catch (ISOException e) {
      throw new IllegalStateException("a message without an MTI", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  private void startClient(int port, Dialect dialect, Framing framing, Duration timeout) {
    transport = IsoTransport.builder()
        .connect("127.0.0.1", port)
        .dialect(dialect)
        .framing(framing)
        .terminal(MERCHANT, TERMINAL, () -> journal.nextTrace(TERMINAL))
        .random(new Random(9))
        .build();
    client = EscrowClient.builder()
        .merchant(MERCHANT, TERMINAL)
        .transport(transport)
        .journal(journal)
        .requestTimeout(timeout)
        .random(new Random(11))
        .listener(event -> {
          if (event.to() == EscrowState.REVERSED) {
            reversed.countDown();
          }
        })
        .build();
  }

  @AfterEach
  void close() throws InterruptedException {
    if (client != null) {
      client.close();
    }
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.shutdown();
      serverThread.join(TimeUnit.SECONDS.toMillis(10));
    }
  }

  private ISOMsg nextReceived() throws InterruptedException {
    ISOMsg next = received.poll(20, TimeUnit.SECONDS);
    assertThat(next).as("a request at the jPOS host").isNotNull();
    return next;
  }

  private Escrow hold(String amount) {
    return client.hold(Money.of(amount, "CNY")).reference("room-1208")
        .card(TestCards.unionPayChip()).execute();
  }

  @Test
  void holdThenCaptureOverPostChannelWithIso87BPackager() throws Exception {
    int port = startHost(new PostChannel(new ISO87BPackager()), request -> false);
    startClient(port, Dialect.ISO87_BINARY, Framing.binaryLength(), Duration.ofSeconds(10));

    Escrow held = hold("128.00");
    Escrow captured = held.capture(Money.of("100.00", "CNY")).execute();

    assertThat(held.state()).isEqualTo(EscrowState.HELD);
    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(captured.snapshot().captured()).isEqualTo(Money.of("100.00", "CNY"));
    ISOMsg preAuth = nextReceived();
    ISOMsg completion = nextReceived();
    assertThat(preAuth.getMTI()).isEqualTo("0100");
    assertThat(preAuth.getString(4)).isEqualTo("000000012800");
    // the terminal gives its ISO 87 requests their retrieval reference: y ddd hh, then the trace
    assertThat(preAuth.getString(37)).hasSize(12).endsWith(preAuth.getString(11));
    assertThat(completion.getString(37)).hasSize(12).endsWith(completion.getString(11));
    assertThat(completion.getMTI()).isEqualTo("0200");
    assertThat(completion.getString(4)).isEqualTo("000000010000");
    assertThat(completion.getString(38)).isEqualTo("A1B2C3");
    // ISO 87 names the original in field 90: its MTI, trace and transmission time.
    assertThat(completion.getString(90))
        .startsWith("0100" + preAuth.getString(11) + preAuth.getString(7));
  }

  @Test
  void holdThenReleaseOverAsciiChannelWithIso87APackager() throws Exception {
    int port = startHost(new ASCIIChannel(new ISO87APackager()), request -> false);
    startClient(port, Dialect.ISO87_ASCII, Framing.asciiLength(), Duration.ofSeconds(10));

    Escrow released = hold("66.00").release().execute();

    assertThat(released.state()).isEqualTo(EscrowState.RELEASED);
    ISOMsg preAuth = nextReceived();
    ISOMsg cancel = nextReceived();
    assertThat(preAuth.getMTI()).isEqualTo("0100");
    assertThat(cancel.getString(11)).isNotEqualTo(preAuth.getString(11));
    assertThat(cancel.getString(4)).isEqualTo("000000006600");
  }

  @Test
  void aHoldTheHostNeverAnswersIsReversedWithItsOwnTrace() throws Exception {
    int port = startHost(new PostChannel(new ISO87BPackager()),
        request -> mtiOf(request).equals("0100"));
    startClient(port, Dialect.ISO87_BINARY, Framing.binaryLength(), Duration.ofMillis(500));

    Escrow inDoubt = hold("20.00");

    ISOMsg preAuth = nextReceived();
    ISOMsg reversal = nextReceived();
    assertThat(reversal.getMTI()).isIn("0400", "0420");
    assertThat(reversal.getString(11)).isEqualTo(preAuth.getString(11));
    assertThat(reversal.getString(4)).isEqualTo(preAuth.getString(4));
    assertThat(reversal.getString(37)).isEqualTo(preAuth.getString(37));
    assertThat(reversal.hasField(35)).isFalse();
    assertThat(reversal.hasField(52)).isFalse();
    assertThat(reversed.await(20, TimeUnit.SECONDS)).as("reversed").isTrue();
    assertThat(client.escrow(inDoubt.id()).get().state()).isEqualTo(EscrowState.REVERSED);
  }
}
