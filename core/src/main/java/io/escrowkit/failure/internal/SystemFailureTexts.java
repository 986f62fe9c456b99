package io.escrowkit.failure.internal;

import static io.escrowkit.failure.internal.FailureWording.finalFailure;
import static io.escrowkit.failure.internal.FailureWording.retryable;

/**
 * Wording for network, protocol and internal failures. Immutable and threadsafe.
 *
 * <p>A timeout leaves the outcome unknown: the issuer may have placed the hold. The remedy
 * therefore holds the goods back until the terminal's reversal (冲正) has gone through.
 */
public final class SystemFailureTexts {

  public static final FailureWording NETWORK_TIMEOUT =
      retryable(
          "No reply from the acquirer in time; the result is unknown",
          "交易超时，结果未知",
          "Do not hand over the goods yet. Wait while the terminal reverses the transaction,"
              + " then start it again as a new transaction (a new idempotency key: the old one"
              + " only says how it ended); take no other payment for the same order until then."
              + " If the acquirer refuses the reversal, the escrow says so and an operator"
              + " settles it.",
          "请暂缓交付商品，等待终端自动冲正完成后再作为一笔新交易重新发起（使用新的幂等键，原幂等键只返回原交易的结果）；"
              + "冲正完成前请勿对同一订单重复收款；如收单机构拒绝冲正，交易状态会标明，由操作员处理");

  public static final FailureWording CONNECTION_LOST =
      retryable(
          "Connection to the acquirer lost",
          "与收单机构的网络连接中断",
          "Check the network (cable, Wi-Fi or mobile signal), then try again. If a request was"
              + " already sent, the terminal reverses it first.",
          "请检查网络（网线、Wi-Fi或移动信号）后重试；如有交易已经发出，终端会先自动冲正");

  /**
   * A new request held back because the terminal still owes the reversal of an earlier one whose
   * outcome is unknown (UnionPay: reversals first). Nothing was sent; the reversal goes on by
   * itself.
   */
  public static final FailureWording REVERSAL_PENDING =
      retryable(
          "An earlier transaction whose result is unknown is still being reversed; nothing was"
              + " sent",
          "终端尚有结果未知的交易正在冲正，本笔交易未发送",
          "Try again in a moment, as the same transaction (the same idempotency key): the terminal"
              + " keeps sending the reversal by itself. If this goes on, check the connection to"
              + " the acquirer.",
          "请稍后按同一笔交易（相同幂等键）重试，终端会自动继续发送冲正；如持续出现，请检查与收单机构的连接");

  public static final FailureWording PROTOCOL =
      finalFailure(
          "Communication error with the acquirer (unreadable or mismatched message)",
          "与收单机构通讯的报文错误",
          "Check the transaction list first so nothing is charged twice, then sign the terminal"
              + " on again and retry once; if it happens again, call the acquirer's helpdesk.",
          "请先查询交易记录避免重复扣款，再重新签到后重试一次；如再次出现，请联系收单机构客服");

  public static final FailureWording INTERNAL =
      finalFailure(
          "Internal error in the payment software",
          "支付软件内部错误",
          "Note the time and call technical support. Check the transaction list before trying"
              + " again so nothing is charged twice.",
          "请记下发生时间并联系技术支持；重试前请先查询交易记录，避免重复扣款");

  /**
   * The host refused to cancel what a final completion left of a pre-authorization: the funds stay
   * frozen on the card until someone releases them. The SDK has stopped trying.
   */
  public static final FailureWording REMAINDER_NOT_RELEASED =
      finalFailure(
          "The rest of the pre-authorization could not be released after the final completion",
          "预授权完成后剩余冻结金额未能撤销",
          "The completion went through, but the acquirer refused to cancel the rest of the hold,"
              + " which stays frozen on the cardholder's card: have the acquirer (merchant portal"
              + " or helpdesk) cancel the remaining pre-authorization amount, and tell the"
              + " cardholder. Do not repeat the completion.",
          "预授权完成已成功，但收单机构拒绝撤销剩余的预授权金额，该金额仍冻结在持卡人卡上：请通过收单机构"
              + "（商户平台或客服）撤销剩余预授权金额并告知持卡人，切勿重复做预授权完成");

  /**
   * The host refused the completion advice of a capture the terminal approved offline: the
   * terminal counted money the host did not book. Only the acquirer can settle it.
   */
  public static final FailureWording ADVICE_DECLINED =
      finalFailure(
          "The acquirer refused the completion approved offline; the amount was not collected",
          "离线完成的预授权完成通知被收单机构拒绝，款项未入账",
          "Do not complete this hold again at the till. Call the acquirer with the terminal id,"
              + " the trace number and the amount to settle it; if the acquirer confirms nothing"
              + " was booked, collect the amount from the customer another way.",
          "请勿在终端上再次完成该预授权；请持终端号、流水号和金额联系收单机构处理，"
              + "如收单机构确认未入账，请以其他方式向客户收取该款项");

  /**
   * The host refused, for good, the reversal of a request whose outcome the terminal does not know:
   * the request may have taken effect. Only the acquirer can tell, and undo it.
   */
  public static final FailureWording REVERSAL_REFUSED =
      finalFailure(
          "The acquirer refused to reverse a transaction whose result is unknown; it may have"
              + " taken effect",
          "收单机构拒绝冲正一笔结果未知的交易，该交易可能已生效",
          "Do not repeat the transaction yet, and settle this pre-authorization with the acquirer,"
              + " not at the till: call the acquirer with the terminal id, the trace number and"
              + " the amount (in the failure's detail) to learn whether it took effect, have what"
              + " should not stand undone there, and tell the customer.",
          "请暂勿重做该交易，并通过收单机构而非终端处理该笔预授权：请持终端号、流水号和金额（见失败详情）"
              + "联系收单机构，确认该交易是否已生效，由收单机构撤销不应保留的部分，并告知持卡人");

  private SystemFailureTexts() {}
}
