package io.escrowkit.iso8583.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The layout of field 62 in a UnionPay POS sign-on answer (0810): each working key encrypted under
 * the terminal master key, followed by its 4-byte check value (the first 4 bytes of the clear key's
 * encryption of 8 zero bytes), PIN key first, then MAC key, then (scheme 004) track key. Field
 * 60.3 names the scheme:
 *
 * <ul>
 *   <li>001, single DES: PIK 8 + 4, MAK 8 + 4 (24 bytes);
 *   <li>003, double-length: PIK 16 + 4, MAK 8 + 4 (32 bytes), or with the MAK in a 16-byte slot
 *       + 4 (40 bytes): a double-length MAK, or, as most hosts send it, a single-length MAK
 *       followed by 8 zero bytes (read as the single-length key; an encrypted double-length key
 *       whose second half is zero has a chance of 2^-64);
 *   <li>004, double-length with track key: as 003, then TDK 16 + 4 (52 or 60 bytes).
 * </ul>
 *
 * <p>Checked against the open-source UnionPay terminal teddy-lee/AIAUnionPay ({@code CUPPackager},
 * sign-on answer by network management code 0010 / 0030 / 0040: 8+4+8+4, 16+4+8+4, 16+4+8+4+16+4;
 * the check value compared with the first 4 bytes of the key's encryption of zeros) and an
 * open-source host-side key handler that splits a 24-byte field the same way; the 40- and 60-byte
 * forms are those of acquirers that send the MAC key in a double-length slot. Published 0810
 * captures of several acquirers (60.3 003, 40 bytes) mostly pad a single-length MAK with zeros.
 * Stateless.
 */
final class SignOnKeys {
  static final int CHECK_LENGTH = 4;
  static final String SINGLE_DES = "001";
  static final String DOUBLE_LENGTH = "003";
  static final String WITH_TRACK_KEY = "004";
  /** The key schemes a sign-on may ask for and an answer may carry. */
  private static final Set<String> SCHEMES = Set.of(SINGLE_DES, DOUBLE_LENGTH, WITH_TRACK_KEY);

  /** Which working key. */
  enum Role {
    PIN,
    MAC,
    TRACK
  }

  /** One key of field 62: its role, the key under the master key, its check value. */
  record Entry(Role role, byte[] encryptedKey, byte[] checkValue) {}

  private SignOnKeys() {}

  /**
   * {@code scheme}, checked to be one a sign-on may ask for.
   *
   * @throws IllegalArgumentException naming {@code what} if it is not 001, 003 or 004
   */
  static String requireScheme(String what, String scheme) {
    if (!SCHEMES.contains(Objects.requireNonNull(scheme, what))) {
      throw new IllegalArgumentException(what + " must be 001, 003 or 004, got " + scheme);
    }
    return scheme;
  }

  /**
   * The keys in {@code field62} for key scheme {@code scheme} (60.3).
   *
   * @throws IllegalArgumentException for an unknown scheme or a length the scheme does not have;
   *     the message names both, never the bytes
   */
  static List<Entry> parse(String scheme, byte[] field62) {
    int pin;
    boolean track;
    switch (scheme) {
      case SINGLE_DES:
        pin = 8;
        track = false;
        break;
      case DOUBLE_LENGTH:
        pin = 16;
        track = false;
        break;
      case WITH_TRACK_KEY:
        pin = 16;
        track = true;
        break;
      default:
        throw new IllegalArgumentException(
            "key scheme (60.3) " + scheme + " is not 001, 003 or 004");
    }
    int trackPart = track ? 16 + CHECK_LENGTH : 0;
    int macLength = field62.length - pin - 2 * CHECK_LENGTH - trackPart;
    boolean doubleMacAllowed = !scheme.equals(SINGLE_DES);
    if (macLength != 8 && !(doubleMacAllowed && macLength == 16)) {
      throw new IllegalArgumentException(
          "field 62 has "
              + field62.length
              + " bytes, which key scheme "
              + scheme
              + " does not have ("
              + expectedLengths(pin, trackPart, doubleMacAllowed)
              + ")");
    }
    List<Entry> keys = new ArrayList<>(3);
    int at = take(keys, Role.PIN, field62, 0, pin);
    at = take(keys, Role.MAC, field62, at, macLength);
    if (macLength == 16 && isZero(keys.get(1).encryptedKey(), 8, 16)) {
      keys.set(1, new Entry(Role.MAC, Arrays.copyOf(keys.get(1).encryptedKey(), 8),
          keys.get(1).checkValue()));
    }
    if (track) {
      take(keys, Role.TRACK, field62, at, 16);
    }
    return keys;
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String expectedLengths(int pin, int trackPart, boolean doubleMac) {
    int single = pin + 8 + 2 * CHECK_LENGTH + trackPart;
    return doubleMac ? single + " or " + (single + 8) : String.valueOf(single);
  }

  private static int take(List<Entry> keys, Role role, byte[] field, int at, int length) {
    byte[] key = Arrays.copyOfRange(field, at, at + length);
    byte[] check = Arrays.copyOfRange(field, at + length, at + length + CHECK_LENGTH);
    keys.add(new Entry(role, key, check));
    return at + length + CHECK_LENGTH;
  }
}
