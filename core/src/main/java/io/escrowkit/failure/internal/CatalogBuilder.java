package io.escrowkit.failure.internal;

import io.escrowkit.failure.FailureCategory;
import io.escrowkit.failure.LocalizedText;
import io.escrowkit.failure.ResponseCode;
import io.escrowkit.failure.ResponseDisposition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects response code entries into an unmodifiable map ordered by code, refusing a code given
 * twice. Not threadsafe; used once, while {@link ResponseCodeTable} initializes.
 */
final class CatalogBuilder {

  private final Map<String, ResponseCode> entries = new TreeMap<>();

  /** Shorthand for an English and Chinese text pair. */
  static LocalizedText text(String en, String zh) {
    return new LocalizedText(en, zh);
  }

  CatalogBuilder approved(String code, LocalizedText meaning, LocalizedText remedy) {
    return add(
        new ResponseCode(
            code, ResponseDisposition.APPROVED, Optional.empty(), false, meaning, remedy));
  }

  CatalogBuilder approvedWithConditions(String code, LocalizedText meaning, LocalizedText remedy) {
    return add(
        new ResponseCode(
            code,
            ResponseDisposition.APPROVED_WITH_CONDITIONS,
            Optional.empty(),
            false,
            meaning,
            remedy));
  }

  /** A decline that trying again, unchanged, will not fix. */
  CatalogBuilder decline(
      String code, FailureCategory category, LocalizedText meaning, LocalizedText remedy) {
    return add(declined(code, category, false, meaning, remedy));
  }

  /** A decline that may succeed when tried again after the remedy. */
  CatalogBuilder retryableDecline(
      String code, FailureCategory category, LocalizedText meaning, LocalizedText remedy) {
    return add(declined(code, category, true, meaning, remedy));
  }

  Map<String, ResponseCode> build() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  private static ResponseCode declined(
      String code,
      FailureCategory category,
      boolean retryable,
      LocalizedText meaning,
      LocalizedText remedy) {
    return new ResponseCode(
        code, ResponseDisposition.DECLINED, Optional.of(category), retryable, meaning, remedy);
  }

  private CatalogBuilder add(ResponseCode entry) {
    ResponseCode previous = entries.putIfAbsent(entry.code(), entry);
    if (previous != null) {
      throw new IllegalStateException(
          "response code " + entry.code() + " is catalogued twice: " + previous + " and " + entry);
    }
    return this;
  }
}
