package io.escrowkit.device;

import java.util.Objects;

/**
 * The root of every failure the device SPI reports: which component failed and how. The message
 * reads {@code "<component>: <FAILURE>: <detail>"}, e.g. {@code "card reader: TIMEOUT: no card
 * presented within PT30S"}. Details never contain a full PAN, track data or PIN material.
 *
 * <p>Immutable and threadsafe.
 */
public class DeviceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final DeviceFailure failure;
  private final DeviceComponent component;

  public DeviceException(DeviceFailure failure, DeviceComponent component, String detail) {
    super(message(failure, component, detail));
    this.failure = failure;
    this.component = component;
  }

  public DeviceException(
      DeviceFailure failure, DeviceComponent component, String detail, Throwable cause) {
    super(message(failure, component, detail), cause);
    this.failure = failure;
    this.component = component;
  }

  /** What went wrong. */
  public DeviceFailure failure() {
    return failure;
  }

  /** Where it went wrong. */
  public DeviceComponent component() {
    return component;
  }

  /** Shorthand for {@code failure().retryable()}. */
  public boolean retryable() {
    return failure.retryable();
  }

  private static String message(DeviceFailure failure, DeviceComponent component, String detail) {
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(detail, "detail");
    return component.displayName() + ": " + failure + ": " + detail;
  }
}
