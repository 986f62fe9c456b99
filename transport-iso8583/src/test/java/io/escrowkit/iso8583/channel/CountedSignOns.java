package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session that signs on with an ISO 87 0800 (field 70 001) and counts the sign-ons approved, as
 * a real session records the batch and loads the keys; no echo. For tests whose requests carry
 * the mark of the latest sign-on. Threadsafe.
 */
final class CountedSignOns implements ChannelSession {
  private final IsoSpec spec;
  private final AtomicLong traces;
  private final AtomicInteger approved = new AtomicInteger();

  CountedSignOns(IsoSpec spec, long firstTrace) {
    this.spec = spec;
    this.traces = new AtomicLong(firstTrace);
  }

  /** The sign-ons approved so far. */
  int approved() {
    return approved.get();
  }

  @Override
  public Optional<IsoMessage> signOn() {
    return Optional.of(IsoMessage.builder(spec).mti("0800")
        .set(11, String.valueOf(traces.incrementAndGet()))
        .set(41, ChannelTestSupport.TERMINAL)
        .set(70, "001")
        .build());
  }

  @Override
  public boolean signedOn(DecodedMessage answer) {
    boolean ok = answer.readString(39).equals("00");
    if (ok) {
      approved.incrementAndGet();
    }
    return ok;
  }

  @Override
  public Optional<IsoMessage> echo() {
    return Optional.empty();
  }
}
