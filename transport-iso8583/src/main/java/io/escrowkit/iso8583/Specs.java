package io.escrowkit.iso8583;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in specs. Each is built once and shared (specs are immutable and threadsafe).
 *
 * <ul>
 *   <li>{@link #iso87Ascii()}: ISO 8583:1987 with ASCII MTI, hex-ASCII bitmaps, ASCII numbers and
 *       lengths, hex-ASCII binary fields; wire-compatible with jPOS {@code ISO87APackager}.
 *   <li>{@link #iso87Binary()}: ISO 8583:1987 with BCD MTI, numbers and lengths and binary bitmaps
 *       and fields; wire-compatible with jPOS {@code ISO87BPackager}.
 *   <li>{@link #unionPayPos()}: the China UnionPay POS terminal dialect: TPDU, 6-byte header, BCD,
 *       one bitmap, GBK text in fields 43 and 63, composite field 60.
 * </ul>
 */
public final class Specs {

  /** Name of {@link #iso87Ascii()}. */
  public static final String ISO87_ASCII = "iso87ascii";

  /** Name of {@link #iso87Binary()}. */
  public static final String ISO87_BINARY = "iso87binary";

  /** Name of {@link #unionPayPos()}. */
  public static final String UNIONPAY_POS = "cup";

  private Specs() {}

  /** ISO 8583:1987, ASCII form. */
  public static IsoSpec iso87Ascii() {
    return Holder.ISO87_ASCII;
  }

  /** ISO 8583:1987, binary/BCD form. */
  public static IsoSpec iso87Binary() {
    return Holder.ISO87_BINARY;
  }

  /** China UnionPay POS terminal dialect. */
  public static IsoSpec unionPayPos() {
    return Holder.UNIONPAY_POS;
  }

  /** The names {@link #builtIn(String)} accepts. */
  public static List<String> builtInNames() {
    return Collections.unmodifiableList(Arrays.asList(ISO87_ASCII, ISO87_BINARY, UNIONPAY_POS));
  }

  /**
   * A built-in spec by name: {@code iso87ascii}, {@code iso87binary}, {@code cup} (also {@code
   * unionpay}), case-insensitive.
   */
  public static Optional<IsoSpec> builtIn(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case ISO87_ASCII:
        return Optional.of(iso87Ascii());
      case ISO87_BINARY:
        return Optional.of(iso87Binary());
      case UNIONPAY_POS:
      case "unionpay":
        return Optional.of(unionPayPos());
      default:
        return Optional.empty();
    }
  }

  /** Builds each spec on first use. */
  private static final class Holder {
    static final IsoSpec ISO87_ASCII = Iso87Specs.ascii(Specs.ISO87_ASCII);
    static final IsoSpec ISO87_BINARY = Iso87Specs.binary(Specs.ISO87_BINARY);
    static final IsoSpec UNIONPAY_POS = UnionPayPosSpec.build(Specs.UNIONPAY_POS);
  }
}
