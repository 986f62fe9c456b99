package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Signing on again over the connection in use, as a UnionPay host asks with 77 or A0: the requests
 * in flight are answered and read first (under the keys they were signed with), the sign-on follows
 * on the same connection, and the requests that came meanwhile wait and go out signed for the new session.
 * As in {@link RebuiltForNewSessionTest}, the session's mark is field 48: "K" and the number of the
 * sign-on, and the host approves only the mark of its latest sign-on.
 */
class SignOnAgainTest extends ChannelTestSupport {
  private final IsoSpec spec = Specs.iso87Binary();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  /** Set when the test answers the request the host held. */
  private final AtomicBoolean answered = new AtomicBoolean();
  /** Completed when "the transport" has read that answer (its MAC checked). */
  private final CompletableFuture<Void> read = new CompletableFuture<>();

  private final CountedSignOns session = new CountedSignOns(spec, 700);

  @Test
  void theSignOnWaitsForTheRequestsInFlightAndTheQueuedOnesGoOutForItsSession() throws Exception {
    AtomicInteger hostSignOns = new AtomicInteger();
    CompletableFuture<LoopbackHost.Received> held = new CompletableFuture<>();
    AtomicBoolean heldAnsweredBeforeSecondSignOn = new AtomicBoolean();
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(), request -> {
      if (request.mti().equals("0800")) {
        if (hostSignOns.incrementAndGet() == 2) {
          heldAnsweredBeforeSecondSignOn.set(held.isDone() && answered.get() && read.isDone());
        }
        request.peer().send(HostAnswers.approve(request.message()));
        return;
      }
      seen.add(request.field(11) + ":" + request.field(48));
      if (!held.isDone()) {
        held.complete(request); // answered by the test, later
        return;
      }
      boolean current = request.field(48).equals("K" + hostSignOns.get());
      request.peer().send(HostAnswers.answer(request.message(), current ? "00" : "A0").build());
    }));
    IsoChannel channel = channel(host.port(), spec, Framing.binaryLength(), session, s -> s);
    connected(channel);

    CompletableFuture<ChannelResult> inFlight = channel.send(
        marked(channel, request(spec, "0100", 1)), () -> marked(channel, request(spec, "0100", 1)),
        Duration.ZERO, soon());
    LoopbackHost.Received first = held.get(10, TimeUnit.SECONDS);
    assertThat(channel.signOnAgain("test: for a session before", channel.sessionNumber() - 1,
        () -> read)).isFalse();
    assertThat(channel.signOnAgain("test: the host asked", channel.sessionNumber(), () -> read))
        .isTrue();
    assertThat(channel.signOnAgain("test: asked twice")).isFalse();
    assertThat(channel.isReady()).isFalse();
    Supplier<Outgoing> second = () -> marked(channel, request(spec, "0100", 2));
    CompletableFuture<ChannelResult> queued =
        channel.send(second.get(), second, Duration.ZERO, soon());
    answered.set(true);
    first.peer().send(HostAnswers.approve(first.message()));

    ChannelResult firstAnswer = await(inFlight);
    read.complete(null); // the transport has read the answer: now the keys may change
    ChannelResult queuedAnswer = await(queued);

    assertThat(firstAnswer.message().get().readString(39)).isEqualTo("00");
    assertThat(queuedAnswer.isAnswer()).as(queuedAnswer.detail()).isTrue();
    assertThat(queuedAnswer.message().get().readString(39)).isEqualTo("00");
    assertThat(heldAnsweredBeforeSecondSignOn).isTrue();
    assertThat(hostSignOns).hasValue(2);
    assertThat(host.connectionsAccepted()).isEqualTo(1);
    assertThat(seen).containsExactly("000001:K1", "000002:K2");
    assertThat(channel.isReady()).isTrue();
  }

  @Test
  void withoutAReadyConnectionThereIsNothingToSignOnAgain() {
    IsoChannel channel = channel(1, spec, Framing.binaryLength(), session, s -> s);

    assertThat(channel.signOnAgain("test: not started")).isFalse();
  }

  /** {@code request} marked with the session signed on now, stamped with it. */
  private Outgoing marked(IsoChannel channel, IsoMessage request) {
    long stamp = channel.sessionNumber();
    return new Outgoing(request.toBuilder().set(48, "K" + session.approved()).build(),
        Optional.empty(), stamp);
  }
}
