package io.escrowkit.simulator;

import io.escrowkit.SchemeProfile;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.iso8583.Specs;
import java.util.Locale;

/**
 * The wire dialects the simulator answers in, each with its usual framing, MAC algorithm and escrow
 * rules. Immutable and threadsafe.
 */
public enum HostProfile {
  /**
   * China UnionPay POS: 2-byte binary length, 5-byte TPDU (source and destination swapped in the
   * answer), 6-byte header, BCD numbers, composite field 60, the UnionPay ECB MAC in field 64; one
   * completion per hold of up to 115% of it.
   */
  CUP("cup", Specs.unionPayPos(), LengthPrefix.BINARY_2, MacAlgorithm.UNIONPAY_POS_ECB),
  /**
   * ISO 8583:1987 binary form (jPOS ISO87BPackager): 2-byte binary length, no TPDU or header, ANSI
   * X9.19 MAC in field 64 (128 when the secondary bitmap is present); captures in several parts up
   * to the held amount.
   */
  ISO87_BINARY("iso87binary", Specs.iso87Binary(), LengthPrefix.BINARY_2, MacAlgorithm.ANSI_X9_19),
  /**
   * ISO 8583:1987 ASCII form (jPOS ISO87APackager): 4-digit ASCII length, ASCII numbers, hex
   * bitmaps and MAC; otherwise as {@link #ISO87_BINARY}.
   */
  ISO87_ASCII("iso87ascii", Specs.iso87Ascii(), LengthPrefix.ASCII_4, MacAlgorithm.ANSI_X9_19);

  private final String cliName;
  private final IsoSpec spec;
  private final LengthPrefix framing;
  private final MacAlgorithm macAlgorithm;

  HostProfile(String cliName, IsoSpec spec, LengthPrefix framing, MacAlgorithm macAlgorithm) {
    this.cliName = cliName;
    this.spec = spec;
    this.framing = framing;
    this.macAlgorithm = macAlgorithm;
  }

  /**
   * A profile by its command-line name: {@code cup}, {@code iso87binary} or {@code iso87ascii}
   * (case-insensitive; the constant names are accepted too).
   *
   * @throws IllegalArgumentException naming the accepted names
   */
  public static HostProfile forName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (HostProfile p : values()) {
      if (p.cliName.equals(wanted) || p.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "profile '" + name + "' is not one of cup, iso87binary, iso87ascii");
  }

  /** The name used on the command line. */
  public String cliName() {
    return cliName;
  }

  /** The message spec of this dialect. */
  public IsoSpec spec() {
    return spec;
  }

  /** The length prefix clients of this dialect usually frame messages with. */
  public LengthPrefix defaultFraming() {
    return framing;
  }

  /** The MAC algorithm of field 64 (or 128). */
  public MacAlgorithm macAlgorithm() {
    return macAlgorithm;
  }

  /** Whether messages carry the UnionPay composite field 60 (60.1 is the transaction type). */
  public boolean hasTransactionTypeCode() {
    return this == CUP;
  }

  /** The escrow rules the simulator applies by default: UnionPay for CUP, generic otherwise. */
  public SchemeProfile defaultScheme() {
    return this == CUP ? SchemeProfile.unionPay() : SchemeProfile.genericCard();
  }
}
