package io.escrowkit.device;

/**
 * How the card data was captured, with the PAN entry mode that ISO 8583 field 22 carries in its
 * first two digits (the third digit, PIN entry capability, belongs to the terminal, not the card
 * read). Immutable and threadsafe.
 *
 * <p>Codes as commonly published for ISO 8583:1987 field 22: {@code 90} magnetic stripe with the
 * full track read and sent unaltered, {@code 05} integrated circuit (contact chip), {@code 07}
 * contactless chip, {@code 01} manual key entry, {@code 80} fallback from a chip that could not be
 * read to the magnetic stripe. Some networks (the UnionPay POS dialect among them) send {@code 02}
 * for a swipe; a transport dialect maps {@link #MAGSTRIPE} to that where its spec says so.
 */
public enum EntryMode {
  MAGSTRIPE("90"),
  CHIP("05"),
  CONTACTLESS("07"),
  MANUAL("01"),
  FALLBACK("80");

  private final String posEntryModeCode;

  EntryMode(String posEntryModeCode) {
    this.posEntryModeCode = posEntryModeCode;
  }

  /** The two-digit PAN entry mode of ISO 8583 field 22, e.g. {@code "05"} for {@link #CHIP}. */
  public String posEntryModeCode() {
    return posEntryModeCode;
  }

  /** True for a chip read, contact or contactless, whose EMV data the host expects in field 55. */
  public boolean isChip() {
    return this == CHIP || this == CONTACTLESS;
  }
}
