package io.escrowkit.failure.internal;

import static io.escrowkit.failure.internal.CatalogBuilder.text;

import io.escrowkit.failure.LocalizedText;

/**
 * Remedies that several response codes share, so the same situation reads the same way at the till.
 * Immutable and threadsafe.
 */
final class SharedRemedies {

  static final LocalizedText ANOTHER_CARD =
      text("Ask the cardholder for another card.", "请持卡人更换其他卡片");

  static final LocalizedText CALL_BANK_OR_ANOTHER_CARD =
      text(
          "Declined by the card's bank: ask the cardholder to call their bank (the number is on"
              + " the back of the card) or to use another card.",
          "发卡行拒绝，请持卡人致电发卡行（卡背面客服电话）咨询，或更换其他卡片");

  static final LocalizedText PIN_LOCKED =
      text(
          "Too many wrong PINs and the card is locked: do not retry. Ask for another card; the"
              + " cardholder must have the PIN unlocked at their bank.",
          "密码错误次数超限，卡片已锁定，请勿重试；请持卡人更换其他卡片，并到发卡行办理解锁");

  static final LocalizedText KEEP_CARD =
      text(
          "Do not retry. Keep the card if merchant policy says so, without confronting the"
              + " cardholder, and call the acquirer's helpdesk.",
          "请勿重试。请按商户规定暂扣此卡（切勿与持卡人发生冲突），并致电收单机构客服");

  static final LocalizedText CALL_ACQUIRER =
      text(
          "Do not retry. Note the response code and call the acquirer's helpdesk.",
          "请勿重试，请记下应答码并联系收单机构客服");

  static final LocalizedText RETRY_LATER =
      text(
          "The bank or the network is not answering: wait a moment and try again. If it keeps"
              + " failing, take another payment method.",
          "发卡行或银联系统暂时无法处理，请稍候重试；如持续失败，请改用其他支付方式");

  static final LocalizedText SIGN_ON_AND_RETRY =
      text(
          "The terminal must sign on again (this loads new working keys). The SDK's UnionPay"
              + " transport does it by itself after an A0 or 77; otherwise sign on from the"
              + " terminal's menu. Then retry. If it fails again, call the acquirer's helpdesk.",
          "终端需重新签到（更新工作密钥）：银联通道在应答A0或77后会自动重新签到，其他情况请在终端菜单中签到；"
              + "然后重试。如仍失败，请联系收单机构客服");

  static final LocalizedText APPROVED_WITH_DEFECT =
      text(
          "Approved: treat it as successful and keep the receipt. The card's bank has not"
              + " confirmed it yet; if the cardholder queries it, ask them to check with their"
              + " bank.",
          "交易成功，请按成功处理并保留签购单；该笔尚未经发卡行确认，如持卡人有疑问，请其向发卡行确认");

  private SharedRemedies() {}
}
