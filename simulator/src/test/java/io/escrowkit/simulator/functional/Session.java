package io.escrowkit.simulator.functional;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.functional.Requests.Ref;
import java.io.IOException;

/**
 * A simulator of one profile on the fixed test clock, one terminal connected to it and that
 * terminal's requests; closed together. Not threadsafe.
 */
final class Session implements AutoCloseable {

  final AcquirerSimulator host;
  final TestTerminal terminal;
  final Requests requests;

  private Session(HostProfile profile) throws IOException {
    this.host = AcquirerSimulator.builder().profile(profile).clock(CupMessagesTest.CLOCK).start();
    this.terminal = new TestTerminal(host);
    this.requests = new Requests(profile);
  }

  static Session start(HostProfile profile) throws IOException {
    return new Session(profile);
  }

  DecodedMessage exchange(IsoMessage message) throws IOException {
    return terminal.exchange(message);
  }

  /** Sends a request that must be approved; returns its references. */
  Ref approved(IsoMessage message) throws IOException {
    DecodedMessage answer = terminal.exchange(message);
    if (!answer.readString(39).equals("00")) {
      throw new AssertionError(message.mti() + " answered " + answer.readString(39));
    }
    return Ref.of(answer);
  }

  Authorization auth(Ref hold) {
    return host.ledger().authorization(hold.authCode()).orElseThrow();
  }

  @Override
  public void close() throws IOException {
    terminal.close();
    host.close();
  }
}
