package io.escrowkit.failure;

import io.escrowkit.failure.internal.DeviceFailureTexts;
import io.escrowkit.failure.internal.FailureWording;
import io.escrowkit.failure.internal.MachineCodes;
import io.escrowkit.failure.internal.OperatorErrorTexts;
import io.escrowkit.failure.internal.PanMasking;
import io.escrowkit.failure.internal.ResponseCodeSyntax;
import io.escrowkit.failure.internal.RiskRefusalTexts;
import io.escrowkit.failure.internal.SystemFailureTexts;
import io.escrowkit.failure.internal.WordingTable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure an escrow operation met: its category, whether trying again may help, the raw response
 * code if the network answered, a stable machine code, an English technical detail for logs, and a
 * message and remedy for the operator in Chinese or English. Immutable and threadsafe.
 *
 * <p>Build one with a factory: {@link #fromResponseCode(String)}, {@link #networkTimeout(String)},
 * {@link #device(String, String)}, {@link #riskRefusal(String, String, String)} and so on. The
 * {@link #code()} is stable across releases and safe to switch on: {@code ISSUER_DECLINE/51},
 * {@code NETWORK/TIMEOUT}, {@code DEVICE/OUT_OF_PAPER}, {@code RISK/DAILY_LIMIT}.
 *
 * <p>The {@link #detail()} is safe to log: anything in it that looks like a card number is masked
 * to its first 6 and last 4 digits, and it is cut to {@value #MAX_DETAIL_LENGTH} characters.
 *
 * @param category who or what the failure comes from
 * @param retryable whether the same operation may succeed if tried again after the remedy
 * @param responseCode the response code (ISO 8583 field 39) if the network answered
 * @param code the stable machine code, {@code FAMILY/REASON}
 * @param detail English technical detail, safe to log
 * @param message what went wrong, for the operator
 * @param remedy what the operator should do
 */
public record Failure(
    FailureCategory category,
    boolean retryable,
    Optional<String> responseCode,
    String code,
    String detail,
    LocalizedText message,
    LocalizedText remedy) {

  /** Longest detail kept; a longer one is cut, so a runaway message cannot flood the log. */
  public static final int MAX_DETAIL_LENGTH = 1000;

  public Failure {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(responseCode, "responseCode");
    responseCode.ifPresent(ResponseCodeSyntax::requireValid);
    requireMachineCode(code);
    detail = safeDetail(detail);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(remedy, "remedy");
  }

  /**
   * The failure for a declining response code. An unknown well-formed code gives the generic
   * decline of {@link ResponseCodes#resolve(String)}. The machine code is the category and the
   * response code: {@code ISSUER_DECLINE/51}, {@code SUSPECTED_FRAUD/41}.
   *
   * @throws InvalidResponseCodeException if {@code responseCode} is not two of {@code [0-9A-Z]}
   * @throws IllegalArgumentException if the code is an approval ({@code 00}, {@code A2}...)
   */
  public static Failure fromResponseCode(String responseCode) {
    return from(ResponseCodes.resolve(responseCode));
  }

  /**
   * The failure for a declining catalog entry.
   *
   * @throws IllegalArgumentException if the entry is an approval
   */
  public static Failure from(ResponseCode declined) {
    Objects.requireNonNull(declined, "declined");
    if (declined.isApproval()) {
      throw new IllegalArgumentException(
          "response code " + declined.code() + " is an approval, not a failure");
    }
    FailureCategory category = declined.category().get();
    return new Failure(
        category,
        declined.retryable(),
        Optional.of(declined.code()),
        category.name() + "/" + declined.code(),
        "response code " + declined.code() + ": " + declined.meaning().en(),
        declined.meaning(),
        declined.remedy());
  }

  /** No answer from the acquirer in time; the outcome is unknown until reversed. Retryable. */
  public static Failure networkTimeout(String detail) {
    return of(
        FailureCategory.NETWORK, "NETWORK/TIMEOUT", detail, SystemFailureTexts.NETWORK_TIMEOUT);
  }

  /**
   * A new request held back, nothing sent, because the terminal still owes the reversal of an
   * earlier request whose outcome is unknown. Category NETWORK, retryable with the same key.
   */
  public static Failure reversalPending(String detail) {
    return of(FailureCategory.NETWORK, "NETWORK/REVERSAL_PENDING", detail,
        SystemFailureTexts.REVERSAL_PENDING);
  }

  /** The connection to the acquirer broke or could not be made. Retryable. */
  public static Failure connectionLost(String detail) {
    return of(
        FailureCategory.NETWORK,
        "NETWORK/CONNECTION_LOST",
        detail,
        SystemFailureTexts.CONNECTION_LOST);
  }

  /**
   * A card reader, PIN pad or printer failure. {@code deviceFailureKind} is the name of an {@code
   * io.escrowkit.device.DeviceFailure} kind such as {@code OUT_OF_PAPER}, {@code CHIP_ERROR} or
   * {@code TAMPERED}; a kind without its own wording gets a generic, non-retryable one.
   *
   * @throws IllegalArgumentException if the kind is not 1 to 40 characters of {@code [A-Z0-9_]}
   */
  public static Failure device(String deviceFailureKind, String detail) {
    return keyed(
        FailureCategory.DEVICE,
        "DEVICE",
        deviceFailureKind,
        "deviceFailureKind",
        detail,
        DeviceFailureTexts.BY_KIND);
  }

  /**
   * A refusal by the SDK's own risk rules. {@code reasonCode} such as {@code DAILY_LIMIT}, {@code
   * TRANSACTION_LIMIT}, {@code VELOCITY}, {@code DUPLICATE} or {@code MERCHANT_SUSPENDED} picks the
   * remedy; others get a generic one. Never retryable. The machine code is {@code
   * RISK/<reasonCode>}.
   *
   * @throws IllegalArgumentException if {@code reasonCode} is not 1 to 40 of {@code [A-Z0-9_]}
   */
  public static Failure riskRefusal(String ruleName, String reasonCode, String detail) {
    Objects.requireNonNull(ruleName, "ruleName");
    Objects.requireNonNull(detail, "detail");
    return keyed(
        FailureCategory.RISK_COMPLIANCE,
        "RISK",
        reasonCode,
        "reasonCode",
        "risk rule '" + ruleName + "' refused (" + reasonCode + "): " + detail,
        RiskRefusalTexts.BY_REASON);
  }

  /**
   * The host answered the completion advice of a capture approved offline with the declining
   * {@code responseCode}: the terminal counted money the host did not book, and an operator must
   * settle it with the acquirer. The category is the response code's; never retryable (the advice
   * is not sent again). The machine code is {@code ADVICE_DECLINED/<responseCode>}.
   *
   * @throws InvalidResponseCodeException if {@code responseCode} is not two of {@code [0-9A-Z]}
   * @throws IllegalArgumentException if the code is an approval
   */
  public static Failure adviceDeclined(String responseCode, String detail) {
    return followUpRefused(
        responseCode, "ADVICE_DECLINED", SystemFailureTexts.ADVICE_DECLINED, detail,
        "a refused advice");
  }

  /**
   * The host refused, with {@code responseCode} and for good, the reversal of a request whose
   * outcome the terminal does not know: the cardholder's funds may be held or taken, and an
   * operator must find out from the acquirer. The category is the response code's; never retryable
   * (the reversal is not sent again). The machine code is {@code REVERSAL_REFUSED/<responseCode>}.
   *
   * @throws InvalidResponseCodeException if {@code responseCode} is not two of {@code [0-9A-Z]}
   * @throws IllegalArgumentException if the code is an approval
   */
  public static Failure reversalRefused(String responseCode, String detail) {
    return followUpRefused(
        responseCode, "REVERSAL_REFUSED", SystemFailureTexts.REVERSAL_REFUSED, detail,
        "a refused reversal");
  }

  /** Messages between terminal and acquirer do not agree (unreadable, mismatched, bad MAC). */
  public static Failure protocol(String detail) {
    return of(FailureCategory.PROTOCOL, "PROTOCOL/ERROR", detail, SystemFailureTexts.PROTOCOL);
  }

  /** A fault inside the SDK or the application around it. Not retryable. */
  public static Failure internal(String detail) {
    return of(FailureCategory.INTERNAL, "INTERNAL/ERROR", detail, SystemFailureTexts.INTERNAL);
  }

  /**
   * An operator error the SDK caught before sending anything. {@code code} such as {@code
   * CAPTURE_OVER_TOLERANCE}, {@code CAPTURE_NOT_ALLOWED}, {@code HOLD_EXPIRED}, {@code
   * VOID_WINDOW_PASSED}, {@code REFUND_OVER_CAPTURED}, {@code WRONG_STATE} or {@code
   * CURRENCY_MISMATCH} picks the remedy; others get a generic one. Not retryable unchanged.
   *
   * @throws IllegalArgumentException if {@code code} is not 1 to 40 characters of {@code [A-Z0-9_]}
   */
  public static Failure operator(String code, String detail) {
    return keyed(
        FailureCategory.OPERATOR, "OPERATOR", code, "code", detail, OperatorErrorTexts.BY_CODE);
  }

  /**
   * The host declined the cancel of what a final capture left of a hold, with {@code
   * responseCode}: the capture stands, but the remainder stays frozen on the card until an operator
   * has the acquirer release it. The category is the declining code's; not retryable (the SDK has
   * stopped trying). The machine code is {@code RELEASE_REMAINDER/<responseCode>}.
   *
   * @throws InvalidResponseCodeException if {@code responseCode} is not two of {@code [0-9A-Z]}
   * @throws IllegalArgumentException if the code is an approval
   */
  public static Failure remainderNotReleased(String responseCode, String detail) {
    return followUpRefused(
        responseCode, "RELEASE_REMAINDER", SystemFailureTexts.REMAINDER_NOT_RELEASED, detail,
        "a failure");
  }

  /**
   * A request the SDK sent on its own after an approval (an advice, a remainder's cancel) that the
   * host refused for good: the refusing code's category, not retryable, machine code {@code
   * <what>/<responseCode>}.
   */
  private static Failure followUpRefused(
      String responseCode, String what, FailureWording wording, String detail, String notAn) {
    ResponseCode declined = ResponseCodes.resolve(responseCode);
    if (declined.isApproval()) {
      throw new IllegalArgumentException(
          "response code " + declined.code() + " is an approval, not " + notAn);
    }
    return new Failure(
        declined.category().get(),
        false,
        Optional.of(declined.code()),
        what + "/" + declined.code(),
        detail + " (response code " + declined.code() + ": " + declined.meaning().en() + ")",
        wording.message(),
        wording.remedy());
  }

  /** What went wrong, in Chinese for zh/zh-CN/zh-Hans and English otherwise. */
  public String message(Locale locale) {
    return message.text(locale);
  }

  /** What the operator should do, in Chinese for zh/zh-CN/zh-Hans and English otherwise. */
  public String remedy(Locale locale) {
    return remedy.text(locale);
  }

  /** {@code Failure[ISSUER_DECLINE/51, final: response code 51: Not sufficient funds]}. */
  @Override
  public String toString() {
    return "Failure[" + code + ", " + (retryable ? "retryable" : "final") + ": " + detail + "]";
  }

  private static Failure of(
      FailureCategory category, String code, String detail, FailureWording wording) {
    return new Failure(
        category,
        wording.retryable(),
        Optional.empty(),
        code,
        detail,
        wording.message(),
        wording.remedy());
  }

  /** A failure whose wording is looked up by a key that also ends its machine code. */
  private static Failure keyed(
      FailureCategory category,
      String family,
      String key,
      String keyName,
      String detail,
      WordingTable wording) {
    MachineCodes.requireToken(key, keyName);
    return of(category, family + "/" + key, detail, wording.forKey(key));
  }

  private static void requireMachineCode(String code) {
    Objects.requireNonNull(code, "code");
    int slash = code.indexOf('/');
    if (slash < 0
        || !MachineCodes.isToken(code.substring(0, slash))
        || !MachineCodes.isToken(code.substring(slash + 1))) {
      throw new IllegalArgumentException(
          "code must be FAMILY/REASON, each 1 to 40 characters of [A-Z0-9_], got '" + code + "'");
    }
  }

  /**
   * Masks card numbers, then cuts to {@link #MAX_DETAIL_LENGTH}. Only a bounded prefix is read; it
   * runs past the cut so a card number straddling the cut is masked before being cut (masking keeps
   * the length, so the cut lands in the same place).
   */
  private static String safeDetail(String detail) {
    Objects.requireNonNull(detail, "detail");
    if (detail.length() <= MAX_DETAIL_LENGTH) {
      return PanMasking.mask(detail);
    }
    String prefix = detail.substring(0, Math.min(detail.length(), MAX_DETAIL_LENGTH + 64));
    String masked = PanMasking.mask(prefix);
    int cut = MAX_DETAIL_LENGTH;
    if (Character.isHighSurrogate(masked.charAt(cut - 1))) {
      cut--; // never half of a pair: it would not come back from a journal as it was stored
    }
    return masked.substring(0, cut) + "...[cut]";
  }
}
