package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.Requests.TEST_PAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.functional.Requests.Ref;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ISO 87 profiles (binary with a 2-byte length, ASCII with a 4-digit length): network
 * management through field 70, the generic escrow mapping with captures in parts, original data
 * elements in field 90, and the ANSI X9.19 MAC in field 64 or 128.
 */
class Iso87MessagesTest {

  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void networkManagementEchoesField70And7(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      DecodedMessage signOn = s.terminal.exchange(s.requests.signOn());
      DecodedMessage echo = s.terminal.exchange(s.requests.echo());

      assertThat(signOn.mti()).isEqualTo("0810");
      assertThat(signOn.readString(70)).isEqualTo("001");
      assertThat(signOn.readString(7)).isEqualTo("0115101530");
      assertThat(signOn.readString(39)).isEqualTo("00");
      assertThat(echo.readString(70)).isEqualTo("301");
      assertThat(echo.readString(39)).isEqualTo("00");
    }
  }

  /** Fields 12 and 13 are the terminal's, when the transaction took place: the answer echoes. */
  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void theAnswerEchoesTheRequestsLocalTimeAndDate(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage preAuth =
          s.requests.preAuth(TEST_PAN, 1_000).toBuilder().set(12, "235959").set(13, "1231").build();

      DecodedMessage held = s.terminal.exchange(preAuth);

      assertThat(held.readString(39)).isEqualTo("00");
      assertThat(held.readString(12)).isEqualTo("235959");
      assertThat(held.readString(13)).isEqualTo("1231");
    }
  }

  /**
   * A character field 49 (an3) may not hold, as a client's bytes can carry: decoding reads text as
   * it is, but the host could not echo it. The request is refused as malformed (30), the field
   * left out of the answer, nothing booked, and the connection serves the next request.
   */
  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void aRequestWithAFieldTheHostCannotEchoIsRefusedAndBooksNothing(HostProfile profile)
      throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage preAuth = s.requests.preAuth(TEST_PAN, 1_000);
      byte[] frame = s.terminal.frameOf(preAuth);
      frame[s.terminal.valueOffset(frame, 49) + 2] = '$'; // "156" becomes "15$"

      s.terminal.sendFrame(frame);
      DecodedMessage refused = s.terminal.receive();

      assertThat(refused.mti()).isEqualTo("0110");
      assertThat(refused.readString(39)).isEqualTo("30");
      assertThat(refused.has(49)).isFalse();
      assertThat(refused.readString(11)).isEqualTo(preAuth.get(11).get());
      assertThat(s.host.ledger().authorizations()).isEmpty();
      assertThat(s.exchange(s.requests.preAuth(TEST_PAN, 1_000)).readString(39)).isEqualTo("00");
      assertThat(s.host.ledger().authorizations()).hasSize(1);
    }
  }

  /**
   * A field the host cannot echo, under a MAC: a wrong MAC is a security violation first (63,
   * unsigned), as for any request; one that verifies gets the format error signed.
   */
  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void aFieldTheHostCannotEchoIsAMacRefusalUnderAWrongMacAndSignedUnderARightOne(
      HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      for (boolean corrupt : new boolean[] {true, false}) {
        IsoMessage preAuth = s.terminal.sign(s.requests.preAuth(TEST_PAN, 1_000), false);
        byte[] frame = s.terminal.frameOf(preAuth);
        frame[s.terminal.valueOffset(frame, 49) + 2] = '$';
        s.terminal.resign(frame, corrupt);

        s.terminal.sendFrame(frame);
        byte[] body = s.terminal.receiveBody();
        DecodedMessage answer = IsoCodec.of(profile.spec()).decode(body);

        assertThat(answer.readString(39)).isEqualTo(corrupt ? "63" : "30");
        assertThat(answer.has(64)).isEqualTo(!corrupt);
        if (!corrupt) {
          assertThat(s.terminal.macVerifies(answer, body)).isTrue();
        }
      }
      assertThat(s.host.ledger().authorizations()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void holdIsCapturedInPartsUpToTheHeldAmount(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      Ref hold = s.approved(s.requests.preAuth(TEST_PAN, 10_000));

      DecodedMessage first = s.terminal.exchange(s.requests.completion(TEST_PAN, 4_000, hold));
      assertThat(first.mti()).isEqualTo("0210");
      assertThat(first.readString(39)).isEqualTo("00");
      assertThat(s.auth(hold).frozen()).isEqualTo(6_000);
      assertThat(s.auth(hold).status()).isEqualTo(AuthorizationStatus.HELD);
      assertThat(s.terminal.exchange(s.requests.completion(TEST_PAN, 6_001, hold)).readString(39))
          .isEqualTo("13");
      assertThat(s.terminal.exchange(s.requests.completion(TEST_PAN, 6_000, hold)).readString(39))
          .isEqualTo("00");

      assertThat(s.auth(hold).captured()).isEqualTo(10_000);
      assertThat(s.auth(hold).status()).isEqualTo(AuthorizationStatus.COMPLETED);
      assertThat(s.terminal.exchange(s.requests.completion(TEST_PAN, 100, hold)).readString(39))
          .isEqualTo("22");
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void cancelAfterAPartialCaptureReleasesTheRemainder(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      Ref hold = s.approved(s.requests.preAuth(TEST_PAN, 10_000));
      s.terminal.exchange(s.requests.completion(TEST_PAN, 4_000, hold));

      DecodedMessage answer = s.terminal.exchange(s.requests.cancel(TEST_PAN, 6_000, hold));

      assertThat(answer.mti()).isEqualTo("0110");
      assertThat(answer.readString(39)).isEqualTo("00");
      assertThat(s.auth(hold).frozen()).isZero();
      assertThat(s.auth(hold).captured()).isEqualTo(4_000);
      assertThat(s.host.ledger().frozenTotal()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void voidAndRefundAre0200WithProcessingCode20(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      Ref hold = s.approved(s.requests.preAuth(TEST_PAN, 10_000));
      Ref partial = s.approved(s.requests.completion(TEST_PAN, 3_000, hold));
      Ref rest = s.approved(s.requests.completion(TEST_PAN, 7_000, hold));

      DecodedMessage voided =
          s.terminal.exchange(s.requests.voidCompletion(TEST_PAN, 3_000, partial));
      DecodedMessage refund = s.terminal.exchange(s.requests.refund(TEST_PAN, 2_000, rest));

      assertThat(voided.mti()).isEqualTo("0210");
      assertThat(voided.readString(39)).isEqualTo("00");
      assertThat(refund.mti()).isEqualTo("0210");
      assertThat(refund.readString(39)).isEqualTo("00");
      Authorization after = s.auth(hold);
      assertThat(after.captured()).isEqualTo(7_000);
      assertThat(after.frozen()).isEqualTo(3_000);
      assertThat(after.refunded()).isEqualTo(2_000);
      assertThat(after.status()).isEqualTo(AuthorizationStatus.HELD);
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void macInField64AndInField128WithTheSecondaryBitmap(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage preAuth = s.terminal.sign(s.requests.preAuth(TEST_PAN, 5_000), false);
      s.terminal.send(preAuth);
      byte[] answer = s.terminal.receiveBody();
      IsoMessage reversal = s.terminal.sign(s.requests.reversal(preAuth, "98"), false);
      s.terminal.send(reversal);
      byte[] reversed = s.terminal.receiveBody();

      IsoCodec codec = IsoCodec.of(profile.spec());
      DecodedMessage held = codec.decode(answer);
      assertThat(held.readString(39)).isEqualTo("00");
      assertThat(held.has(64)).isTrue();
      assertThat(s.terminal.macVerifies(held, answer)).isTrue();
      DecodedMessage undone = codec.decode(reversed);
      assertThat(reversal.has(128)).isTrue();
      assertThat(undone.readString(39)).isEqualTo("00");
      assertThat(undone.has(128)).isTrue();
      assertThat(undone.has(64)).isFalse();
      assertThat(s.terminal.macVerifies(undone, reversed)).isTrue();
      assertThat(s.host.ledger().frozenTotal()).isZero();
    }
  }
}
