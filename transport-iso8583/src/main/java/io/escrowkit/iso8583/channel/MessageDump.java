package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.IsoMessage;
import java.util.Optional;

/**
 * Field-by-field text of a message for logs, with card data kept out: the PAN (field 2) masked to
 * its first 6 and last 4 digits; expiry (14), track data (35, 36, 45), PIN block (52), security
 * control (53), EMV data (55) and key material (62) shown only as their length. Stateless and
 * threadsafe.
 */
public final class MessageDump {

  private MessageDump() {}

  /** The dump of a message about to be sent. */
  public static String of(IsoMessage message) {
    StringBuilder out = new StringBuilder(message.mti());
    for (int field : message.fields()) {
      append(out, field, message.get(field));
    }
    return out.toString();
  }

  /** The dump of a decoded message; fields that do not read are shown as malformed. */
  public static String of(DecodedMessage message) {
    StringBuilder out = new StringBuilder(message.mti());
    for (int field = message.nextField(0); field > 0; field = message.nextField(field)) {
      Optional<String> value;
      try {
        value = Optional.of(message.readString(field));
      } catch (IsoFormatException malformed) {
        out.append(' ').append(field).append("=<malformed>");
        continue;
      }
      append(out, field, value);
    }
    return out.toString();
  }

  private static void append(StringBuilder out, int field, Optional<String> value) {
    out.append(' ').append(field).append('=');
    String text = value.orElse("");
    switch (field) {
      case 2:
        out.append(maskPan(text));
        break;
      case 14:
      case 35:
      case 36:
      case 45:
      case 52:
      case 53:
      case 55:
      case 62:
        out.append("[hidden, ").append(text.length()).append(" chars]");
        break;
      default:
        out.append('\'').append(text).append('\'');
    }
  }

  /** First 6 and last 4 digits, the rest as '*'; shorter values are hidden entirely. */
  static String maskPan(String pan) {
    char[] masked = pan.toCharArray();
    boolean showEnds = masked.length >= 13;
    for (int i = 0; i < masked.length; i++) {
      if (!showEnds || (i >= 6 && i < masked.length - 4)) {
        masked[i] = '*';
      }
    }
    return new String(masked);
  }
}
