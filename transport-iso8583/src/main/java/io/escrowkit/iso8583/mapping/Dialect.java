package io.escrowkit.iso8583.mapping;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;

/**
 * The message dialects the transport speaks, each with its codec spec and usual MAC algorithm.
 * Immutable and threadsafe.
 */
public enum Dialect {
  /**
   * China UnionPay POS terminal messages (中国银联 POS 终端规范): TPDU, 6-byte header, BCD, one bitmap,
   * transaction type in field 60.1, original data in field 61, MAC in field 64.
   */
  UNIONPAY_POS(MacAlgorithm.UNIONPAY_POS_ECB),
  /** ISO 8583:1987, binary bitmaps and BCD numbers; original data in field 90. */
  ISO87_BINARY(MacAlgorithm.ANSI_X9_19),
  /** ISO 8583:1987, ASCII throughout; original data in field 90. */
  ISO87_ASCII(MacAlgorithm.ANSI_X9_19);

  private final MacAlgorithm macAlgorithm;

  Dialect(MacAlgorithm macAlgorithm) {
    this.macAlgorithm = macAlgorithm;
  }

  /** The codec spec of the dialect's messages. */
  public IsoSpec spec() {
    switch (this) {
      case UNIONPAY_POS:
        return Specs.unionPayPos();
      case ISO87_BINARY:
        return Specs.iso87Binary();
      default:
        return Specs.iso87Ascii();
    }
  }

  /** The MAC algorithm hosts of this dialect usually expect. */
  public MacAlgorithm defaultMacAlgorithm() {
    return macAlgorithm;
  }

  /**
   * The response code with which hosts of this dialect refuse a request whose MAC does not verify:
   * UnionPay's A0; ISO 8583:1987's 63 (security violation).
   */
  public String macRefusalCode() {
    return this == UNIONPAY_POS ? "A0" : "63";
  }
}
