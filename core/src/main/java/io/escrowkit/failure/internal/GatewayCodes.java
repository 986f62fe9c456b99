package io.escrowkit.failure.internal;

import static io.escrowkit.failure.FailureCategory.ACQUIRER_GATEWAY;
import static io.escrowkit.failure.internal.CatalogBuilder.text;
import static io.escrowkit.failure.internal.SharedRemedies.ANOTHER_CARD;
import static io.escrowkit.failure.internal.SharedRemedies.CALL_ACQUIRER;
import static io.escrowkit.failure.internal.SharedRemedies.CALL_BANK_OR_ANOTHER_CARD;
import static io.escrowkit.failure.internal.SharedRemedies.RETRY_LATER;

/**
 * Failures of the acquirer, the switch (UnionPay) or the issuer's host: unavailable, timed out,
 * unreachable, not set up. The outages ({@code 68}, {@code 90}, {@code 91}, {@code 92}, {@code 96},
 * {@code 98}) are retryable: they are answers, so the attempt is declined and nothing is reversed;
 * set-up problems are not retryable. Stateless and threadsafe.
 */
final class GatewayCodes {

  private GatewayCodes() {}

  static void addTo(CatalogBuilder catalog) {
    catalog
        .decline(
            "06",
            ACQUIRER_GATEWAY,
            text("Error (at the card's bank)", "出错（发卡行故障）"),
            CALL_BANK_OR_ANOTHER_CARD)
        .retryableDecline(
            "09",
            ACQUIRER_GATEWAY,
            text("Request in progress", "请求正在处理中"),
            text(
                "The bank is still processing an earlier request: wait a moment, check that"
                    + " transaction's result, and only then try again.",
                "上一笔请求仍在处理中，请稍候查询交易结果，确认未成功后再重试"))
        .decline(
            "15",
            ACQUIRER_GATEWAY,
            text("No such issuer", "无此发卡方"),
            text(
                "No bank is found for this card number: check the card was read correctly;"
                    + " otherwise ask for another card.",
                "此卡无对应发卡方，请确认卡片读取无误，否则请持卡人更换其他卡片"))
        .retryableDecline(
            "19",
            ACQUIRER_GATEWAY,
            text("Re-enter transaction", "重新送入交易"),
            text("Start the transaction again: re-insert or swipe the card.", "请重新插卡或刷卡，再次发起交易"))
        .decline(
            "23", ACQUIRER_GATEWAY, text("Unacceptable transaction fee", "不可接受的交易费"), CALL_ACQUIRER)
        .decline(
            "31",
            ACQUIRER_GATEWAY,
            text("Bank not supported by switch", "交换中心不支持的银行"),
            ANOTHER_CARD)
        .decline(
            "60",
            ACQUIRER_GATEWAY,
            text("Card acceptor contact acquirer", "受卡方与收单行联系"),
            CALL_ACQUIRER)
        .retryableDecline(
            "68",
            ACQUIRER_GATEWAY,
            text("Response received too late (the card's bank timed out)", "发卡行响应超时"),
            RETRY_LATER)
        .retryableDecline(
            "90",
            ACQUIRER_GATEWAY,
            text("Cutoff in progress (the network is changing business day)", "正在日终处理（日期切换）"),
            text(
                "The network is switching to the next business day: wait a few minutes and try"
                    + " again.",
                "系统日切中，请稍等几分钟后重试"))
        .retryableDecline(
            "91",
            ACQUIRER_GATEWAY,
            text("Issuer or switch inoperative", "发卡方或交换中心不能操作"),
            RETRY_LATER)
        .retryableDecline(
            "92",
            ACQUIRER_GATEWAY,
            text(
                "Financial institution or intermediate network cannot be found or reached",
                "金融机构或中间网络设施找不到或无法达到"),
            RETRY_LATER)
        .decline(
            "95",
            ACQUIRER_GATEWAY,
            text("Reconcile error (totals do not agree)", "调节控制错（对账不平）"),
            text(
                "The terminal's totals do not agree with the acquirer's: do not repeat any"
                    + " transaction; settle again, and call the acquirer's helpdesk if it"
                    + " persists.",
                "与收单机构对账不平，请勿重复交易；请重新结算，如仍不平请联系收单机构客服"))
        .retryableDecline(
            "96",
            ACQUIRER_GATEWAY,
            text("System malfunction (UnionPay: switch system failure)", "银联处理中心系统异常、失效"),
            RETRY_LATER)
        .decline(
            "97",
            ACQUIRER_GATEWAY,
            text("Terminal ID not found (terminal not registered)", "终端号找不到（终端未登记）"),
            text(
                "The terminal is not registered with the acquirer: check the terminal and"
                    + " merchant numbers in the settings, then call the acquirer's helpdesk.",
                "终端未在收单机构登记，请核对终端号和商户号设置，并联系收单机构客服"))
        .retryableDecline(
            "98",
            ACQUIRER_GATEWAY,
            text(
                "Issuer response timed out: the switch got no answer from the card's bank",
                "银联处理中心收不到发卡方应答（发卡方超时）"),
            RETRY_LATER);
  }
}
