package io.escrowkit.failure.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Failure wording by key (a device failure kind, a risk reason code, an operator error code), with
 * a fallback for keys it does not know. Immutable and threadsafe.
 */
public final class WordingTable {

  private final Map<String, FailureWording> byKey;
  private final FailureWording fallback;

  private WordingTable(Map<String, FailureWording> byKey, FailureWording fallback) {
    this.byKey = Collections.unmodifiableMap(new HashMap<>(byKey));
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  /** A table of {@code byKey} (copied) that answers {@code fallback} for any other key. */
  static WordingTable of(Map<String, FailureWording> byKey, FailureWording fallback) {
    return new WordingTable(byKey, fallback);
  }

  /** The wording for {@code key}, or the fallback. */
  public FailureWording forKey(String key) {
    FailureWording wording = byKey.get(key);
    return wording == null ? fallback : wording;
  }

  /** The wording for keys the table does not know. */
  public FailureWording fallback() {
    return fallback;
  }

  /** The keys with their own wording. Unmodifiable. */
  public Set<String> knownKeys() {
    return byKey.keySet();
  }
}
