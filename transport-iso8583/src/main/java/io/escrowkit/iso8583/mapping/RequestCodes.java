package io.escrowkit.iso8583.mapping;

import io.escrowkit.spi.RequestType;

/**
 * What identifies each escrow request on the wire: MTI, processing code (field 3), POS condition
 * code (field 25) and UnionPay transaction type code (field 60.1). Values as the UnionPay POS
 * specification's transaction table lists them ("中国银联POS终端消息域说明", 2002, and the open-source
 * UnionPay terminal teddy-lee/AIAUnionPay {@code CUPMessageType}); the completion advice (60.1 =
 * 24) is from the later editions the terminal code follows. The ISO 87 dialects use the same table.
 * Immutable.
 */
record RequestCodes(String mti, String processingCode, String conditionCode, String typeCode) {

  static RequestCodes of(RequestType type, CaptureMode capture) {
    switch (type) {
      case HOLD:
        return new RequestCodes("0100", "030000", "06", "10");
      case RELEASE:
        return new RequestCodes("0100", "200000", "06", "11");
      case CAPTURE:
        return capture == CaptureMode.ONLINE
            ? new RequestCodes("0200", "000000", "06", "20")
            : new RequestCodes("0220", "000000", "06", "24");
      case VOID_CAPTURE:
        return new RequestCodes("0200", "200000", "06", "21");
      case REFUND:
        return new RequestCodes("0220", "200000", "00", "25");
      default:
        throw new IllegalArgumentException("a reversal repeats its original's codes");
    }
  }

  /** The repeat of an advice: 0221 for 0220. */
  static String repeatMti(String adviceMti) {
    return adviceMti.substring(0, 3) + '1';
  }
}
