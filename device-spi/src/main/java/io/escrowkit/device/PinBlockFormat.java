package io.escrowkit.device;

/**
 * ISO 9564-1 PIN block formats. Immutable and threadsafe.
 *
 * <p>Formats 0, 1 and 3 are 8-byte blocks for (T)DES; format 0 and 3 bind the PIN to the PAN,
 * format 1 does not. Format 4 is the 16-byte block for AES and binds the PIN to the PAN.
 */
public enum PinBlockFormat {
  ISO_0(8, true),
  ISO_1(8, false),
  ISO_3(8, true),
  ISO_4(16, true);

  private final int blockLength;
  private final boolean panBound;

  PinBlockFormat(int blockLength, boolean panBound) {
    this.blockLength = blockLength;
    this.panBound = panBound;
  }

  /** Length in bytes of an encrypted block of this format: 8, or 16 for {@link #ISO_4}. */
  public int blockLength() {
    return blockLength;
  }

  /** True when the block is formed with the PAN, so decrypting it needs the same PAN. */
  public boolean panBound() {
    return panBound;
  }
}
