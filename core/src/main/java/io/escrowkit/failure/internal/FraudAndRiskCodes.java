package io.escrowkit.failure.internal;

import static io.escrowkit.failure.FailureCategory.RISK_COMPLIANCE;
import static io.escrowkit.failure.FailureCategory.SUSPECTED_FRAUD;
import static io.escrowkit.failure.internal.CatalogBuilder.text;
import static io.escrowkit.failure.internal.SharedRemedies.CALL_ACQUIRER;
import static io.escrowkit.failure.internal.SharedRemedies.KEEP_CARD;

/**
 * Declines for suspected fraud (lost, stolen, pick-up cards) and for risk and compliance rules.
 * None is retryable: repeating a fraud decline only helps a fraudster probe the card. Stateless and
 * threadsafe.
 *
 * <p>{@code 03} and {@code 58} are risk and compliance rather than issuer declines: UnionPay uses
 * {@code 03} for a merchant whose category code is abnormal, barred for this card, or blacklisted,
 * and {@code 58} for a card or transaction type barred at this kind of terminal (or a terminal that
 * differs from the original's). Both restrict where the card may be used (this merchant category,
 * this terminal), whoever set the rule; neither judges the cardholder's funds or standing, and the
 * fix lies in the merchant's set-up or another card, not in the cardholder calling their bank.
 */
final class FraudAndRiskCodes {

  private FraudAndRiskCodes() {}

  static void addTo(CatalogBuilder catalog) {
    catalog
        .decline("04", SUSPECTED_FRAUD, text("Pick up card", "没收卡"), KEEP_CARD)
        .decline(
            "07", SUSPECTED_FRAUD, text("Pick up card, special condition", "特殊条件下没收卡"), KEEP_CARD)
        .decline(
            "34", SUSPECTED_FRAUD, text("Suspected fraud (pick up card)", "有作弊嫌疑（没收卡）"), KEEP_CARD)
        .decline(
            "35",
            SUSPECTED_FRAUD,
            text("Card acceptor contact acquirer (pick up card)", "受卡方与收单行联系（没收卡）"),
            KEEP_CARD)
        .decline(
            "36", SUSPECTED_FRAUD, text("Restricted card (pick up card)", "受限制的卡（没收卡）"), KEEP_CARD)
        .decline(
            "37",
            SUSPECTED_FRAUD,
            text("Card acceptor call acquirer security (pick up card)", "受卡方电话通知收单行安全部门（没收卡）"),
            KEEP_CARD)
        .decline("41", SUSPECTED_FRAUD, text("Lost card (pick up card)", "挂失卡（没收卡）"), KEEP_CARD)
        .decline("43", SUSPECTED_FRAUD, text("Stolen card (pick up card)", "被窃卡（没收卡）"), KEEP_CARD)
        .decline(
            "59",
            SUSPECTED_FRAUD,
            text(
                "Suspected fraud (UnionPay: card verification value check failed)",
                "有作弊嫌疑（银联：卡片校验值CVN验证失败）"),
            text(
                "Do not retry this card. Follow merchant policy for suspected fraud and ask for"
                    + " another payment method.",
                "请勿重试此卡，请按商户风险处理规定办理，并请持卡人改用其他支付方式"))
        .decline(
            "66",
            SUSPECTED_FRAUD,
            text("Card acceptor call acquirer's security department", "受卡方呼收单行安全保密部门"),
            text(
                "Do not retry. Call the acquirer's security department before going on, and"
                    + " follow their instructions.",
                "请勿重试，请先致电收单机构安全部门，并按其指示处理"))
        .decline("67", SUSPECTED_FRAUD, text("Hard capture (pick up card)", "捕捉（没收卡）"), KEEP_CARD)
        .decline(
            "03",
            RISK_COMPLIANCE,
            text("Invalid merchant", "无效商户"),
            text(
                "This merchant is not set up, or not allowed, for this card at the acquirer:"
                    + " do not retry; call the acquirer's helpdesk.",
                "商户无效或该卡不能在本类商户使用，请勿重试，请联系收单机构客服"))
        .decline(
            "58",
            RISK_COMPLIANCE,
            text("Transaction not permitted to terminal", "不允许终端进行的交易"),
            text(
                "This card or transaction is not allowed on this terminal (for example"
                    + " pre-authorization is not enabled for this merchant). A completion or"
                    + " cancel must use the terminal of the original hold. Otherwise ask for"
                    + " another card, or ask the acquirer to enable the transaction.",
                "该卡或该交易不允许在本终端进行（如本商户未开通预授权）；预授权完成或撤销须在原终端办理；" + "否则请持卡人更换其他卡片，或联系收单机构开通该交易"))
        .decline("63", RISK_COMPLIANCE, text("Security violation", "违反安全保密规定"), CALL_ACQUIRER)
        .decline(
            "93",
            RISK_COMPLIANCE,
            text("Transaction cannot be completed: violation of law", "交易违法、不能完成"),
            text(
                "This transaction cannot be completed for legal reasons: do not retry, and"
                    + " tell your supervisor.",
                "交易违反相关规定，不能完成，请勿重试并报告主管"));
  }
}
