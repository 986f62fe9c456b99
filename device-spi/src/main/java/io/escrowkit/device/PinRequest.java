package io.escrowkit.device;

import io.escrowkit.device.internal.Pans;
import io.escrowkit.device.internal.Requests;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks a PIN pad for the cardholder's PIN. Immutable and threadsafe.
 *
 * <p>Carries the full PAN because PAN-bound formats (ISO 0, 3, 4) mix it into the block; {@link
 * #toString()} shows only the masked PAN.
 *
 * @param pan the card's PAN, 12 to 19 digits
 * @param format the PIN block format the host expects
 * @param keyId the PIN key to encrypt under, or empty for the PIN pad's default PIN key
 * @param amountText what the PIN pad shows while the PIN is entered, e.g. {@code "CNY 128.00"}
 * @param timeout how long to wait for the PIN before failing with {@link DeviceFailure#TIMEOUT}
 */
public record PinRequest(
    String pan,
    PinBlockFormat format,
    Optional<String> keyId,
    String amountText,
    Duration timeout) {

  public PinRequest {
    Objects.requireNonNull(pan, "pan");
    if (pan.length() < Pans.MIN_LENGTH || pan.length() > Pans.MAX_LENGTH || !Pans.isDigits(pan)) {
      throw new InvalidCardDataException(
          "PIN request PAN " + Pans.mask(pan) + " is not 12 to 19 digits");
    }
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(keyId, "keyId");
    Requests.displayText(amountText, "amountText");
    Requests.positive(timeout, "timeout");
  }

  /** An ISO format 0 request for {@code card} under the PIN pad's default PIN key. */
  public static PinRequest forCard(CardData card, String amountText, Duration timeout) {
    return new PinRequest(card.pan(), PinBlockFormat.ISO_0, Optional.empty(), amountText, timeout);
  }

  /** The same request in another PIN block format. */
  public PinRequest withFormat(PinBlockFormat newFormat) {
    return new PinRequest(pan, newFormat, keyId, amountText, timeout);
  }

  /** The same request under the named PIN key. */
  public PinRequest withKeyId(String newKeyId) {
    return new PinRequest(pan, format, Optional.of(newKeyId), amountText, timeout);
  }

  public String maskedPan() {
    return Pans.mask(pan);
  }

  /** Everything but the full PAN. */
  @Override
  public String toString() {
    return "PinRequest[pan="
        + maskedPan()
        + ", format="
        + format
        + ", keyId="
        + keyId.orElse("default")
        + ", amountText="
        + amountText
        + ", timeout="
        + timeout
        + "]";
  }
}
