package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.Requests.OTHER_TEST_PAN;
import static io.escrowkit.simulator.functional.Requests.TEST_PAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.functional.Requests.Ref;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a standard ISO 8583 client sends that is not the SDK's escrow mapping, or does not match
 * what it names, gets a code that says so, and the books do not move: a sale, network management
 * codes other than sign-on, sign-off and echo, messages that are not requests, follow-ups and
 * reversals in another currency, for another amount or card, partial reversals, and the void of a
 * completion already refunded.
 */
class StandardClientAnswersTest {

  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void aSaleIsNotOfferedAndNotTakenForACompletion(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage sale = s.requests.base("0200")
          .set(2, TEST_PAN).set(3, "000000").set(4, 5_000L).set(25, "00").set(49, "156").build();
      IsoMessage saleAdvice = sale.toBuilder().mti("0220").set(11, s.requests.nextStan()).build();

      assertThat(s.terminal.exchange(sale).readString(39)).isEqualTo("40");
      assertThat(s.terminal.exchange(saleAdvice).readString(39)).isEqualTo("40");
      assertThat(s.host.ledger().postings()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void signOffIsApprovedAndOtherNetworkCodesAreNotOffered(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      DecodedMessage signOff = s.terminal.exchange(s.requests.base("0800").set(70, "002").build());
      DecodedMessage keyChange =
          s.terminal.exchange(s.requests.base("0800").set(70, "161").build());

      assertThat(signOff.mti()).isEqualTo("0810");
      assertThat(signOff.readString(70)).isEqualTo("002");
      assertThat(signOff.readString(39)).isEqualTo("00");
      assertThat(keyChange.mti()).isEqualTo("0810");
      assertThat(keyChange.readString(39)).isEqualTo("40");
    }
  }

  @Test
  void unionPayNetworkManagementIsReadFromSixtyThree() throws Exception {
    try (Session s = Session.start(HostProfile.CUP)) {
      String batch = Requests.BATCH;
      DecodedMessage signOn = s.exchange(s.requests.base("0800")
          .setSubfields(60, "00", batch, "004").build());
      DecodedMessage parameters = s.exchange(s.requests.base("0800")
          .setSubfields(60, "00", batch, "380").build());
      DecodedMessage signOff = s.exchange(s.requests.base("0820")
          .setSubfields(60, "00", batch, "002").build());
      DecodedMessage echo = s.exchange(s.requests.echo());
      DecodedMessage saleCode = s.exchange(s.requests.base("0800")
          .setSubfields(60, "22", batch, "003").build());

      assertThat(signOn.readString(39)).isEqualTo("00");
      assertThat(parameters.mti()).isEqualTo("0810");
      assertThat(parameters.readString(39)).isEqualTo("40");
      assertThat(signOff.mti()).isEqualTo("0830");
      assertThat(signOff.readString(39)).isEqualTo("00");
      assertThat(echo.readString(39)).isEqualTo("00");
      assertThat(saleCode.readString(39)).isEqualTo("12");
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"CUP", "ISO87_BINARY", "ISO87_ASCII"})
  void aRefundedCompletionCannotBeVoided(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      Ref hold = s.approved(s.requests.preAuth(TEST_PAN, 10_000));
      Ref completion = s.approved(s.requests.completion(TEST_PAN, 10_000, hold));
      s.approved(s.requests.refund(TEST_PAN, 10_000, completion));

      DecodedMessage voided =
          s.exchange(s.requests.voidCompletion(TEST_PAN, 10_000, completion));

      assertThat(voided.readString(39)).isEqualTo("12");
      assertThat(s.auth(hold).captured()).isEqualTo(10_000);
      assertThat(s.auth(hold).refunded()).isEqualTo(10_000);
      assertThat(s.auth(hold).frozen()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"CUP", "ISO87_BINARY", "ISO87_ASCII"})
  void aMessageThatIsNotARequestIsNotAnsweredAndTheConnectionGoesOn(HostProfile profile)
      throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage response = s.requests.preAuth(TEST_PAN, 5_000).toBuilder().mti("0110").build();
      IsoMessage reserved = s.requests.preAuth(TEST_PAN, 5_000).toBuilder().mti("0190").build();
      IsoMessage echo = s.requests.echo();

      s.terminal.send(response);
      s.terminal.send(reserved);
      DecodedMessage first = s.terminal.exchange(echo);

      assertThat(first.readString(11)).isEqualTo(echo.get(11).get());
      assertThat(first.readString(39)).isEqualTo("00");
      assertThat(s.host.ledger().postings()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"CUP", "ISO87_BINARY", "ISO87_ASCII"})
  void aCompletionInAnotherCurrencyIsRefused(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      Ref hold = s.approved(s.requests.preAuth(TEST_PAN, 10_000));
      IsoMessage inDollars =
          s.requests.completion(TEST_PAN, 10_000, hold).toBuilder().set(49, "840").build();

      assertThat(s.terminal.exchangeSigned(inDollars).readString(39)).isEqualTo("12");
      assertThat(s.auth(hold).frozen()).isEqualTo(10_000);
      assertThat(s.auth(hold).captured()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"CUP", "ISO87_BINARY", "ISO87_ASCII"})
  void aReversalThatDoesNotMatchItsOriginalUndoesNothing(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage preAuth = s.requests.preAuth(TEST_PAN, 7_000);
      Ref hold = s.approved(preAuth);
      IsoMessage reversal = s.requests.reversal(preAuth, "98");

      DecodedMessage otherAmount =
          s.terminal.exchangeSigned(reversal.toBuilder().set(4, 5_000L).build());
      DecodedMessage otherCard =
          s.terminal.exchangeSigned(reversal.toBuilder().set(2, OTHER_TEST_PAN).build());
      DecodedMessage otherCurrency =
          s.terminal.exchangeSigned(reversal.toBuilder().set(49, "840").build());

      assertThat(otherAmount.readString(39)).isEqualTo("13");
      assertThat(otherCard.readString(39)).isEqualTo("12");
      assertThat(otherCurrency.readString(39)).isEqualTo("12");
      assertThat(s.auth(hold).frozen()).isEqualTo(7_000);
      assertThat(s.auth(hold).status()).isEqualTo(AuthorizationStatus.HELD);

      assertThat(s.terminal.exchangeSigned(reversal).readString(39)).isEqualTo("00");
      assertThat(s.auth(hold).status()).isEqualTo(AuthorizationStatus.REVERSED);
      assertThat(s.host.ledger().frozenTotal()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void aPartialReversalIsRefusedRatherThanTakenForAWholeOne(HostProfile profile)
      throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage preAuth = s.requests.preAuth(TEST_PAN, 7_000);
      Ref hold = s.approved(preAuth);
      String fiftyLeft = String.format("%012d%012d%s%s", 5_000, 0, "C00000000", "C00000000");
      IsoMessage partial = s.requests.reversal(preAuth, "98").toBuilder().set(95, fiftyLeft).build();

      IsoMessage notAnAmount = s.requests.reversal(preAuth, "98").toBuilder()
          .set(95, "ABC").build();

      assertThat(s.terminal.exchangeSigned(partial).readString(39)).isEqualTo("12");
      assertThat(s.terminal.exchangeSigned(notAnAmount).readString(39)).isEqualTo("12");
      assertThat(s.auth(hold).frozen()).isEqualTo(7_000);
      assertThat(s.auth(hold).status()).isEqualTo(AuthorizationStatus.HELD);
    }
  }

  /**
   * ISO 87 request repeats (0101, 0201), sent when the answer to a request never came: one whose
   * request the books hold is answered as it was and not applied again; one whose request never
   * arrived runs as the request.
   */
  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void aRequestRepeatIsAnsweredAsItsRequestWasAndAppliedOnce(HostProfile profile)
      throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage preAuth = s.requests.preAuth(TEST_PAN, 8_000);
      Ref hold = s.approved(preAuth);
      IsoMessage completion = s.requests.completion(TEST_PAN, 8_000, hold);
      DecodedMessage captured = s.terminal.exchangeSigned(completion);
      IsoMessage unseen = s.requests.preAuth(TEST_PAN, 3_000);

      DecodedMessage heldAgain = s.terminal.exchange(preAuth.toBuilder().mti("0101").build());
      DecodedMessage capturedAgain =
          s.terminal.exchangeSigned(completion.toBuilder().mti("0201").build());
      DecodedMessage firstSeen = s.terminal.exchange(unseen.toBuilder().mti("0101").build());

      assertThat(heldAgain.mti()).isEqualTo("0110");
      assertThat(heldAgain.readString(39)).isEqualTo("00");
      assertThat(heldAgain.readString(38)).isEqualTo(hold.authCode());
      assertThat(capturedAgain.mti()).isEqualTo("0210");
      assertThat(capturedAgain.readString(39)).isEqualTo("00");
      assertThat(capturedAgain.readString(37)).isEqualTo(captured.readString(37));
      assertThat(s.auth(hold).captured()).isEqualTo(8_000);
      assertThat(firstSeen.readString(39)).isEqualTo("00");
      assertThat(s.host.ledger().authorizations()).hasSize(2);
      assertThat(s.host.ledger().capturedTotal()).isEqualTo(8_000);
      assertThat(s.host.ledger().frozenTotal()).isEqualTo(3_000);
    }
  }
}
