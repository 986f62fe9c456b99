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

/**
 * Reads what a request asks. UnionPay requests are identified by field 60.1 and checked against MTI
 * and processing code (the 2002 "POS终端消息域说明" transaction table); ISO 87 requests, which have no
 * 60.1, by MTI, processing code and, for 0200 20xxxx, the condition code (06 void of a completion,
 * else refund). Stateless.
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

  private Classifier() {}

  static TransactionType classify(RequestView r) {
    switch (r.mti) {
      case "0800":
        return r.get(70).filter("301"::equals).isPresent()
            ? TransactionType.ECHO
            : TransactionType.SIGN_ON;
      case "0820":
        return TransactionType.ECHO;
      case "0400":
      case "0401":
      case "0420":
      case "0421":
        return TransactionType.REVERSAL;
      case "0100":
      case "0200":
      case "0220":
      case "0221":
        return r.profile.hasTransactionTypeCode() ? unionPay(r) : iso(r);
      default:
        return UNSUPPORTED;
    }
  }

  private static TransactionType unionPay(RequestView r) {
    Optional<String> code = r.transactionTypeCode();
    if (code.isEmpty() || !r.has(3)) {
      return INCOMPLETE;
    }
    CupType expected = CUP.get(code.get());
    if (expected == null) {
      return UNSUPPORTED;
    }
    if (!expected.mtis().contains(r.mti) || !expected.kind().equals(r.transactionKind())) {
      return INCONSISTENT;
    }
    return expected.type();
  }

  private static TransactionType iso(RequestView r) {
    String kind = r.transactionKind();
    if (kind.isEmpty()) {
      return INCOMPLETE;
    }
    boolean debit = kind.equals("00") || kind.equals("03");
    boolean credit = kind.equals("20");
    switch (r.mti) {
      case "0100":
        return debit ? PRE_AUTH : credit ? PRE_AUTH_CANCEL : UNSUPPORTED;
      case "0200":
        if (credit) {
          return r.conditionCode().equals("06") ? COMPLETION_VOID : REFUND;
        }
        return kind.equals("00") ? COMPLETION : UNSUPPORTED;
      default:
        return kind.equals("00") ? COMPLETION_ADVICE : credit ? REFUND : UNSUPPORTED;
    }
  }
}
