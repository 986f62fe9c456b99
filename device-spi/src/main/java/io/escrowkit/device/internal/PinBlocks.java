package io.escrowkit.device.internal;

import io.escrowkit.device.PinBlockFormat;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Clear ISO 9564-1 PIN blocks of formats 0, 1 and 3 (8 bytes), and the PIN back out of them.
 * Stateless and threadsafe as long as the {@link Random} passed in is.
 *
 * <p>PIN field: control nibble (the format number), PIN length, PIN digits, fill to 16 nibbles
 * ({@code F} for format 0, random {@code 0-F} for format 1, random {@code A-F} for format 3).
 * Formats 0 and 3 XOR it with the PAN field: four zero nibbles and the 12 rightmost PAN digits
 * without the check digit.
 */
public final class PinBlocks {

  public static final int MIN_PIN_LENGTH = 4;
  public static final int MAX_PIN_LENGTH = 12;

  private static final int NIBBLES = 16;

  private PinBlocks() {}

  /** True when {@code pin} is 4 to 12 digits. */
  public static boolean validPin(char[] pin) {
    return pin.length >= MIN_PIN_LENGTH
        && pin.length <= MAX_PIN_LENGTH
        && Pans.isDigits(CharBuffer.wrap(pin));
  }

  /** The clear block; {@code pin} must be {@link #validPin valid} and {@code pan} all digits. */
  public static byte[] clearBlock(PinBlockFormat format, char[] pin, String pan, Random random) {
    int[] nibbles = new int[NIBBLES];
    nibbles[0] = control(format);
    nibbles[1] = pin.length;
    for (int i = 0; i < NIBBLES - 2; i++) {
      nibbles[2 + i] = i < pin.length ? pin[i] - '0' : fill(format, random);
    }
    byte[] block = pack(nibbles);
    if (format.panBound()) {
      xor(block, panField(pan));
    }
    return block;
  }

  /**
   * The PIN in a clear block, or an {@link IllegalArgumentException} if it is not one: wrong
   * control nibble or length, a non-digit in the PIN, or fill that does not match the format (which
   * is how a block formed with another PAN usually shows).
   */
  public static char[] pin(PinBlockFormat format, byte[] clearBlock, String pan) {
    byte[] block = clearBlock.clone();
    if (format.panBound()) {
      xor(block, panField(pan));
    }
    int control = (block[0] >> 4) & 0xF;
    int length = block[0] & 0xF;
    if (control != control(format) || length < MIN_PIN_LENGTH || length > MAX_PIN_LENGTH) {
      throw new IllegalArgumentException("not a " + format + " PIN block for this PAN");
    }
    for (int i = 2 + length; i < NIBBLES; i++) {
      if (!validFill(format, nibble(block, i))) {
        throw new IllegalArgumentException("not a " + format + " PIN block for this PAN");
      }
    }
    char[] pin = new char[length];
    for (int i = 0; i < length; i++) {
      int digit = nibble(block, 2 + i);
      if (digit > 9) {
        Arrays.fill(pin, '\0');
        throw new IllegalArgumentException("not a " + format + " PIN block for this PAN");
      }
      pin[i] = (char) ('0' + digit);
    }
    return pin;
  }

  private static int control(PinBlockFormat format) {
    return switch (format) {
      case ISO_0 -> 0;
      case ISO_1 -> 1;
      case ISO_3 -> 3;
      case ISO_4 -> throw new IllegalArgumentException("ISO 4 is an AES block, not formed here");
    };
  }

  private static int fill(PinBlockFormat format, Random random) {
    return switch (format) {
      case ISO_0 -> 0xF;
      case ISO_1 -> random.nextInt(16);
      default -> 0xA + random.nextInt(6);
    };
  }

  private static boolean validFill(PinBlockFormat format, int nibble) {
    return switch (format) {
      case ISO_0 -> nibble == 0xF;
      case ISO_3 -> nibble >= 0xA;
      default -> true;
    };
  }

  /**
   * 0000 followed by the 12 rightmost PAN digits excluding the check digit, zero-padded on the left
   * when the PAN is shorter.
   */
  private static byte[] panField(String pan) {
    int[] nibbles = new int[NIBBLES];
    int end = pan.length() - 1;
    int digits = Math.min(12, end);
    for (int i = 0; i < digits; i++) {
      nibbles[NIBBLES - 1 - i] = pan.charAt(end - 1 - i) - '0';
    }
    return pack(nibbles);
  }

  private static byte[] pack(int[] nibbles) {
    byte[] bytes = new byte[nibbles.length / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (nibbles[2 * i] << 4 | nibbles[2 * i + 1]);
    }
    return bytes;
  }

  private static int nibble(byte[] block, int index) {
    int b = block[index / 2];
    return index % 2 == 0 ? (b >> 4) & 0xF : b & 0xF;
  }

  private static void xor(byte[] target, byte[] mask) {
    for (int i = 0; i < target.length; i++) {
      target[i] ^= mask[i];
    }
  }
}
