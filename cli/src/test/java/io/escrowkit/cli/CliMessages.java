package io.escrowkit.cli;

import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.iso8583.tlv.TlvBuilder;

/** Messages for the command tests: test card data, test PIN block and MAC. */
final class CliMessages {
  static final String TEST_PAN = "6225880012345678";
  static final String TEST_TRACK2 = "6225880012345678=25122011234567890";
  static final byte[] TEST_PIN_BLOCK = HexText.parse("0123456789ABCDEF", "pin");

  private CliMessages() {}

  /** A pre-authorization 0100 with card data, amount, terminal, PIN block and EMV data. */
  static IsoMessage preAuth(IsoSpec spec) {
    return preAuth(
        spec, TlvBuilder.create().addHex(0x9F26, "A1B2C3D4E5F60718").addHex(0x9F27, "80").build());
  }

  /** The same with the card number and track 2 inside the EMV data (tags 5A and 57) too. */
  static IsoMessage preAuthWithCardInEmv(IsoSpec spec) {
    return preAuth(spec, TlvBuilder.create()
        .addHex(0x9F26, "A1B2C3D4E5F60718")
        .addHex(0x5A, TEST_PAN)
        .addHex(0x57, TEST_TRACK2.replace('=', 'D'))
        .build());
  }

  private static IsoMessage preAuth(IsoSpec spec, byte[] emvData) {
    IsoMessage.Builder b = IsoMessage.builder(spec).mti("0100");
    if (spec.hasTpdu()) {
      b.tpdu(HexText.parse("6000030000", "tpdu"));
    }
    if (spec.headerLength() > 0) {
      b.header(HexText.parse("603100310000", "header"));
    }
    return b.set(2, TEST_PAN)
        .set(3, "030000")
        .set(4, 1000L)
        .set(11, "000123")
        .set(35, TEST_TRACK2)
        .set(41, "TERM0001")
        .set(52, TEST_PIN_BLOCK)
        .set(55, emvData)
        .build();
  }

  static String hex(IsoSpec spec) {
    return HexText.of(IsoCodec.of(spec).encode(preAuth(spec)));
  }

  static String hex(IsoSpec spec, LengthPrefix prefix) {
    return HexText.of(IsoCodec.of(spec).encode(preAuth(spec), prefix));
  }
}
