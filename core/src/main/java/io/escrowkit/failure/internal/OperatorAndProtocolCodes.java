package io.escrowkit.failure.internal;

import static io.escrowkit.failure.FailureCategory.OPERATOR;
import static io.escrowkit.failure.FailureCategory.PROTOCOL;
import static io.escrowkit.failure.internal.CatalogBuilder.text;
import static io.escrowkit.failure.internal.SharedRemedies.SIGN_ON_AND_RETRY;

/**
 * Declines the till can correct (PIN, amount, card, the original transaction's details) and
 * protocol failures between terminal and acquirer (format, MAC, PIN block, batch, duplicates). Key
 * problems ({@code 77}, {@code 99}, {@code A0}, {@code A7}) are retryable after signing on again,
 * which loads fresh working keys. Stateless and threadsafe.
 */
final class OperatorAndProtocolCodes {

  private OperatorAndProtocolCodes() {}

  static void addTo(CatalogBuilder catalog) {
    catalog
        .decline(
            "12",
            OPERATOR,
            text(
                "Invalid transaction (no valid original for this related transaction)",
                "无效交易（无效的关联交易）"),
            text(
                "This operation does not fit the original transaction (it was not approved, or"
                    + " this operation is not allowed on this day): check the original in the"
                    + " transaction list; do not repeat.",
                "该操作与原交易不符（原交易未成功，或不允许在当日办理），请在交易记录中核对原交易，勿重复操作"))
        .decline(
            "13",
            OPERATOR,
            text("Invalid amount", "无效金额"),
            text(
                "The amount is not valid (zero, too large, or a currency this card cannot use):"
                    + " re-enter the amount.",
                "交易金额无效（金额为零、超限或币种不支持），请重新输入金额"))
        .decline(
            "14",
            OPERATOR,
            text("Invalid card number (no such account)", "无效卡号（无此账号）"),
            text(
                "The card number is not valid: re-insert or swipe the card (check it if keyed"
                    + " in). A completion or cancel must use the card of the original hold."
                    + " Otherwise ask for another card.",
                "卡号无效：请重新插卡或刷卡（手工输入的请核对卡号）；预授权完成或撤销须使用原预授权卡片；" + "否则请持卡人更换其他卡片"))
        .decline(
            "22",
            OPERATOR,
            text(
                "Suspected malfunction: related transaction out of sequence (for example"
                    + " completing a cancelled hold, or past the allowed days)",
                "故障怀疑，关联交易错误（如预授权已撤销仍做完成，或超过允许天数）"),
            text(
                "The original pre-authorization was already completed, cancelled or reversed,"
                    + " or is past the allowed number of days: check its status in the"
                    + " transaction list; do not repeat.",
                "原预授权已完成、撤销或冲正，或已超过允许天数，请在交易记录中核实状态，勿重复操作"))
        .decline(
            "25",
            OPERATOR,
            text("Unable to locate original transaction", "找不到原始交易"),
            text(
                "The original transaction was not found: check its authorization code, date"
                    + " and card, and enter them again.",
                "找不到原始交易，请核对原交易的授权码、日期及卡号后重新输入"))
        .retryableDecline(
            "45",
            OPERATOR,
            text("Fallback not allowed: use the chip (UnionPay)", "不允许降级交易，请使用芯片"),
            text(
                "Insert the card in the chip reader instead of swiping it.",
                "请将卡片插入芯片读卡器进行交易，不要刷磁条"))
        .retryableDecline(
            "55",
            OPERATOR,
            text("Incorrect PIN", "密码错误"),
            text(
                "Wrong PIN: ask the cardholder to enter the PIN again, carefully; too many wrong"
                    + " tries lock the card.",
                "密码错误，请持卡人重新输入密码；多次输错将锁卡，请提醒持卡人谨慎输入"))
        .decline(
            "64",
            OPERATOR,
            text("Original amount incorrect", "原始金额错误"),
            text(
                "The amount does not match the original transaction: for a cancel, enter"
                    + " exactly the original pre-authorization amount.",
                "交易金额与原交易不匹配，撤销时请输入与原预授权完全一致的金额"))
        .decline(
            "20",
            PROTOCOL,
            text("Invalid response", "无效应答"),
            text(
                "The network's answer was not valid: check the transaction's result in the"
                    + " transaction list first, then call the acquirer's helpdesk.",
                "收到无效应答，请先在交易记录中查询交易结果，再联系收单机构客服"))
        .retryableDecline(
            "30",
            PROTOCOL,
            text("Format error", "报文格式错误"),
            text(
                "Message format error: try once more. If it fails again, sign the terminal on"
                    + " again or call the acquirer's helpdesk (the terminal may need new"
                    + " parameters).",
                "报文格式错误，请重试一次；如仍失败，请重新签到或联系收单机构客服（终端参数可能需要更新）"))
        .retryableDecline(
            "77",
            PROTOCOL,
            text(
                "Terminal batch out of step with the network centre: sign on again (UnionPay)",
                "POS批次与网络中心不一致，需重新签到"),
            SIGN_ON_AND_RETRY)
        .decline(
            "94",
            PROTOCOL,
            text("Duplicate transaction", "重复交易"),
            text(
                "Duplicate transaction: the earlier attempt may already have gone through."
                    + " Check the transaction list before trying again, so the cardholder is not"
                    + " charged twice.",
                "重复交易：之前的交易可能已经成功，请先查询交易记录确认，避免重复扣款"))
        .retryableDecline(
            "99", PROTOCOL, text("PIN block format error (UnionPay)", "PIN格式错"), SIGN_ON_AND_RETRY)
        .retryableDecline(
            "A0",
            PROTOCOL,
            text("MAC verification failed (UnionPay)", "MAC鉴别失败"),
            SIGN_ON_AND_RETRY)
        .retryableDecline(
            "A7",
            PROTOCOL,
            text(
                "Security processing failed: MAC, PIN or key handling (UnionPay)",
                "安全处理失败（MAC、PIN或密钥处理失败）"),
            SIGN_ON_AND_RETRY);
  }
}
