package io.escrowkit.iso8583.mapping;

import io.escrowkit.spi.RequestType;

/**
 * What identifies each escrow request on the wire: MTI, processing code (field 3), POS condition
 * code (field 25) and UnionPay transaction type code (field 60.1).
 *
 * <p>UnionPay values are those of the UnionPay POS specification's transaction table
 * ("中国银联POS终端消息域说明", 2002) and of the open-source UnionPay terminal teddy-lee/AIAUnionPay
 * ({@code CUPMessageType}); the completion advice (60.1 = 24) is from the later editions the
 * terminal code follows.
 *
 * <p>The ISO 8583:1987 dialects differ in two places, where UnionPay's private use of a code
 * contradicts ISO's: the pre-authorization is processing code 000000 (ISO's 03 is cheque guarantee)
 * with condition code 00 (ISO's 06, "preauthorized request", marks the requests that follow a
 * pre-authorization, not the pre-authorization itself), and the refund is an online financial
 * request 0200 (ISO's 0220 is an advice of a transaction already done, which the host cannot
 * decline). The rest is the same table. A capture approved offline ({@link
 * RequestType#CAPTURE_ADVICE}) is always the completion advice, whatever the {@link CaptureMode}.
 * Immutable.
 */
record RequestCodes(String mti, String processingCode, String conditionCode, String typeCode) {

  /**
   * The codes of {@code type} under {@code settings}: the dialect's table, with the acquirer's
   * own message type, processing code and condition code where the settings give them (field 60.1
   * stays the table's).
   */
  static RequestCodes of(RequestType type, MappingSettings settings) {
    RequestCodes table = of(type, settings.captureMode(), settings.dialect());
    MessageCodes acquirer = settings.messageCodes().get(type);
    return acquirer == null
        ? table
        : new RequestCodes(acquirer.mti(), acquirer.processingCode(), acquirer.conditionCode(),
            table.typeCode());
  }

  private static RequestCodes of(RequestType type, CaptureMode capture, Dialect dialect) {
    boolean iso = dialect != Dialect.UNIONPAY_POS;
    switch (type) {
      case HOLD:
        return iso
            ? new RequestCodes("0100", "000000", "00", "10")
            : new RequestCodes("0100", "030000", "06", "10");
      case RELEASE:
        return new RequestCodes("0100", "200000", "06", "11");
      case CAPTURE:
        return capture == CaptureMode.ONLINE
            ? new RequestCodes("0200", "000000", "06", "20")
            : new RequestCodes("0220", "000000", "06", "24");
      case VOID_CAPTURE:
        return new RequestCodes("0200", "200000", "06", "21");
      case CAPTURE_ADVICE:
        return new RequestCodes("0220", "000000", "06", "24");
      case REFUND:
        return new RequestCodes(iso ? "0200" : "0220", "200000", "00", "25");
      default:
        throw new IllegalArgumentException("a reversal repeats its original's codes");
    }
  }

  /** The repeat of an advice: 0221 for 0220. */
  static String repeatMti(String adviceMti) {
    return adviceMti.substring(0, 3) + '1';
  }
}
