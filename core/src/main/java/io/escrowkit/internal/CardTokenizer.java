package io.escrowkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a PAN into an opaque token (HMAC-SHA256 under the client's card-token key), so risk rules
 * can recognise a card without anyone keeping its number. Clients sharing a journal must share the
 * key. Threadsafe.
 */
public final class CardTokenizer {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final SecretKeySpec key;
  private final boolean given;
  /** Mac.getInstance is costly (provider lookup) and a Mac is not threadsafe: one per thread. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  /**
   * @param given whether the application gave the key (the same after a restart, and for every
   *     client it gives it to), or the client drew it at random for itself
   */
  public CardTokenizer(byte[] key, boolean given) {
    if (key.length < 16) {
      throw new IllegalArgumentException("card token key must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.given = given;
  }

  /**
   * How a hold's idempotency check and a follow-up's card check name the card whose token is
   * {@code token} and masked number {@code maskedPan}: by the token when the application gave the
   * key, which tells apart cards with the same first 6 and last 4 digits; by the masked number
   * when the client drew the key for itself, since the token then changes with a restart and
   * between the clients of a journal.
   */
  public String identity(String token, String maskedPan) {
    return given ? token : maskedPan;
  }

  public String token(String pan) {
    byte[] digest = macs.get().doFinal(pan.getBytes(StandardCharsets.US_ASCII));
    char[] out = new char[32];
    for (int i = 0; i < 16; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[digest[i] & 0xF];
    }
    return "card_" + new String(out);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable on this platform", e);
    }
  }
}
