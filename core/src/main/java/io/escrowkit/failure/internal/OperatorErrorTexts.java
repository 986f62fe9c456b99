package io.escrowkit.failure.internal;

import static io.escrowkit.failure.internal.FailureWording.finalFailure;

import java.util.HashMap;
import java.util.Map;

/**
 * Wording for operator errors the SDK detects before sending anything: wrong amount, wrong
 * operation for the transaction's state, windows that have passed. None is retryable unchanged.
 * Immutable and threadsafe.
 */
public final class OperatorErrorTexts {

  private static final FailureWording GENERIC =
      finalFailure(
          "Operation not allowed",
          "操作不允许",
          "Check the operation and the amount against the original transaction, then try again.",
          "请核对交易类型和金额是否与原交易相符后重试");

  /** Wording by operator error code, with a generic fallback. */
  public static final WordingTable BY_CODE = WordingTable.of(byCode(), GENERIC);

  private OperatorErrorTexts() {}

  private static Map<String, FailureWording> byCode() {
    Map<String, FailureWording> codes = new HashMap<>();
    codes.put(
        "CAPTURE_OVER_TOLERANCE",
        finalFailure(
            "Completion amount above what the pre-authorization allows",
            "预授权完成金额超出允许范围",
            "The completion amount is more than the hold allows: complete for at most the allowed"
                + " amount and collect the difference another way.",
            "完成金额超过预授权允许的范围，请按允许的最高金额完成，差额请用其他方式收取"));
    codes.put(
        "CAPTURE_NOT_ALLOWED",
        finalFailure(
            "This pre-authorization cannot be completed",
            "该预授权不能完成",
            "This hold cannot be completed (it was not approved, is already completed or cancelled,"
                + " or completion is not enabled for this merchant): check its status in the"
                + " transaction list.",
            "该预授权无法完成（未成功、已完成或已撤销，或本商户未开通预授权完成），请在交易记录中核实状态"));
    codes.put(
        "HOLD_EXPIRED",
        finalFailure(
            "The pre-authorization has expired",
            "预授权已过期",
            "The hold has expired and its funds were released: take a new pre-authorization or a"
                + " normal sale.",
            "该预授权已过有效期，冻结资金已释放，请重新做预授权或改做普通消费"));
    codes.put(
        "VOID_WINDOW_PASSED",
        finalFailure(
            "Too late to void",
            "已超过撤销期限",
            "It is too late to void this transaction: do a refund instead.",
            "已超过可撤销期限，请改做退货"));
    codes.put(
        "REFUND_OVER_CAPTURED",
        finalFailure(
            "Refund more than the amount captured",
            "退货金额超过可退金额",
            "The refund is more than what was captured minus earlier refunds: refund at most the"
                + " remaining amount.",
            "退货金额超过原交易可退金额（已完成金额减去已退金额），请按剩余可退金额办理"));
    codes.put(
        "WRONG_STATE",
        finalFailure(
            "Operation not allowed in the transaction's current state",
            "交易当前状态不允许此操作",
            "The transaction is already completed, cancelled or reversed, or still pending: refresh"
                + " it and check its status before choosing the operation.",
            "该交易已完成、撤销或冲正，或仍在处理中，请刷新并核实交易状态后再选择操作"));
    codes.put(
        "CURRENCY_MISMATCH",
        finalFailure(
            "Currency differs from the original transaction",
            "币种与原交易不一致",
            "Enter the amount in the currency of the original transaction.",
            "请按原交易币种输入金额"));
    return codes;
  }
}
