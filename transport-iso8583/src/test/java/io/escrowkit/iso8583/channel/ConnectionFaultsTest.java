package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.spi.UnknownReason;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConnectionFaultsTest extends ChannelTestSupport {
  /** A well-framed message of six bytes that do not decode. */
  private static final byte[] GARBAGE = {0, 6, 0x01, (byte) 0x10, (byte) 0xFF, 0x7F, 0, 0};

  private final IsoSpec spec = Specs.iso87Binary();

  @Test
  void connectionResetMidMessageEndsTheRequestAsConnectionLost() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> {
                  byte[] whole =
                      IsoCodec.of(spec)
                          .encode(
                              HostAnswers.approve(request.message()),
                              Framing.binaryLength().prefix());
                  request.peer().sendRaw(Arrays.copyOf(whole, whole.length / 2));
                  request.peer().close();
                }));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());

    ChannelResult result = await(channel.send(request(spec, "0100", 1), soon()));

    assertThat(result.isAnswer()).isFalse();
    assertThat(result.failure()).contains(UnknownReason.CONNECTION_LOST);
  }

  @Test
  void wellFramedGarbageIsDroppedTheRequestEndsInDoubtAndTheConnectionStays() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> {
                  if (request.message().readLong(11) == 2) {
                    request.peer().sendRaw(GARBAGE);
                  } else {
                    request.peer().send(HostAnswers.approve(request.message()));
                  }
                }));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());

    ChannelResult result =
        await(channel.send(request(spec, "0100", 2), in(Duration.ofMillis(500))));
    ChannelResult next = await(channel.send(request(spec, "0100", 3), soon()));

    assertThat(result.failure()).contains(UnknownReason.TIMEOUT);
    assertThat(next.isAnswer()).isTrue();
    assertThat(host.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void garbageSeveralTimesInARowDropsTheConnectionAndEndsItsRequestsAsMalformed() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> {
                  for (int i = 0; i < Link.UNDECODABLE_IN_A_ROW; i++) {
                    request.peer().sendRaw(GARBAGE);
                  }
                }));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());

    ChannelResult result = await(channel.send(request(spec, "0100", 2), soon()));

    assertThat(result.failure()).contains(UnknownReason.MALFORMED_RESPONSE);
    assertThat(result.detail()).contains("undecodable");
  }

  @Test
  void lengthPrefixThatIsNotALengthEndsTheRequestAsMalformed() throws Exception {
    IsoSpec ascii = Specs.iso87Ascii();
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                ascii,
                Framing.asciiLength(),
                request ->
                    request
                        .peer()
                        .sendRaw("GARBAGE!".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    IsoChannel channel = channel(host, ascii, Framing.asciiLength());

    ChannelResult result = await(channel.send(request(ascii, "0100", 3), soon()));

    assertThat(result.failure()).contains(UnknownReason.MALFORMED_RESPONSE);
    assertThat(result.detail()).contains("framing");
  }

  @Test
  void frameLongerThanTheMaximumIsRefusedBeforeItIsRead() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> request.peer().sendRaw(new byte[] {(byte) 0xFF, (byte) 0xFF, 1, 2, 3})));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());

    ChannelResult result = await(channel.send(request(spec, "0100", 4), soon()));

    assertThat(result.failure()).contains(UnknownReason.MALFORMED_RESPONSE);
    assertThat(result.detail()).contains("65535").contains("maximum");
  }

  @Test
  void aConnectionOnWhichThreeRequestsInARowGoUnansweredIsDroppedAndRenewed() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> {
                  if (request.peer().number() > 1) { // the first connection's host hung
                    request.peer().send(HostAnswers.approve(request.message()));
                  }
                }));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    connected(channel); // the short deadlines below are for answers, not for connecting

    for (int trace = 1; trace <= Link.UNANSWERED_IN_A_ROW; trace++) {
      ChannelResult result =
          await(channel.send(request(spec, "0100", trace), in(Duration.ofMillis(150))));
      assertThat(result.failure()).contains(UnknownReason.TIMEOUT);
    }
    // A request sent the moment the third timed out may still meet the old connection as it
    // closes.
    assertAnsweredOnASecondConnection(channel, host, 9);
  }

  @Test
  void reconnectsAfterTheHostDropsTheConnection() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                LoopbackHost.approvingAll()));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    assertThat(await(channel.send(request(spec, "0100", 5), soon())).isAnswer()).isTrue();

    host.dropConnections();
    // A request sent before the channel notices the drop goes out on the dead connection.
    assertAnsweredOnASecondConnection(channel, host, 6);
  }

  @Test
  void requestsInFlightWhenTheConnectionDropsEndAsConnectionLost() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(), r -> {}));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    CompletableFuture<ChannelResult> inFlight = channel.send(request(spec, "0100", 7), soon());
    host.next();

    host.dropConnections();

    assertThat(await(inFlight).failure()).contains(UnknownReason.CONNECTION_LOST);
  }

  @Test
  void requestWaitsForAConnectionUntilItsDeadlineAndIsReportedNotSent() throws Exception {
    int deadPort = unusedPort();
    IsoChannel channel =
        channel(
            deadPort, spec, Framing.binaryLength(), ChannelSession.none(), settings -> settings);

    ChannelResult result =
        await(channel.send(request(spec, "0100", 8), in(Duration.ofMillis(400))));

    assertThat(result.failure()).contains(UnknownReason.TIMEOUT);
    assertThat(result.detail()).startsWith("not sent");
  }

  @Test
  void closingTheChannelEndsRequestsInFlightAsConnectionLost() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(), r -> {}));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    CompletableFuture<ChannelResult> inFlight = channel.send(request(spec, "0100", 9), soon());
    host.next();

    channel.close();

    ChannelResult result = await(inFlight);
    assertThat(result.failure()).contains(UnknownReason.CONNECTION_LOST);
    ChannelResult afterClose = await(channel.send(request(spec, "0100", 10), soon()));
    assertThat(afterClose.failure()).contains(UnknownReason.CONNECTION_LOST);
  }

  @Test
  void adviceIsRepeatedUntilAnsweredEvenAcrossAReconnection() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> {
                  if (request.mti().equals("0220")) {
                    request.peer().close();
                  } else if (request.mti().equals("0221") && request.peer().number() >= 2) {
                    request.peer().send(HostAnswers.approve(request.message()));
                  }
                }));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());

    CompletableFuture<ChannelResult> advice =
        channel.sendRepeating(
            request(spec, "0220", 12), request(spec, "0221", 12), Duration.ofMillis(100), soon());

    ChannelResult result = await(advice);
    assertThat(result.isAnswer()).isTrue();
    assertThat(result.message().get().mti()).isEqualTo("0230");
    assertThat(host.next().mti()).isEqualTo("0220");
    assertThat(host.next().mti()).isEqualTo("0221");
  }

  /**
   * A request with trace {@code trace} is answered, over the host's second connection: if it met
   * the first as it went (in doubt, {@code CONNECTION_LOST}), the next one, {@code trace + 1}, is.
   */
  private void assertAnsweredOnASecondConnection(IsoChannel channel, LoopbackHost host, long trace)
      throws Exception {
    ChannelResult result = await(channel.send(request(spec, "0100", trace), soon()));
    if (!result.isAnswer()) {
      assertThat(result.failure()).contains(UnknownReason.CONNECTION_LOST);
      result = await(channel.send(request(spec, "0100", trace + 1), soon()));
    }

    assertThat(result.isAnswer()).isTrue();
    assertThat(host.connectionsAccepted()).isEqualTo(2);
  }
}
