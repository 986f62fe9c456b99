package io.escrowkit.device;

/** The parts of a payment terminal the SDK talks to. Immutable and threadsafe. */
public enum DeviceComponent {
  CARD_READER("card reader"),
  PIN_PAD("PIN pad"),
  PRINTER("printer"),
  DISPLAY("display"),
  SECURE_MODULE("secure module");

  private final String displayName;

  DeviceComponent(String displayName) {
    this.displayName = displayName;
  }

  /** Lower-case English name for messages, e.g. {@code "card reader"}. */
  public String displayName() {
    return displayName;
  }
}
