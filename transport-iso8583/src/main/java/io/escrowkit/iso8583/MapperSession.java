package io.escrowkit.iso8583;

import io.escrowkit.iso8583.channel.ChannelSession;
import io.escrowkit.iso8583.mapping.MessageMapper;
import io.escrowkit.iso8583.mapping.WorkingKeyLoader;
import java.util.Optional;

/**
 * The channel's sign-on and echo, from the mapper, as configured. A sign-on answer lets the
 * connection carry requests when it approves and, with working keys configured, once its keys are
 * loaded into the secure module. Threadsafe.
 */
final class MapperSession implements ChannelSession {
  private final MessageMapper mapper;
  private final boolean signOn;
  private final boolean echo;
  private final Optional<WorkingKeyLoader> keys;

  MapperSession(
      MessageMapper mapper, boolean signOn, boolean echo, Optional<WorkingKeyLoader> keys) {
    this.mapper = mapper;
    this.signOn = signOn;
    this.echo = echo;
    this.keys = keys;
  }

  @Override
  public Optional<IsoMessage> signOn() {
    return signOn ? Optional.of(mapper.signOn()) : Optional.empty();
  }

  @Override
  public boolean signedOn(DecodedMessage answer) {
    return mapper.signedOn(answer) && (!keys.isPresent() || keys.get().load(answer));
  }

  @Override
  public Optional<IsoMessage> echo() {
    return echo ? Optional.of(mapper.echo()) : Optional.empty();
  }
}
