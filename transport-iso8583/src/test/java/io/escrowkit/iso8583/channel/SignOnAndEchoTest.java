package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignOnAndEchoTest extends ChannelTestSupport {
  private final IsoSpec spec = Specs.iso87Binary();
  private final AtomicLong traces = new AtomicLong(900);

  /** Sign-on 0800/001 and echo 0800/301, traces from a counter. */
  private final ChannelSession session =
      new ChannelSession() {
        @Override
        public Optional<IsoMessage> signOn() {
          return Optional.of(network("001"));
        }

        @Override
        public boolean signedOn(DecodedMessage answer) {
          return answer.readString(39).equals("00");
        }

        @Override
        public Optional<IsoMessage> echo() {
          return Optional.of(network("301"));
        }
      };

  /** A channel to {@code host} signing on with {@link #session}, echoing after {@code interval}. */
  private IsoChannel echoing(LoopbackHost host, Duration interval, Duration timeout) {
    return channel(host.port(), spec, Framing.binaryLength(), session,
        settings -> settings.withEcho(interval, timeout));
  }

  private IsoMessage network(String code) {
    return IsoMessage.builder(spec)
        .mti("0800")
        .set(11, String.valueOf(traces.incrementAndGet()))
        .set(41, TERMINAL)
        .set(70, code)
        .build();
  }

  @Test
  void signOnGoesFirstOnEachConnectionAndRequestsWaitForIt() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                LoopbackHost.approvingAll()));
    IsoChannel channel = channel(host.port(), spec, Framing.binaryLength(), session, s -> s);

    ChannelResult answer = await(channel.send(request(spec, "0100", 1), soon()));

    assertThat(answer.isAnswer()).isTrue();
    LoopbackHost.Received first = host.next();
    assertThat(first.mti()).isEqualTo("0800");
    assertThat(first.field(70)).isEqualTo("001");
    assertThat(host.next().mti()).isEqualTo("0100");
  }

  @Test
  void refusedSignOnDropsTheConnectionAndRetries() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> {
                  boolean firstConnection = request.peer().number() == 1;
                  String code = request.mti().equals("0800") && firstConnection ? "96" : "00";
                  request.peer().send(HostAnswers.answer(request.message(), code).build());
                }));
    IsoChannel channel = channel(host.port(), spec, Framing.binaryLength(), session, s -> s);

    ChannelResult answer = await(channel.send(request(spec, "0100", 2), soon()));

    assertThat(answer.isAnswer()).isTrue();
    assertThat(host.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void aHostThatKeepsRefusingTheSignOnIsTriedLessAndLessOften() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request ->
                    request.peer().send(HostAnswers.answer(request.message(), "96").build())));
    IsoChannel channel =
        channel(
            host.port(),
            spec,
            Framing.binaryLength(),
            session,
            s -> s.withReconnect(Duration.ofMillis(20), Duration.ofSeconds(10)));
    channel.start();

    List<Long> signOnsAt = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      LoopbackHost.Received signOn = host.next();
      assertThat(signOn.field(70)).isEqualTo("001");
      signOnsAt.add(signOn.atNanos()); // when the host read it, not when this thread woke
    }

    // The fourth retry waits at least half of 20 ms doubled three times; starting over at the
    // base after each refused answer, it waited 10 to 20 ms.
    long lastGapMillis = (signOnsAt.get(4) - signOnsAt.get(3)) / 1_000_000;
    assertThat(lastGapMillis).isGreaterThanOrEqualTo(80);
  }

  @Test
  void echoTestIsSentWhileTheConnectionIsIdle() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                LoopbackHost.approvingAll()));
    IsoChannel channel = echoing(host, Duration.ofMillis(100), Duration.ofSeconds(5));
    channel.start();

    assertThat(host.next().field(70)).isEqualTo("001");
    LoopbackHost.Received echo = host.next();

    assertThat(echo.mti()).isEqualTo("0800");
    assertThat(echo.field(70)).isEqualTo("301");
    assertThat(host.connectionsAccepted()).isEqualTo(1);
  }

  /**
   * A host that answers the sign-on and then nothing, while the terminal keeps writing (an advice
   * repeated every 20 ms): silence from the host is what starts the echo, not silence on the line,
   * so the dead connection is found and replaced although it is never idle.
   */
  @Test
  void echoIsSentWhenTheHostIsSilentEvenWhileTheTerminalKeepsWriting() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> {
                  if ("001".equals(request.message().findString(70).orElse(""))) {
                    request.peer().send(HostAnswers.approve(request.message()));
                  }
                }));
    IsoChannel channel = echoing(host, Duration.ofMillis(100), Duration.ofMillis(300));
    channel.sendRepeating(
        ChannelTestSupport.request(spec, "0220", 1),
        ChannelTestSupport.request(spec, "0221", 1),
        Duration.ofMillis(20),
        in(Duration.ofSeconds(30)));

    boolean echoedOnFirst = false;
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    LoopbackHost.Received next = host.next();
    while (next.peer().number() == 1 && System.nanoTime() < until) {
      echoedOnFirst |= "301".equals(next.message().findString(70).orElse(""));
      next = host.next();
    }

    assertThat(echoedOnFirst).as("an echo test went out on the first connection").isTrue();
    assertThat(next.peer().number()).as("a message on a second connection").isEqualTo(2);
    assertThat(next.field(70)).isEqualTo("001");
  }

  @Test
  void echoAnswerWithoutATraceStillAnswersTheEcho() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> {
                  IsoMessage.Builder answer = HostAnswers.answer(request.message(), "00");
                  if (request.field(70).equals("301")) {
                    answer.remove(11);
                  }
                  request.peer().send(answer.build());
                }));
    IsoChannel channel = echoing(host, Duration.ofMillis(100), Duration.ofMillis(300));
    channel.start();

    assertThat(host.next().field(70)).isEqualTo("001");
    assertThat(host.next().field(70)).isEqualTo("301");
    assertThat(host.next().field(70)).isEqualTo("301");

    assertThat(host.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void unansweredEchoDropsTheConnectionAndReconnects() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> {
                  if (!request.field(70).equals("301")) {
                    request.peer().send(HostAnswers.approve(request.message()));
                  }
                }));
    IsoChannel channel = echoing(host, Duration.ofMillis(100), Duration.ofMillis(200));
    channel.start();

    assertThat(host.next().field(70)).isEqualTo("001");
    assertThat(host.next().field(70)).isEqualTo("301");
    LoopbackHost.Received afterDrop = host.next();

    assertThat(afterDrop.field(70)).isEqualTo("001");
    assertThat(afterDrop.peer().number()).isEqualTo(2);
  }
}
