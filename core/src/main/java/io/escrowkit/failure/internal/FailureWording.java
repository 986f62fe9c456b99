package io.escrowkit.failure.internal;

import io.escrowkit.failure.LocalizedText;
import java.util.Objects;

/**
 * What a failure says to the operator, and whether trying again may help. Immutable and threadsafe.
 *
 * @param message what went wrong, for the till's screen
 * @param remedy what the operator should do
 * @param retryable whether the same operation may succeed if tried again after the remedy
 */
public record FailureWording(LocalizedText message, LocalizedText remedy, boolean retryable) {

  public FailureWording {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(remedy, "remedy");
  }

  static FailureWording retryable(
      String messageEn, String messageZh, String remedyEn, String remedyZh) {
    return new FailureWording(
        new LocalizedText(messageEn, messageZh), new LocalizedText(remedyEn, remedyZh), true);
  }

  static FailureWording finalFailure(
      String messageEn, String messageZh, String remedyEn, String remedyZh) {
    return new FailureWording(
        new LocalizedText(messageEn, messageZh), new LocalizedText(remedyEn, remedyZh), false);
  }
}
