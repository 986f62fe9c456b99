package io.escrowkit.failure.internal;

import static io.escrowkit.failure.FailureCategory.ISSUER_DECLINE;
import static io.escrowkit.failure.internal.CatalogBuilder.text;
import static io.escrowkit.failure.internal.SharedRemedies.ANOTHER_CARD;
import static io.escrowkit.failure.internal.SharedRemedies.CALL_BANK_OR_ANOTHER_CARD;
import static io.escrowkit.failure.internal.SharedRemedies.PIN_LOCKED;

/**
 * Declines decided by the card's issuing bank: funds, limits, card and account status. None is
 * retryable unchanged; the remedy is another card, a smaller amount or a call to the bank.
 * Stateless and threadsafe.
 *
 * <p>{@code 57} (not permitted to cardholder) is here rather than under risk and compliance:
 * UnionPay defines it as the issuer refusing because of the cardholder's own credit and risk status
 * or card type, so the refusal is the issuer's and the till's remedy is the issuer-decline one
 * (another card, or ask the bank).
 */
final class IssuerDeclineCodes {

  private IssuerDeclineCodes() {}

  static void addTo(CatalogBuilder catalog) {
    catalog
        .decline(
            "01", ISSUER_DECLINE, text("Refer to card issuer", "查发卡方"), CALL_BANK_OR_ANOTHER_CARD)
        .decline(
            "02",
            ISSUER_DECLINE,
            text("Refer to card issuer's special condition", "查发卡方的特殊条件"),
            CALL_BANK_OR_ANOTHER_CARD)
        .decline(
            "05",
            ISSUER_DECLINE,
            text("Do not honour (UnionPay: cardholder verification failed)", "不予承兑（银联：持卡人身份认证失败）"),
            CALL_BANK_OR_ANOTHER_CARD)
        .decline(
            "21",
            ISSUER_DECLINE,
            text("Card not activated, or dormant (UnionPay)", "卡未初始化（未激活或睡眠卡）"),
            text(
                "The card is not activated or has been frozen as dormant: ask the cardholder to"
                    + " activate it at their bank, or to use another card.",
                "该卡未激活或为睡眠卡，请持卡人到发卡行办理激活，或更换其他卡片"))
        .decline(
            "33",
            ISSUER_DECLINE,
            text("Expired card (pick up)", "过期的卡（可没收）"),
            text(
                "The card has expired: ask for another card, and keep this one only if merchant"
                    + " policy says so.",
                "卡片已过期，请持卡人更换其他卡片；是否暂扣此卡请按商户规定办理"))
        .decline(
            "38",
            ISSUER_DECLINE,
            text("Allowable PIN tries exceeded (account locked)", "超过允许的PIN试输入次数（账户已锁定）"),
            PIN_LOCKED)
        .decline(
            "39", ISSUER_DECLINE, text("No credit account", "无贷记账户"), CALL_BANK_OR_ANOTHER_CARD)
        .decline(
            "40",
            ISSUER_DECLINE,
            text("Requested function not supported by the card's bank", "请求的功能尚不支持（发卡方不支持的交易）"),
            text(
                "The card's bank does not support this transaction on this card (some debit"
                    + " cards cannot do pre-authorization): ask for another card, or take a"
                    + " normal sale instead.",
                "发卡行不支持该卡办理此类交易（部分借记卡不支持预授权），请持卡人更换其他卡片，或改做普通消费"))
        .decline(
            "42", ISSUER_DECLINE, text("No universal account", "无通用账户"), CALL_BANK_OR_ANOTHER_CARD)
        .decline(
            "44", ISSUER_DECLINE, text("No investment account", "无投资账户"), CALL_BANK_OR_ANOTHER_CARD)
        .decline(
            "51",
            ISSUER_DECLINE,
            text("Not sufficient funds", "资金不足"),
            text(
                "Insufficient funds: ask for another card or a smaller amount.",
                "余额不足，请持卡人更换其他卡片或降低金额"))
        .decline(
            "52", ISSUER_DECLINE, text("No cheque account", "无支票账户"), CALL_BANK_OR_ANOTHER_CARD)
        .decline(
            "53", ISSUER_DECLINE, text("No savings account", "无储蓄账户"), CALL_BANK_OR_ANOTHER_CARD)
        .decline(
            "54",
            ISSUER_DECLINE,
            text("Expired card", "过期的卡"),
            text(
                "The card has expired or the expiry date is wrong: if it was keyed in, check"
                    + " the expiry date; otherwise ask for another card.",
                "卡片已过期或有效期有误：手工输入的请核对有效期，否则请持卡人更换其他卡片"))
        .decline("56", ISSUER_DECLINE, text("No card record", "无此卡记录"), CALL_BANK_OR_ANOTHER_CARD)
        .decline(
            "57",
            ISSUER_DECLINE,
            text("Transaction not permitted to cardholder", "不允许持卡人进行的交易"),
            text(
                "The card's bank does not allow this card to make this transaction: ask for"
                    + " another card; the cardholder can ask their bank why.",
                "发卡行不允许此卡进行该交易，请持卡人更换其他卡片，具体原因可咨询发卡行"))
        .decline(
            "61",
            ISSUER_DECLINE,
            text("Exceeds amount limit", "超出金额限制"),
            text(
                "The amount is over the card's limit: ask for another card or a smaller amount.",
                "交易金额超出卡片限额，请持卡人更换其他卡片或降低金额"))
        .decline(
            "62",
            ISSUER_DECLINE,
            text("Restricted card (for example not usable in this region)", "受限制的卡（如受理地区限制）"),
            ANOTHER_CARD)
        .decline(
            "65",
            ISSUER_DECLINE,
            text("Exceeds withdrawal or purchase frequency limit", "超出取款/消费次数限制"),
            text(
                "The card has used up the number of transactions it is allowed today: ask for"
                    + " another card.",
                "该卡已超出当日交易次数限制，请持卡人更换其他卡片"))
        .decline(
            "75",
            ISSUER_DECLINE,
            text("Allowable number of PIN tries exceeded", "允许的输入PIN次数超限"),
            PIN_LOCKED);
  }
}
