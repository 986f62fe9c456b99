package io.escrowkit.device.simulated;

import io.escrowkit.device.CardData;
import io.escrowkit.device.EntryMode;
import io.escrowkit.device.internal.Hex;
import java.time.YearMonth;

/**
 * Published test card numbers (all pass the Luhn check) and ready-made cards for tests and demos.
 * Never real cards. Immutable and threadsafe.
 */
public final class TestCards {

  /** Stripe's UnionPay test card. */
  public static final String UNIONPAY_PAN = "6200000000000005";

  /** Stripe's UnionPay debit test card. */
  public static final String UNIONPAY_DEBIT_PAN = "6200000000000047";

  /** Stripe's 19-digit UnionPay test card. */
  public static final String UNIONPAY_19_DIGIT_PAN = "6205500000000000004";

  /** Braintree's UnionPay credit test card. */
  public static final String UNIONPAY_BRAINTREE_PAN = "6212345678901232";

  /** An expiry far enough ahead that test cards never expire during a test run. */
  public static final YearMonth TEST_EXPIRY = YearMonth.of(2049, 12);

  /** A minimal EMV data block: tag 9F26 (application cryptogram), 8 placeholder bytes. */
  private static final String TEST_EMV_DATA = "9F26080123456789ABCDEF";

  private TestCards() {}

  /** {@link #UNIONPAY_PAN} read by chip, with expiry, track 2, sequence number and EMV data. */
  public static CardData unionPayChip() {
    return chip(UNIONPAY_PAN);
  }

  /** A chip read of {@code pan} with expiry, track 2, sequence number {@code 001} and EMV data. */
  public static CardData chip(String pan) {
    return CardData.builder()
        .pan(pan)
        .expiry(TEST_EXPIRY)
        .entryMode(EntryMode.CHIP)
        .track2(pan + "=4912" + "201" + "0000000000")
        .cardSequenceNumber("001")
        .emvData(Hex.decode(TEST_EMV_DATA))
        .build();
  }

  /** A read of {@code pan} in the given entry mode with expiry only. */
  public static CardData card(String pan, EntryMode entryMode) {
    return CardData.builder().pan(pan).expiry(TEST_EXPIRY).entryMode(entryMode).build();
  }
}
