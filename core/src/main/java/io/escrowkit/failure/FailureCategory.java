package io.escrowkit.failure;

import java.util.Locale;

/** Who or what a failure comes from, which decides who can act on it. Immutable and threadsafe. */
public enum FailureCategory {
  /** The network between terminal and acquirer: timeouts, lost connections. */
  NETWORK("Network", "网络故障"),
  /** The card reader, PIN pad or printer attached to the till. */
  DEVICE("Device", "设备故障"),
  /** Something the operator or cardholder can correct at the till: PIN, amount, card, state. */
  OPERATOR("Operator", "操作有误"),
  /** The card's issuing bank refused: funds, limits, card status. */
  ISSUER_DECLINE("Issuer decline", "发卡行拒绝"),
  /** The acquirer, the switch (UnionPay) or the issuer's host is unavailable or failing. */
  ACQUIRER_GATEWAY("Acquirer or switch", "收单机构/银联系统故障"),
  /** Messages or keys do not agree: format errors, MAC failures, duplicates. */
  PROTOCOL("Protocol", "报文或密钥错误"),
  /** A risk, limit or compliance rule (the merchant's, the acquirer's or the law) refused. */
  RISK_COMPLIANCE("Risk and compliance", "风控限制"),
  /** The card is reported lost or stolen, or the transaction looks fraudulent. */
  SUSPECTED_FRAUD("Suspected fraud", "疑似欺诈"),
  /** A fault inside this SDK or the application around it. */
  INTERNAL("Internal error", "系统内部错误");

  private final LocalizedText label;

  FailureCategory(String en, String zh) {
    this.label = new LocalizedText(en, zh);
  }

  /** A short label such as "Issuer decline" / "发卡行拒绝". */
  public String label(Locale locale) {
    return label.text(locale);
  }
}
