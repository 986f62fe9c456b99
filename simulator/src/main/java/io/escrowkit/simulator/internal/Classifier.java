package io.escrowkit.simulator.internal;

import static io.escrowkit.simulator.internal.TransactionType.COMPLETION;
import static io.escrowkit.simulator.internal.TransactionType.COMPLETION_ADVICE;
import static io.escrowkit.simulator.internal.TransactionType.COMPLETION_VOID;
import static io.escrowkit.simulator.internal.TransactionType.INCOMPLETE;
import static io.escrowkit.simulator.internal.TransactionType.INCONSISTENT;
import static io.escrowkit.simulator.internal.TransactionType.PRE_AUTH;
import static io.escrowkit.simulator.internal.TransactionType.PRE_AUTH_CANCEL;
import static io.escrowkit.simulator.internal.TransactionType.REFUND;
import static io.escrowkit.simulator.internal.TransactionType.UNSUPPORTED;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a request asks. UnionPay requests are identified by field 60.1 and checked against MTI
 * and processing code (the 2002 "POS终端消息域说明" transaction table); ISO 87 requests, which have no
 * 60.1, by MTI, processing code and condition code (06, what follows a pre-authorization: with
 * 00xxxx a completion, with 20xxxx the void of one; a 20xxxx without it is a refund, a 00xxxx
 * without it a sale, not offered); network management by field 70 (ISO) or 60.3 (UnionPay).
 * Stateless.
 */
final class Classifier {

  /** A UnionPay transaction type code's expected MTI(s) and processing-code prefix. */
  private record CupType(TransactionType type, String mtis, String kind) {}

  private static final Map<String, CupType> CUP =
      Map.of(
          "10", new CupType(PRE_AUTH, "0100", "03"),
          "11", new CupType(PRE_AUTH_CANCEL, "0100", "20"),
          "20", new CupType(COMPLETION, "0200", "00"),
          "21", new CupType(COMPLETION_VOID, "0200", "20"),
          "24", new CupType(COMPLETION_ADVICE, "0220 0221", "00"),
          "25", new CupType(REFUND, "0220 0221", "20"));

  /** UnionPay 60.3 of a sign-on: the working keys asked for. */
  private static final Set<String> SIGN_ON_KEY_SCHEMES = Set.of("001", "003", "004");

  private Classifier() {}

  static TransactionType classify(RequestView r) {
    switch (r.mti) {
      case "0800":
      case "0820":
        return r.profile.hasTransactionTypeCode()
            ? unionPayNetworkManagement(r)
            : isoNetworkManagement(r);
      case "0400":
      case "0401":
      case "0420":
      case "0421":
        return r.profile.hasTransactionTypeCode() ? unionPayReversal(r) : TransactionType.REVERSAL;
      case "0100":
      case "0200":
      case "0220":
      case "0221":
        return r.profile.hasTransactionTypeCode() ? unionPay(r) : iso(r);
      case "0101":
      case "0201":
        // ISO request repeats (RequestRepeats); UnionPay POS repeats advices only.
        return r.profile.hasTransactionTypeCode() ? UNSUPPORTED : iso(r);
      default:
        return UNSUPPORTED;
    }
  }

  /** ISO 8583:1987 field 70: 001 sign-on, 002 sign-off, 301 echo; others are not offered. */
  private static TransactionType isoNetworkManagement(RequestView r) {
    Optional<String> code = r.get(70);
    if (code.isEmpty()) {
      return withoutCode(r);
    }
    switch (code.get()) {
      case "001":
        return TransactionType.SIGN_ON;
      case "002":
        return TransactionType.SIGN_OFF;
      case "301":
        return TransactionType.ECHO;
      default:
        return TransactionType.NETWORK_UNSUPPORTED;
    }
  }

  /**
   * UnionPay network management by MTI and 60.3 (60.1 must be 00): 0800 with 001, 003 or 004 (the
   * keys asked for) signs on; 0820 with 301 is the echo, with 002 the sign-off. Parameter, key
   * and file downloads (0800 with other codes) are not offered.
   */
  private static TransactionType unionPayNetworkManagement(RequestView r) {
    Optional<String> type = r.transactionTypeCode();
    if (type.isPresent() && !type.get().equals("00")) {
      return INCONSISTENT;
    }
    Optional<String> code = r.networkCode();
    if (code.isEmpty()) {
      return withoutCode(r);
    }
    if (r.mti.equals("0800")) {
      return SIGN_ON_KEY_SCHEMES.contains(code.get())
          ? TransactionType.SIGN_ON
          : TransactionType.NETWORK_UNSUPPORTED;
    }
    switch (code.get()) {
      case "301":
        return TransactionType.ECHO;
      case "002":
        return TransactionType.SIGN_OFF;
      default:
        return TransactionType.NETWORK_UNSUPPORTED;
    }
  }

  /** Network management that names no code, in either dialect: 0800 signs on, 0820 echoes. */
  private static TransactionType withoutCode(RequestView r) {
    return r.mti.equals("0800") ? TransactionType.SIGN_ON : TransactionType.ECHO;
  }

  private static TransactionType unionPay(RequestView r) {
    return checkedUnionPay(r, false);
  }

  /**
   * A UnionPay reversal repeats its original's F3 and 60.1, which must name a transaction the
   * profile offers and agree with each other, as for the original itself.
   */
  private static TransactionType unionPayReversal(RequestView r) {
    return checkedUnionPay(r, true);
  }

  /**
   * The transaction F3 and 60.1 name, when they agree with each other and (but for a reversal,
   * whose MTI is not its original's) with the MTI.
   */
  private static TransactionType checkedUnionPay(RequestView r, boolean reversal) {
    Optional<String> code = r.transactionTypeCode();
    if (code.isEmpty() || !r.has(3)) {
      return INCOMPLETE;
    }
    CupType named = CUP.get(code.get());
    if (named == null) {
      return UNSUPPORTED;
    }
    boolean mtiAgrees = reversal || named.mtis().contains(r.mti);
    if (!mtiAgrees || !named.kind().equals(r.transactionKind())) {
      return INCONSISTENT;
    }
    return reversal ? TransactionType.REVERSAL : named.type();
  }

  private static TransactionType iso(RequestView r) {
    String kind = r.transactionKind();
    if (kind.isEmpty()) {
      return INCOMPLETE;
    }
    boolean debit = kind.equals("00") || kind.equals("03");
    boolean credit = kind.equals("20");
    // Condition 06 ("preauthorized request") marks what follows a pre-authorization; a 0200 or
    // 0220 of goods without it is a sale, which the simulator does not offer.
    boolean preAuthorized = r.conditionCode().equals("06");
    switch (r.firstMti()) {
      case "0100":
        return debit ? PRE_AUTH : credit ? PRE_AUTH_CANCEL : UNSUPPORTED;
      case "0200":
        if (credit) {
          return preAuthorized ? COMPLETION_VOID : REFUND;
        }
        return kind.equals("00") && preAuthorized ? COMPLETION : UNSUPPORTED;
      default:
        if (kind.equals("00")) {
          return preAuthorized ? COMPLETION_ADVICE : UNSUPPORTED;
        }
        return credit ? REFUND : UNSUPPORTED;
    }
  }
}
