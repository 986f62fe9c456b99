package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.spi.UnknownReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MultiplexingTest extends ChannelTestSupport {
  private final IsoSpec spec = Specs.iso87Binary();

  @Test
  void manyRequestsInFlightEachGetTheirOwnAnswerInAnyOrder() throws Exception {
    LoopbackHost host =
        closeLater(LoopbackHost.start(spec, Framing.binaryLength(), request -> { }));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    List<CompletableFuture<ChannelResult>> answers = new ArrayList<>();
    for (long trace = 1; trace <= 50; trace++) {
      answers.add(channel.send(request(spec, "0100", trace), soon()));
    }
    // Held as host.next() hands them back (a list filled by the responder may still lack the
    // last one here: the host queues a message before its responder sees it).
    List<LoopbackHost.Received> reversed = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      reversed.add(host.next());
    }
    assertThat(channel.inFlight()).isEqualTo(50);
    Collections.reverse(reversed);
    for (LoopbackHost.Received request : reversed) {
      request.peer().send(HostAnswers.approve(request.message()));
    }
    for (int i = 0; i < 50; i++) {
      ChannelResult result = await(answers.get(i));
      assertThat(result.isAnswer()).isTrue();
      assertThat(result.message().get().readLong(11)).isEqualTo(i + 1);
      assertThat(result.message().get().readLong(4)).isEqualTo((i + 1) * 100L);
    }
    assertThat(channel.inFlight()).isZero();
  }

  @Test
  void reversalAnswerWithTheOriginalsTraceNeverCompletesTheOriginal() throws Exception {
    List<LoopbackHost.Received> held = Collections.synchronizedList(new ArrayList<>());
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(), held::add));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    CompletableFuture<ChannelResult> original = channel.send(request(spec, "0100", 7), soon());
    CompletableFuture<ChannelResult> reversal = channel.send(request(spec, "0400", 7), soon());
    LoopbackHost.Received first = host.next();
    LoopbackHost.Received second = host.next();
    LoopbackHost.Received reversalRequest = first.mti().equals("0400") ? first : second;
    LoopbackHost.Received originalRequest = first == reversalRequest ? second : first;

    reversalRequest.peer().send(HostAnswers.approve(reversalRequest.message()));

    assertThat(await(reversal).message().get().mti()).isEqualTo("0410");
    assertThat(original).isNotDone();
    originalRequest.peer().send(HostAnswers.approve(originalRequest.message()));
    assertThat(await(original).message().get().mti()).isEqualTo("0110");
  }

  @Test
  void lateAnswerAfterTheDeadlineIsDroppedAndTheRequestStaysInDoubt() throws Exception {
    List<LoopbackHost.Received> held = Collections.synchronizedList(new ArrayList<>());
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(), held::add));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    connected(channel); // the short deadline below is for the answer, not for connecting
    CompletableFuture<ChannelResult> late =
        channel.send(request(spec, "0100", 11), in(Duration.ofMillis(300)));
    LoopbackHost.Received unanswered = host.next();

    ChannelResult result = await(late);
    assertThat(result.failure()).contains(UnknownReason.TIMEOUT);

    try (LogCapture log = LogCapture.of(AnswerRouter.class.getName())) {
      unanswered.peer().send(HostAnswers.approve(unanswered.message()));
      host.respondWith(LoopbackHost.approvingAll());
      ChannelResult next = await(channel.send(request(spec, "0100", 12), soon()));
      assertThat(next.message().get().readLong(11)).isEqualTo(12);
      assertThat(log.text()).contains("late answer dropped (terminal TERM0001 trace 11");
    }
    assertThat(late.get().failure()).contains(UnknownReason.TIMEOUT);
  }

  @Test
  void duplicateAndUnmatchedAnswersNeverCompleteAnotherRequest() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> {
                  long trace = request.message().readLong(11);
                  IsoMessage answer = HostAnswers.approve(request.message());
                  if (trace == 21) {
                    request.peer().send(answer);
                    request.peer().send(answer);
                  } else {
                    IsoMessage stray =
                        HostAnswers.answer(request.message(), "05").set(11, "999999").build();
                    request.peer().send(stray);
                    request.peer().send(answer);
                  }
                }));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    LogCapture log = closeLater(LogCapture.of(AnswerRouter.class.getName()));

    ChannelResult first = await(channel.send(request(spec, "0100", 21), soon()));
    ChannelResult second = await(channel.send(request(spec, "0100", 22), soon()));

    assertThat(log.text())
        .contains("duplicate answer dropped (terminal TERM0001 trace 21")
        .contains("answer matching no request dropped (terminal TERM0001 trace 999999");
    assertThat(first.message().get().readLong(11)).isEqualTo(21);
    assertThat(second.message().get().readLong(11)).isEqualTo(22);
    assertThat(second.message().get().readString(39)).isEqualTo("00");
  }

  /**
   * Many real UnionPay hosts echo the TPDU as sent instead of swapping its addresses: the answers
   * are taken, and the mismatch is a warning once per connection, not on every answer.
   */
  @Test
  void answersWithTheTpduEchoedAsSentAreTakenAndWarnedOnceAConnection() throws Exception {
    IsoSpec cup = Specs.unionPayPos();
    LoopbackHost host = closeLater(LoopbackHost.start(cup, Framing.binaryLength(),
        request -> request.peer().send(HostAnswers.approve(request.message()).toBuilder()
            .tpdu(request.message().tpdu()).build())));
    IsoChannel channel = channel(host, cup, Framing.binaryLength());
    LogCapture log = closeLater(LogCapture.of(AnswerRouter.class.getName()));

    ChannelResult first = await(channel.send(request(cup, "0100", 31), soon()));
    ChannelResult second = await(channel.send(request(cup, "0100", 32), soon()));

    assertThat(first.message().get().readString(39)).isEqualTo("00");
    assertThat(second.message().get().readString(39)).isEqualTo("00");
    assertThat(log.warnings()).filteredOn(m -> m.contains("TPDU")).singleElement()
        .asString().contains("as sent, not swapped");
    assertThat(log.text()).contains("trace 32").contains("TPDU as sent");
  }

  @Test
  void answerOfTheRightClassButWrongTypeIsMalformedNotADecline() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request ->
                    request
                        .peer()
                        .send(HostAnswers.answer(request.message(), "05").mti("0130").build())));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());

    ChannelResult result = await(channel.send(request(spec, "0100", 31), soon()));

    assertThat(result.isAnswer()).isFalse();
    assertThat(result.failure()).contains(UnknownReason.MALFORMED_RESPONSE);
    assertThat(result.detail()).contains("0130").contains("0110");
  }

  @Test
  void secondRequestWithTheSameKeyInFlightIsNotSent() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(), r -> {}));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    CompletableFuture<ChannelResult> first = channel.send(request(spec, "0100", 41), soon());

    ChannelResult second = await(channel.send(request(spec, "0100", 41), soon()));

    assertThat(second.failure()).contains(UnknownReason.TIMEOUT);
    assertThat(second.detail()).startsWith("not sent");
    assertThat(first).isNotDone();
  }

  @Test
  void aShorterDeadlineSentAfterALongerOneEndsFirstAndTheLongerOneWaitsOn() throws Exception {
    List<LoopbackHost.Received> held = Collections.synchronizedList(new ArrayList<>());
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(), held::add));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    connected(channel); // the short deadline below is for the answer, not for connecting
    CompletableFuture<ChannelResult> patient = channel.send(request(spec, "0100", 51), soon());
    CompletableFuture<ChannelResult> hasty =
        channel.send(request(spec, "0100", 52), in(Duration.ofMillis(200)));
    LoopbackHost.Received first = host.next();
    LoopbackHost.Received second = host.next();

    assertThat(await(hasty).failure()).contains(UnknownReason.TIMEOUT);
    assertThat(patient).isNotDone();
    LoopbackHost.Received patientRequest =
        first.message().readLong(11) == 51 ? first : second;
    patientRequest.peer().send(HostAnswers.approve(patientRequest.message()));
    assertThat(await(patient).message().get().readLong(11)).isEqualTo(51);
  }

  @Test
  void unansweredRequestsWithDeadlinesInTurnEachEndByTheirOwn() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(), r -> {}));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    CompletableFuture<ChannelResult> sooner =
        channel.send(request(spec, "0100", 61), in(Duration.ofMillis(100)));
    CompletableFuture<ChannelResult> later =
        channel.send(request(spec, "0100", 62), in(Duration.ofMillis(300)));

    assertThat(await(sooner).failure()).contains(UnknownReason.TIMEOUT);
    assertThat(await(later).failure()).contains(UnknownReason.TIMEOUT);
    assertThat(channel.inFlight()).isZero();
  }

  @Test
  void whenTheSchedulerRefusesTheNextTimerTheRequestsLeftEndAsUnknownAtOnce() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(), r -> {}));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    // Long enough that both are surely sent before the scheduler is shut down.
    CompletableFuture<ChannelResult> sooner =
        channel.send(request(spec, "0100", 71), in(Duration.ofSeconds(2)));
    CompletableFuture<ChannelResult> muchLater =
        channel.send(request(spec, "0100", 72), in(Duration.ofMinutes(10)));
    host.next();
    host.next();

    scheduler.shutdown(); // the armed timer still fires; a new one cannot be scheduled

    assertThat(await(sooner).failure()).contains(UnknownReason.TIMEOUT);
    assertThat(await(muchLater).failure()).contains(UnknownReason.TIMEOUT);
    assertThat(channel.inFlight()).isZero();
  }
}
