package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.Requests.TEST_PAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.functional.Requests.Ref;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reversals in every profile: they undo the original named by its trace (UnionPay: the repeated
 * field 11; ISO: field 90), once; unknown originals get 25.
 */
class ReversalsTest {

  private static String reversalMti(HostProfile profile) {
    return profile == HostProfile.CUP ? "0410" : "0430";
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void reversalOfAPreAuthorizationReleasesTheHold(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage preAuth = s.requests.preAuth(TEST_PAN, 8_800);
      Ref hold = s.approved(preAuth);

      DecodedMessage answer = s.terminal.exchange(s.requests.reversal(preAuth, "98"));

      assertThat(answer.mti()).isEqualTo(reversalMti(profile));
      assertThat(answer.readString(39)).isEqualTo("00");
      assertThat(answer.readString(11))
          .isEqualTo(profile == HostProfile.CUP ? hold.stan() : answer.readString(11));
      Authorization auth = s.auth(hold);
      assertThat(auth.status()).isEqualTo(AuthorizationStatus.REVERSED);
      assertThat(s.host.ledger().frozenTotal()).isZero();
      assertThat(s.host.ledger().reversalsApplied()).isEqualTo(1);
      assertThat(s.host.ledger().postings().get(0).reversed()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void duplicateReversalIsAcknowledgedWithoutASecondUndo(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      Ref hold = s.approved(s.requests.preAuth(TEST_PAN, 10_000));
      IsoMessage completion = s.requests.completion(TEST_PAN, 9_000, hold);
      s.terminal.exchange(completion);
      IsoMessage reversal = s.requests.reversal(completion, "98");

      DecodedMessage first = s.terminal.exchange(reversal);
      DecodedMessage repeat =
          s.terminal.exchange(
              reversal.toBuilder().mti(profile == HostProfile.CUP ? "0400" : "0421").build());

      assertThat(first.readString(39)).isEqualTo("00");
      assertThat(repeat.readString(39)).isEqualTo("00");
      assertThat(s.host.ledger().reversalsApplied()).isEqualTo(1);
      assertThat(s.host.ledger().duplicateReversals()).isEqualTo(1);
      Authorization auth = s.auth(hold);
      assertThat(auth.captured()).isZero();
      assertThat(auth.frozen()).isEqualTo(10_000);
      assertThat(auth.status()).isEqualTo(AuthorizationStatus.HELD);
    }
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void originalArrivingAfterItsReversalIsRefused94AndNotBooked(HostProfile profile)
      throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage late = s.requests.preAuth(TEST_PAN, 5_000);

      DecodedMessage reversal = s.terminal.exchange(s.requests.reversal(late, "98"));
      DecodedMessage original = s.terminal.exchange(late);
      DecodedMessage again = s.terminal.exchange(s.requests.preAuth(TEST_PAN, 5_000));

      assertThat(reversal.readString(39)).isEqualTo("25");
      assertThat(original.readString(39)).isEqualTo("94");
      assertThat(again.readString(39)).isEqualTo("00");
      assertThat(s.host.ledger().authorizations()).hasSize(1);
      assertThat(s.host.ledger().frozenTotal()).isEqualTo(5_000);
    }
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void reversalOfSomethingNeverSeenIsAnswered25(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage neverSent = s.requests.preAuth(TEST_PAN, 5_000);

      DecodedMessage answer = s.terminal.exchange(s.requests.reversal(neverSent, "98"));

      assertThat(answer.readString(39)).isEqualTo("25");
      assertThat(s.host.ledger().unknownReversals()).isEqualTo(1);
      assertThat(s.host.ledger().reversalsApplied()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void reversalOfACancelRestoresTheHold(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      Ref hold = s.approved(s.requests.preAuth(TEST_PAN, 7_000));
      IsoMessage cancel = s.requests.cancel(TEST_PAN, 7_000, hold);
      s.terminal.exchange(cancel);

      assertThat(s.terminal.exchange(s.requests.reversal(cancel, "96")).readString(39))
          .isEqualTo("00");

      Authorization auth = s.auth(hold);
      assertThat(auth.status()).isEqualTo(AuthorizationStatus.HELD);
      assertThat(s.host.ledger().frozenTotal()).isEqualTo(7_000);
    }
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void reversalOfAVoidPutsTheCaptureBack(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      Ref hold = s.approved(s.requests.preAuth(TEST_PAN, 7_000));
      Ref completion = s.approved(s.requests.completion(TEST_PAN, 7_000, hold));
      IsoMessage voidRequest = s.requests.voidCompletion(TEST_PAN, 7_000, completion);
      assertThat(s.terminal.exchange(voidRequest).readString(39)).isEqualTo("00");

      assertThat(s.terminal.exchange(s.requests.reversal(voidRequest, "98")).readString(39))
          .isEqualTo("00");

      Authorization auth = s.auth(hold);
      assertThat(auth.status()).isEqualTo(AuthorizationStatus.COMPLETED);
      assertThat(auth.captured()).isEqualTo(7_000);
      assertThat(s.host.ledger().frozenTotal()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void reversalUnderALaterRequestIsRefused12(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage preAuth = s.requests.preAuth(TEST_PAN, 7_000);
      Ref hold = s.approved(preAuth);
      s.terminal.exchange(s.requests.completion(TEST_PAN, 7_000, hold));

      assertThat(s.terminal.exchange(s.requests.reversal(preAuth, "98")).readString(39))
          .isEqualTo("12");
      assertThat(s.host.ledger().capturedTotal()).isEqualTo(7_000);
    }
  }
}
