package io.escrowkit.iso8583.internal;

/**
 * A value copied from a decoded message: its wire bytes, re-encoded verbatim, and its text for
 * reading. Lets a decoded message be re-encoded exactly, whatever its text fields hold.
 */
final class RawValue {

  final String text;
  final byte[] wire;
  final int units;

  RawValue(String text, byte[] wire, int units) {
    this.text = text;
    this.wire = wire;
    this.units = units;
  }

  @Override
  public String toString() {
    return text;
  }
}
