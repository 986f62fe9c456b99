package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.spi.UnknownReason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Each sign-on gives the terminal something its requests must carry from then on (a UnionPay host
 * issues new working keys, so a new MAC key, and may give a new batch number). Here the session's
 * mark is field 48, "K" and the number of the sign-on, and the host approves only a request
 * carrying the mark of the sign-on on its own connection (a real host answers a stale MAC with
 * A0). A request that goes out only after a newer sign-on than it was built for is built again.
 */
class RebuiltForNewSessionTest extends ChannelTestSupport {
  private final IsoSpec spec = Specs.iso87Binary();
  private final List<String> marksSeen = new CopyOnWriteArrayList<>();

  private final CountedSignOns session = new CountedSignOns(spec, 900);

  @Test
  void aRequestQueuedBeforeTheSignOnGoesOutBuiltForIt() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(),
        this::approveOnlyThisConnectionsMark));
    IsoChannel channel = channel(host.port(), spec, Framing.binaryLength(), session, s -> s);
    Supplier<Outgoing> build = () -> marked(channel, request(spec, "0100", 1), Optional.empty());

    Outgoing first = build.get(); // no connection yet: built before any sign-on
    ChannelResult answer = await(channel.send(first, build, Duration.ZERO, soon()));

    assertThat(first.request().get(48)).contains("K0");
    assertThat(answer.isAnswer()).as(answer.detail()).isTrue();
    assertThat(answer.message().get().readString(39)).isEqualTo("00");
    assertThat(marksSeen).containsExactly("K1");
  }

  @Test
  void anAdviceRepeatedOnTheNextConnectionIsBuiltForItsSignOn() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(), request -> {
      if (request.peer().number() == 1 && request.mti().equals("0220")) {
        marksSeen.add(request.field(48));
        request.peer().close(); // the advice's answer is lost with the connection
      } else {
        approveOnlyThisConnectionsMark(request);
      }
    }));
    IsoChannel channel = channel(host.port(), spec, Framing.binaryLength(), session, s -> s);
    connected(channel);
    Supplier<Outgoing> build = () -> marked(channel, request(spec, "0220", 2),
        Optional.of(request(spec, "0221", 2)));

    ChannelResult answer =
        await(channel.send(build.get(), build, Duration.ofMillis(50), in(Duration.ofSeconds(15))));

    assertThat(answer.isAnswer()).as(answer.detail()).isTrue();
    assertThat(answer.message().get().readString(39)).isEqualTo("00");
    assertThat(host.connectionsAccepted()).isEqualTo(2);
    assertThat(marksSeen).first().isEqualTo("K1");
    assertThat(marksSeen).last().isEqualTo("K2");
  }

  @Test
  void aRequestBuiltForTheSessionItGoesOutInIsNotBuiltAgain() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(),
        this::approveOnlyThisConnectionsMark));
    IsoChannel channel = channel(host.port(), spec, Framing.binaryLength(), session, s -> s);
    connected(channel);
    AtomicInteger rebuilds = new AtomicInteger();
    Supplier<Outgoing> build = () -> marked(channel, request(spec, "0100", 4), Optional.empty());

    ChannelResult answer = await(channel.send(build.get(), () -> {
      rebuilds.incrementAndGet();
      return build.get();
    }, Duration.ZERO, soon()));

    assertThat(answer.message().get().readString(39)).isEqualTo("00");
    assertThat(rebuilds).hasValue(0);
  }

  @Test
  void aRequestThatCannotBeBuiltAgainEndsUnknownNotSent() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(),
        this::approveOnlyThisConnectionsMark));
    IsoChannel channel = channel(host.port(), spec, Framing.binaryLength(), session, s -> s);
    Outgoing first = marked(channel, request(spec, "0100", 3), Optional.empty());

    ChannelResult result = await(channel.send(first, () -> {
      throw new IllegalStateException("test: the secure module is gone");
    }, Duration.ZERO, soon()));

    assertThat(result.failure()).contains(UnknownReason.MALFORMED_RESPONSE);
    assertThat(result.detail()).contains("not sent").contains("the secure module is gone");
    assertThat(marksSeen).isEmpty();
  }

  /** {@code request} (and its repeat) marked with the session signed on now, stamped with it. */
  private Outgoing marked(IsoChannel channel, IsoMessage request, Optional<IsoMessage> repeat) {
    long stamp = channel.sessionNumber();
    String mark = "K" + session.approved();
    return new Outgoing(request.toBuilder().set(48, mark).build(),
        repeat.map(r -> r.toBuilder().set(48, mark).build()), stamp);
  }

  /** Signs on; approves a request with this connection's mark, answers others A0 (bad MAC). */
  private void approveOnlyThisConnectionsMark(LoopbackHost.Received request)
      throws java.io.IOException {
    if (request.mti().equals("0800")) {
      request.peer().send(HostAnswers.approve(request.message()));
      return;
    }
    marksSeen.add(request.field(48));
    boolean current = request.field(48).equals("K" + request.peer().number());
    request.peer().send(HostAnswers.answer(request.message(), current ? "00" : "A0").build());
  }
}
