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
  ANSI_X9_9
}
