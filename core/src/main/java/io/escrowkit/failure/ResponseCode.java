package io.escrowkit.failure;

import io.escrowkit.failure.internal.ResponseCodeSyntax;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the response code catalog (ISO 8583 field 39, with China UnionPay's meanings where
 * they differ from ISO 8583:1987). Immutable and threadsafe. Look entries up with {@link
 * ResponseCodes}.
 *
 * <p>{@link #category()} is present exactly for declines; approvals have no failure category.
 * {@link #retryable()} is true when the same operation, with the same card and amount, may succeed
 * if tried again after the remedy (re-entering the PIN, signing on again, waiting for the switch —
 * after a reversal where the outcome was unknown). It is false when something else must change (a
 * different card or amount), when repeating is harmful (suspected fraud, PIN tries exhausted) and
 * for every approval.
 *
 * @param code the two-character code, {@code [0-9A-Z]{2}}
 * @param disposition approved, approved with conditions, or declined
 * @param category why it was declined; empty for approvals
 * @param retryable whether the same operation may succeed if tried again
 * @param meaning what the code means
 * @param remedy what the operator should do at the till
 */
public record ResponseCode(
    String code,
    ResponseDisposition disposition,
    Optional<FailureCategory> category,
    boolean retryable,
    LocalizedText meaning,
    LocalizedText remedy) {

  public ResponseCode {
    ResponseCodeSyntax.requireValid(code);
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(remedy, "remedy");
    if (disposition.isApproval() && (category.isPresent() || retryable)) {
      throw new IllegalArgumentException(
          "approval " + code + " must have no failure category and not be retryable");
    }
    if (!disposition.isApproval() && !category.isPresent()) {
      throw new IllegalArgumentException("decline " + code + " needs a failure category");
    }
  }

  /**
   * True for {@link ResponseDisposition#APPROVED} and {@link
   * ResponseDisposition#APPROVED_WITH_CONDITIONS}.
   */
  public boolean isApproval() {
    return disposition.isApproval();
  }

  /** What the code means, in Chinese for zh/zh-CN/zh-Hans and English otherwise. */
  public String meaning(Locale locale) {
    return meaning.text(locale);
  }

  /** What the operator should do, in Chinese for zh/zh-CN/zh-Hans and English otherwise. */
  public String remedy(Locale locale) {
    return remedy.text(locale);
  }

  @Override
  public String toString() {
    return code
        + " "
        + disposition
        + category.map(c -> " " + c).orElse("")
        + (retryable ? " retryable" : "")
        + ": "
        + meaning.en();
  }
}
