package io.escrowkit.failure.internal;

import static io.escrowkit.failure.internal.FailureWording.finalFailure;

import java.util.HashMap;
import java.util.Map;

/**
 * Wording for refusals by the SDK's own risk rules, by reason code, with a generic fallback. No
 * risk refusal is retryable: the rule will refuse the same request again. Immutable and threadsafe.
 */
public final class RiskRefusalTexts {

  private static final FailureWording GENERIC =
      finalFailure(
          "Refused by risk control",
          "风控规则拒绝",
          "Refused by the merchant's risk rules: do not retry; ask for another payment method or"
              + " call your supervisor.",
          "交易被风控规则拒绝，请勿重试，请顾客改用其他支付方式或联系主管");

  /** Wording by risk reason code, with a generic fallback. */
  public static final WordingTable BY_REASON = WordingTable.of(byReason(), GENERIC);

  private RiskRefusalTexts() {}

  private static Map<String, FailureWording> byReason() {
    Map<String, FailureWording> reasons = new HashMap<>();
    reasons.put(
        "MERCHANT_SUSPENDED",
        finalFailure(
            "Card payments are suspended for this merchant",
            "本商户银行卡收款已暂停",
            "Take no card payments: ask for another payment method, and tell your supervisor, who"
                + " should contact the acquirer.",
            "请暂停受理银行卡，请顾客改用其他支付方式，并报告主管联系收单机构"));
    reasons.put(
        "TRANSACTION_LIMIT",
        finalFailure(
            "Amount over the single-transaction limit",
            "超过单笔交易限额",
            "The amount is over this merchant's single-transaction limit: use a smaller amount and"
                + " take the rest another way.",
            "金额超过本商户单笔交易限额，请降低金额，差额请用其他方式支付"));
    reasons.put(
        "DAILY_LIMIT",
        finalFailure(
            "Daily limit reached",
            "已达当日交易限额",
            "Today's card limit for this merchant or terminal is used up: ask for another payment"
                + " method, or do it tomorrow.",
            "本商户（终端）当日银行卡交易额度已用完，请顾客改用其他支付方式，或次日再办理"));
    reasons.put(
        "VELOCITY",
        finalFailure(
            "Too many card transactions in a short time",
            "短时间内交易过于频繁",
            "Wait a few minutes before trying again, or ask for another payment method.",
            "请等待几分钟后再试，或请顾客改用其他支付方式"));
    reasons.put(
        "DUPLICATE",
        finalFailure(
            "Looks like a repeat of a recent transaction",
            "疑似重复交易",
            "Check the transaction list: the earlier transaction may have succeeded. Do not charge"
                + " the cardholder twice.",
            "疑似与近期交易重复，请先查询交易记录确认前一笔是否已成功，避免重复收款"));
    return reasons;
  }
}
