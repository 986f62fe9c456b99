package io.escrowkit.device;

import io.escrowkit.device.internal.Pans;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a card reader read from one card: the PAN, how it was captured, and what else the card gave
 * (expiry, track 2 equivalent data, PAN sequence number, EMV data for ISO 8583 field 55). Immutable
 * and threadsafe; byte arrays are copied in and out.
 *
 * <p>The PAN is checked when the value is built: 12 to 19 digits passing the Luhn check. {@link
 * #toString()} shows only the masked PAN and the entry mode; use {@link #maskedPan()} wherever a
 * card is named in logs, receipts or messages. Track 2 and EMV data are sensitive as well and are
 * never shown.
 *
 * <pre>{@code
 * CardData card = CardData.builder()
 *     .pan("6200000000000005")
 *     .expiry(YearMonth.of(2028, 12))
 *     .entryMode(EntryMode.CHIP)
 *     .cardSequenceNumber("001")
 *     .emvData(field55)
 *     .build();
 * }</pre>
 */
public final class CardData {

  /** Longest EMV data block accepted: the most an ISO 8583 LLLVAR field 55 can carry. */
  public static final int MAX_EMV_DATA_LENGTH = 999;

  /** Longest track 2 equivalent data, without sentinels and LRC (ISO/IEC 7813). */
  public static final int MAX_TRACK2_LENGTH = 37;

  private final String pan;
  private final YearMonth expiry;
  private final EntryMode entryMode;
  private final String track2;
  private final String cardSequenceNumber;
  private final byte[] emvData;

  private CardData(Builder builder) {
    this.pan = validPan(Objects.requireNonNull(builder.pan, "pan"));
    this.entryMode = Objects.requireNonNull(builder.entryMode, "entryMode");
    this.expiry = builder.expiry;
    this.track2 = builder.track2 == null ? null : validTrack2(builder.track2, pan);
    this.cardSequenceNumber =
        builder.cardSequenceNumber == null
            ? null
            : validSequenceNumber(builder.cardSequenceNumber, pan);
    this.emvData = builder.emvData == null ? null : validEmvData(builder.emvData, pan);
  }

  /** A new builder; {@code pan} and {@code entryMode} are required, the rest optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this card's data, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder().pan(pan).entryMode(entryMode);
    builder.expiry = expiry;
    builder.track2 = track2;
    builder.cardSequenceNumber = cardSequenceNumber;
    builder.emvData = emvData;
    return builder;
  }

  /** The full PAN. Sensitive: never log, print or persist it; use {@link #maskedPan()}. */
  public String pan() {
    return pan;
  }

  /** First six and last four digits, the rest {@code '*'}: {@code 620000******0005}. */
  public String maskedPan() {
    return Pans.mask(pan);
  }

  public Optional<YearMonth> expiry() {
    return Optional.ofNullable(expiry);
  }

  public EntryMode entryMode() {
    return entryMode;
  }

  /** Track 2 equivalent data ({@code PAN=YYMM...}). Sensitive: never log or persist it. */
  public Optional<String> track2() {
    return Optional.ofNullable(track2);
  }

  /** The PAN sequence number (ISO 8583 field 23), one to three digits, e.g. {@code "001"}. */
  public Optional<String> cardSequenceNumber() {
    return Optional.ofNullable(cardSequenceNumber);
  }

  /** The EMV data (BER-TLV) for ISO 8583 field 55; a fresh copy on every call. */
  public Optional<byte[]> emvData() {
    return emvData == null ? Optional.empty() : Optional.of(emvData.clone());
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof CardData)) {
      return false;
    }
    CardData that = (CardData) other;
    return pan.equals(that.pan)
        && entryMode == that.entryMode
        && Objects.equals(expiry, that.expiry)
        && Objects.equals(track2, that.track2)
        && Objects.equals(cardSequenceNumber, that.cardSequenceNumber)
        && Arrays.equals(emvData, that.emvData);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(pan, entryMode, expiry, track2, cardSequenceNumber)
        + Arrays.hashCode(emvData);
  }

  /** Masked PAN and entry mode only, e.g. {@code CardData[620000******0005, CHIP]}. */
  @Override
  public String toString() {
    return "CardData[" + maskedPan() + ", " + entryMode + "]";
  }

  private static String validPan(String pan) {
    if (pan.length() < Pans.MIN_LENGTH || pan.length() > Pans.MAX_LENGTH) {
      throw new InvalidCardDataException(
          "PAN "
              + Pans.mask(pan)
              + " has "
              + pan.length()
              + " characters; a PAN has "
              + Pans.MIN_LENGTH
              + " to "
              + Pans.MAX_LENGTH
              + " digits");
    }
    if (!Pans.isDigits(pan)) {
      throw new InvalidCardDataException("PAN " + Pans.mask(pan) + " contains non-digits");
    }
    if (!Pans.passesLuhn(pan)) {
      throw new InvalidCardDataException(
          "PAN " + Pans.mask(pan) + " fails the Luhn check: mistyped or misread");
    }
    return pan;
  }

  private static String validTrack2(String track2, String pan) {
    if (track2.length() > MAX_TRACK2_LENGTH) {
      throw new InvalidCardDataException(
          "track 2 of card "
              + Pans.mask(pan)
              + " has "
              + track2.length()
              + " characters; at most "
              + MAX_TRACK2_LENGTH);
    }
    int separator = separatorIndex(track2);
    if (separator < 0 || !track2.startsWith(pan) || separator != pan.length()) {
      throw new InvalidCardDataException(
          "track 2 of card "
              + Pans.mask(pan)
              + " does not start with the same PAN followed by '=' or 'D'");
    }
    for (int i = separator + 1; i < track2.length(); i++) {
      char c = track2.charAt(i);
      if ((c < '0' || c > '9') && c != 'F') {
        throw new InvalidCardDataException(
            "track 2 of card " + Pans.mask(pan) + " has an invalid character at index " + i);
      }
    }
    return track2;
  }

  private static int separatorIndex(String track2) {
    for (int i = 0; i < track2.length(); i++) {
      char c = track2.charAt(i);
      if (c == '=' || c == 'D') {
        return i;
      }
    }
    return -1;
  }

  private static String validSequenceNumber(String sequenceNumber, String pan) {
    if (sequenceNumber.length() > 3 || !Pans.isDigits(sequenceNumber)) {
      throw new InvalidCardDataException(
          "card sequence number of card "
              + Pans.mask(pan)
              + " must be one to three digits, was '"
              + sequenceNumber
              + "'");
    }
    return sequenceNumber;
  }

  private static byte[] validEmvData(byte[] emvData, String pan) {
    if (emvData.length == 0 || emvData.length > MAX_EMV_DATA_LENGTH) {
      throw new InvalidCardDataException(
          "EMV data of card "
              + Pans.mask(pan)
              + " has "
              + emvData.length
              + " bytes; expected 1 to "
              + MAX_EMV_DATA_LENGTH);
    }
    return emvData.clone();
  }

  /**
   * Collects card data; {@link #build()} validates it and copies it, so changing the builder
   * afterwards never changes a built value. Not threadsafe.
   */
  public static final class Builder {
    private String pan;
    private YearMonth expiry;
    private EntryMode entryMode;
    private String track2;
    private String cardSequenceNumber;
    private byte[] emvData;

    Builder() {}

    public Builder pan(String pan) {
      this.pan = Objects.requireNonNull(pan, "pan");
      return this;
    }

    public Builder expiry(YearMonth expiry) {
      this.expiry = Objects.requireNonNull(expiry, "expiry");
      return this;
    }

    public Builder entryMode(EntryMode entryMode) {
      this.entryMode = Objects.requireNonNull(entryMode, "entryMode");
      return this;
    }

    /** Track 2 equivalent data: the PAN, {@code '='} or {@code 'D'}, then digits. */
    public Builder track2(String track2) {
      this.track2 = Objects.requireNonNull(track2, "track2");
      return this;
    }

    public Builder cardSequenceNumber(String cardSequenceNumber) {
      this.cardSequenceNumber = Objects.requireNonNull(cardSequenceNumber, "cardSequenceNumber");
      return this;
    }

    /** EMV data; copied now, so changing the array afterwards changes nothing. */
    public Builder emvData(byte[] emvData) {
      this.emvData = Objects.requireNonNull(emvData, "emvData").clone();
      return this;
    }

    /** The validated card data; {@link InvalidCardDataException} when something is wrong. */
    public CardData build() {
      return new CardData(this);
    }
  }
}
