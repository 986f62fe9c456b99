package io.escrowkit.iso8583;

import io.escrowkit.iso8583.internal.Hex;
import io.escrowkit.iso8583.tlv.TlvBuilder;

/**
 * Test messages: a UnionPay-style pre-authorization request 0100 with the fields the benchmarks use
 * (2, 3, 4, 11, 12, 13, 14, 22, 23, 25, 26, 35, 37, 41, 42, 49, 52, 55, 60, 64). Card data is a
 * test card number; keys and PIN blocks are test values.
 */
public final class SampleMessages {

  public static final byte[] TPDU = Hex.parse("6000030000", "tpdu");
  public static final byte[] HEADER = Hex.parse("603100310000", "header");
  public static final String TEST_PAN = "6225880012345678";
  public static final String TEST_TRACK2 = "6225880012345678=25122011234567890";
  public static final byte[] TEST_PIN_BLOCK = Hex.parse("0123456789ABCDEF", "pin");
  public static final byte[] TEST_MAC = Hex.parse("1122334455667788", "mac");

  private SampleMessages() {}

  /** About 160 bytes of EMV data, as a terminal sends in field 55 of an ARQC request. */
  public static byte[] emvData() {
    return TlvBuilder.create()
        .addHex(0x9F26, "A1B2C3D4E5F60718")
        .addHex(0x9F27, "80")
        .addHex(0x9F10, "07010103A0A802010A010000000000A1B2C3D4")
        .addHex(0x9F37, "1A2B3C4D")
        .addHex(0x9F36, "0042")
        .addHex(0x95, "0000008000")
        .addHex(0x9A, "260115")
        .addHex(0x9C, "03")
        .addHex(0x9F02, "000000001000")
        .addHex(0x5F2A, "0156")
        .addHex(0x82, "7C00")
        .addHex(0x9F1A, "0156")
        .addHex(0x9F03, "000000000000")
        .addHex(0x9F33, "E0E1C8")
        .addHex(0x9F34, "420300")
        .addHex(0x9F35, "22")
        .addHex(0x9F1E, "3132333435363738")
        .addHex(0x84, "A000000333010101")
        .addHex(0x9F09, "0020")
        .addHex(0x9F41, "00000123")
        .addHex(0x9F63, "30313233343536373839414243444546")
        .addHex(0x9F74, "454343313131")
        .build();
  }

  /** The pre-authorization request for any built-in spec. */
  public static IsoMessage preAuth(IsoSpec spec) {
    IsoMessage.Builder b = IsoMessage.builder(spec).mti("0100");
    if (spec.hasTpdu()) {
      b.tpdu(TPDU);
    }
    if (spec.headerLength() == 6) {
      b.header(HEADER);
    }
    b.set(2, TEST_PAN)
        .set(3, "030000")
        .set(4, 1000L)
        .set(11, "000123")
        .set(12, "101530")
        .set(13, "0115")
        .set(14, "2512")
        .set(22, "051")
        .set(23, "001")
        .set(25, "06")
        .set(26, "12")
        .set(35, TEST_TRACK2)
        .set(37, "000000000123")
        .set(41, "TERM0001")
        .set(42, "898440358120001")
        .set(49, "156")
        .set(52, TEST_PIN_BLOCK)
        .set(55, emvData())
        .set(64, TEST_MAC);
    if (spec.field(60).map(f -> f.isComposite()).orElse(false)) {
      b.setSubfields(60, "10", "000001", "000", "5", "0");
    } else {
      b.set(60, "10000001000");
    }
    return b.build();
  }
}
