package io.escrowkit.simulator.internal;

import io.escrowkit.device.WorkingKey;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.IsoMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The host's side of UnionPay sign-on keys: each approved sign-on (0800, 60.1 00) gets fresh
 * working keys, encrypted under the terminal master key the host shares with the terminal, each
 * followed by its 4-byte check value, in field 62 of the answer; the scheme is the sign-on's 60.3
 * (001: PIK 8 + MAK 8; 003: PIK 16 + MAK 16; 004: 003 plus a 16-byte track key). From then on the
 * terminal's MACs are checked and made with the MAC key it was last issued ({@code MAK.<terminal
 * id>} in the host's module); a terminal that never signed on uses the host's fixed MAC key.
 * Threadsafe.
 */
public final class SessionKeys {
  private static final int CHECK_LENGTH = 4;

  private final SoftwareSecureModule module;
  private final String masterKeyId;
  private final Set<String> issuedTo = ConcurrentHashMap.newKeySet();
  private final AtomicInteger toCorrupt = new AtomicInteger();
  private final AtomicInteger issued = new AtomicInteger();

  public SessionKeys(SoftwareSecureModule module, String masterKeyId) {
    this.module = Objects.requireNonNull(module, "module");
    this.masterKeyId = Objects.requireNonNull(masterKeyId, "masterKeyId");
  }

  /**
   * Makes the MAC key check value of the next {@code signOns} key issues wrong (its last bit
   * flipped); 0 stops it.
   */
  public void corruptCheckValues(int signOns) {
    if (signOns < 0) {
      throw new IllegalArgumentException("signOns must not be negative, was " + signOns);
    }
    toCorrupt.set(signOns);
  }

  /** How many sign-ons were answered with fresh keys. */
  public int issued() {
    return issued.get();
  }

  /** The MAC key of {@code terminalId}: the one last issued to it, else {@code fixedKeyId}. */
  String macKeyId(String terminalId, String fixedKeyId) {
    return issuedTo.contains(terminalId) ? "MAK." + terminalId : fixedKeyId;
  }

  /**
   * The sign-on answer with fresh keys in field 62, if the sign-on asks for a key scheme; empty if
   * it asks for none.
   */
  Optional<IsoMessage> withKeys(RequestView signOn, IsoMessage answer) {
    Optional<int[]> lengths = signOn.get(60).flatMap(SessionKeys::keyLengths);
    if (lengths.isEmpty()) {
      return Optional.empty();
    }
    String terminal = signOn.terminalId();
    List<String> ids = List.of("PIK." + terminal, "MAK." + terminal, "TDK." + terminal);
    ByteArrayOutputStream field = new ByteArrayOutputStream();
    int macCheckEnd = 0;
    for (int i = 0; i < lengths.get().length; i++) {
      WorkingKey key =
          module.issueWorkingKey(masterKeyId, ids.get(i), lengths.get()[i], CHECK_LENGTH);
      field.writeBytes(key.encryptedKey());
      field.writeBytes(key.checkValue());
      if (i == 1) {
        macCheckEnd = field.size();
      }
    }
    byte[] bytes = field.toByteArray();
    if (toCorrupt.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      bytes[macCheckEnd - 1] ^= 0x01;
    }
    issuedTo.add(terminal);
    issued.incrementAndGet();
    return Optional.of(
        answer.toBuilder().set(62, new String(bytes, StandardCharsets.ISO_8859_1)).build());
  }

  /** The key scheme a sign-on asks for (60.3), or "none". */
  static String scheme(RequestView signOn) {
    return signOn.get(60).filter(f -> f.length() >= 11).map(f -> f.substring(8, 11)).orElse("none");
  }

  /** Key lengths by the scheme in 60.3 (the sign-on's field 60: 60.1 n2, 60.2 n6, 60.3 n3). */
  private static Optional<int[]> keyLengths(String field60) {
    if (field60.length() < 11 || !field60.startsWith("00")) {
      return Optional.empty();
    }
    switch (field60.substring(8, 11)) {
      case "001":
        return Optional.of(new int[] {8, 8});
      case "003":
        return Optional.of(new int[] {16, 16});
      case "004":
        return Optional.of(new int[] {16, 16, 16});
      default:
        return Optional.empty();
    }
  }
}
