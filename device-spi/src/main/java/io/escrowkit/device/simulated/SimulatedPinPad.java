package io.escrowkit.device.simulated;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.DeviceFailure;
import io.escrowkit.device.PinBlock;
import io.escrowkit.device.PinPad;
import io.escrowkit.device.PinRequest;
import io.escrowkit.device.SecureModule;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A PIN pad that "enters" scripted PINs: those {@link #enter queued} first, then the {@link
 * #enterByDefault default PIN} if set; with neither, a request times out at once. The block is
 * formed and encrypted by a {@link SecureModule} (normally the {@link SoftwareSecureModule} with
 * its {@value SoftwareSecureModule#TEST_PIN_KEY_ID}). Records every request. Threadsafe.
 */
public final class SimulatedPinPad extends SimulatedComponent implements PinPad {

  private final SecureModule secureModule;
  private final String defaultKeyId;
  private final Script<String> pins = new Script<>();
  private final List<PinRequest> requests = new CopyOnWriteArrayList<>();

  SimulatedPinPad(SecureModule secureModule, String defaultKeyId) {
    super(DeviceComponent.PIN_PAD);
    this.secureModule = Objects.requireNonNull(secureModule, "secureModule");
    this.defaultKeyId = Objects.requireNonNull(defaultKeyId, "defaultKeyId");
  }

  /** Queues PINs (test PINs only) for the next requests, one per request. */
  public void enter(String... nextPins) {
    pins.addAll(nextPins);
  }

  /** The PIN entered whenever no queued PIN is left. */
  public void enterByDefault(String pin) {
    pins.fallback(pin);
  }

  /** Every request received, oldest first. */
  public List<PinRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Encrypts the next scripted PIN under the request's key, or the default PIN key.
   *
   * @throws io.escrowkit.device.DeviceException an injected failure; {@link DeviceFailure#TIMEOUT}
   *     when no PIN is scripted; what the secure module throws
   */
  @Override
  public PinBlock requestPin(PinRequest request) {
    Objects.requireNonNull(request, "request");
    beforeCall("requestPin");
    requests.add(request);
    String pin = pins.next().orElseThrow(() -> nothingScripted("PIN entered", request.timeout()));
    char[] digits = pin.toCharArray();
    try {
      return secureModule.encryptPin(
          request.format(), request.keyId().orElse(defaultKeyId), digits, request.pan());
    } finally {
      Arrays.fill(digits, '\0');
    }
  }
}
