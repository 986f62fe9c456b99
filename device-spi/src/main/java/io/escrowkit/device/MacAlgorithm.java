package io.escrowkit.device;

/** Message authentication code algorithms a secure module may offer. Immutable, threadsafe. */
public enum MacAlgorithm {
  /**
   * ANSI X9.19 retail MAC (ISO/IEC 9797-1 MAC algorithm 3 with padding method 1): single-DES
   * CBC-MAC under the left key half, then decrypt with the right half and encrypt with the left.
   * Double-length (16-byte) key; 8-byte MAC.
   */
  ANSI_X9_19,
  /**
   * The UnionPay POS "ECB" MAC: XOR of all 8-byte blocks, expanded to 16 hex characters, enciphered
   * in two steps under the MAK; the MAC is the first 8 hex characters of the result as ASCII bytes.
   * Single (8-byte, DES) or double-length (16-byte, TDES) key; 8-byte MAC.
   */
  UNIONPAY_POS_ECB,
  /**
   * ANSI X9.9 (ISO/IEC 9797-1 MAC algorithm 1 with padding method 1): single-DES CBC-MAC with a
   * zero IV. Single-length (8-byte) key; 8-byte MAC.
   */
  ANSI_X9_9;

  private static final int DES_KEY = 8;

  /**
   * Whether a key of {@code keyLength} bytes suits this algorithm: 16 for X9.19, 8 for X9.9, 8 or
   * 16 for the UnionPay ECB MAC. A secure module refuses a MAC under a key of another length.
   */
  public boolean acceptsKeyLength(int keyLength) {
    return switch (this) {
      case ANSI_X9_19 -> keyLength == 2 * DES_KEY;
      case ANSI_X9_9 -> keyLength == DES_KEY;
      case UNIONPAY_POS_ECB -> keyLength == DES_KEY || keyLength == 2 * DES_KEY;
    };
  }
}
