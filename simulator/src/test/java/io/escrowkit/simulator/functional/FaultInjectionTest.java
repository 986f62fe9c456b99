package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.Requests.TEST_PAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.Fault;
import io.escrowkit.simulator.HostProfile;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each fault as the client sees it on the wire, and the books as the host kept them: the request is
 * processed (except drop-request) while the answer goes wrong.
 */
class FaultInjectionTest {

  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final Requests requests = new Requests(HostProfile.CUP);
  private AcquirerSimulator host;
  private TestTerminal terminal;

  @BeforeEach
  void start() throws Exception {
    host = AcquirerSimulator.builder().scheduler(scheduler).seed(3).start();
    terminal = new TestTerminal(host);
  }

  @AfterEach
  void stop() throws Exception {
    terminal.close();
    host.close();
    scheduler.shutdownNow();
  }

  @Test
  void delayedAnswerComesAfterTheNextRequestsAndAtTheConfiguredDelay() throws Exception {
    host.faults().delay(Duration.ofMillis(300)).next(Fault.DELAY, "0100");

    terminal.send(requests.preAuth(TEST_PAN, 1_000));
    DecodedMessage first = terminal.exchange(requests.echo());
    assertThat(first.mti()).isEqualTo("0830");
    assertThat(scheduler.tasks())
        .extracting(RecordingScheduler.Task::delay)
        .containsExactly(Duration.ofMillis(300));

    scheduler.runAll();
    DecodedMessage delayed = terminal.receive();
    assertThat(delayed.mti()).isEqualTo("0110");
    assertThat(delayed.readString(39)).isEqualTo("00");
    assertThat(host.faults().applied(Fault.DELAY)).isEqualTo(1);
  }

  @Test
  void lateAnswerIsHeldBackByTheLateDuration() throws Exception {
    host.faults().lateBy(Duration.ofSeconds(45)).next(Fault.LATE_RESPONSE);

    terminal.send(requests.preAuth(TEST_PAN, 1_000));
    assertThat(terminal.exchange(requests.echo()).mti()).isEqualTo("0830");

    assertThat(scheduler.tasks())
        .extracting(RecordingScheduler.Task::delay)
        .containsExactly(Duration.ofSeconds(45));
    scheduler.runAll();
    assertThat(terminal.receive().mti()).isEqualTo("0110");
  }

  @Test
  void noResponseLeavesTheHoldInTheBooksAndNothingOnTheWire() throws Exception {
    host.faults().next(Fault.NO_RESPONSE, "0100");

    terminal.send(requests.preAuth(TEST_PAN, 1_000));
    assertThat(terminal.exchange(requests.echo()).mti()).isEqualTo("0830");

    assertThat(scheduler.tasks()).isEmpty();
    assertThat(host.ledger().frozenTotal()).isEqualTo(1_000);
  }

  @Test
  void droppedRequestIsNeitherAnsweredNorBooked() throws Exception {
    host.faults().next(Fault.REQUEST_LOST, "0100");

    terminal.send(requests.preAuth(TEST_PAN, 1_000));
    assertThat(terminal.exchange(requests.echo()).mti()).isEqualTo("0830");

    assertThat(host.ledger().authorizations()).isEmpty();
  }

  @Test
  void resetMidFrameSendsHalfTheAnswerThenEndsTheConnection() throws Exception {
    host.faults().next(Fault.RESET_MID_FRAME);
    IsoMessage preAuth = requests.preAuth(TEST_PAN, 1_000);

    terminal.send(preAuth);
    byte[] received = terminal.readUntilClosed();

    // the answer's length: prefix + a 0110 like the one a plain request gets
    try (TestTerminal other = new TestTerminal(host)) {
      byte[] whole = other.exchangeBody(requests.preAuth(TEST_PAN, 1_000));
      int frame = 2 + whole.length;
      assertThat(received.length).isPositive().isLessThan(frame).isEqualTo(frame / 2);
    }
    assertThat(host.ledger().authorizations()).hasSize(2);
  }

  @Test
  void garbageIsAWellFramedBodyThatDoesNotDecodeAndTheConnectionStaysUsable() throws Exception {
    host.faults().next(Fault.GARBAGE);

    terminal.send(requests.preAuth(TEST_PAN, 1_000));
    byte[] body = terminal.receiveBody();

    assertThat(body).isNotEmpty();
    assertThatThrownBy(() -> IsoCodec.of(HostProfile.CUP.spec()).decode(body))
        .isInstanceOf(IsoFormatException.class);
    assertThat(terminal.exchange(requests.echo()).mti()).isEqualTo("0830");
    assertThat(host.ledger().frozenTotal()).isEqualTo(1_000);
  }

  @Test
  void duplicateResponseArrivesTwice() throws Exception {
    host.faults().next(Fault.DUPLICATE_RESPONSE);

    DecodedMessage first = terminal.exchange(requests.preAuth(TEST_PAN, 1_000));
    DecodedMessage second = terminal.receive();

    assertThat(second.mti()).isEqualTo(first.mti());
    assertThat(second.readString(11)).isEqualTo(first.readString(11));
    assertThat(second.readString(38)).isEqualTo(first.readString(38));
    assertThat(host.ledger().authorizations()).hasSize(1);
  }

  @Test
  void wrongMacIsAMacThatDoesNotVerify() throws Exception {
    IsoMessage signed = terminal.sign(requests.preAuth(TEST_PAN, 1_000), false);
    terminal.send(signed);
    byte[] good = terminal.receiveBody();
    host.faults().next(Fault.WRONG_MAC);
    terminal.send(terminal.sign(requests.preAuth(TEST_PAN, 2_000), false));
    byte[] bad = terminal.receiveBody();
    IsoCodec codec = IsoCodec.of(HostProfile.CUP.spec());

    assertThat(terminal.macVerifies(codec.decode(good), good)).isTrue();
    DecodedMessage wrong = codec.decode(bad);
    assertThat(wrong.readString(39)).isEqualTo("00");
    assertThat(terminal.macVerifies(wrong, bad)).isFalse();
  }

  @Test
  void wrongMacIsAddedEvenWhenTheRequestCarriedNone() throws Exception {
    host.faults().next(Fault.WRONG_MAC);

    byte[] body = terminal.exchangeBody(requests.preAuth(TEST_PAN, 1_000));

    DecodedMessage answer = IsoCodec.of(HostProfile.CUP.spec()).decode(body);
    assertThat(answer.has(64)).isTrue();
    assertThat(terminal.macVerifies(answer, body)).isFalse();
  }

  @Test
  void ratesDrawFromTheSeededSourceAndCountWhatTheyHit() throws Exception {
    host.faults().inject(Fault.DUPLICATE_RESPONSE, 0.5);
    int duplicatesSeen = 0;
    String previous = "";

    for (int i = 0; i < 40; i++) {
      IsoMessage echo = requests.echo();
      terminal.send(echo);
      DecodedMessage answer = terminal.receive();
      if (answer.readString(11).equals(previous)) {
        duplicatesSeen++;
        answer = terminal.receive();
      }
      assertThat(answer.readString(11)).isEqualTo(echo.get(11).get());
      previous = answer.readString(11);
    }
    host.faults().clear();
    DecodedMessage last = terminal.exchange(requests.signOn());
    if (last.mti().equals("0830")) {
      duplicatesSeen++;
      last = terminal.receive();
    }

    assertThat(last.mti()).isEqualTo("0810");
    assertThat(host.faults().applied(Fault.DUPLICATE_RESPONSE))
        .isEqualTo(duplicatesSeen)
        .isBetween(5L, 35L);
  }
}
