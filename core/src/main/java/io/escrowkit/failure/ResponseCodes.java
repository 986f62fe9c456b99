package io.escrowkit.failure;

import io.escrowkit.failure.internal.ResponseCodeSyntax;
import io.escrowkit.failure.internal.ResponseCodeTable;
import java.util.Collection;
import java.util.Optional;

/**
 * The response code catalog: ISO 8583:1987 field 39 codes with China UnionPay's meanings, and
 * UnionPay's own codes ({@code 77}, {@code 99}, {@code A0}, {@code A2}...). Stateless and
 * threadsafe.
 *
 * <pre>{@code
 * ResponseCode rc = ResponseCodes.resolve("51");
 * rc.isApproval();                    // false
 * rc.remedy(Locale.SIMPLIFIED_CHINESE); // "余额不足，请持卡人更换其他卡片或降低金额"
 * }</pre>
 */
public final class ResponseCodes {

  private ResponseCodes() {}

  /**
   * The catalog entry for {@code code}, or empty if the catalog does not know it.
   *
   * @throws NullPointerException if {@code code} is null
   * @throws InvalidResponseCodeException if {@code code} is not two characters of {@code [0-9A-Z]}
   */
  public static Optional<ResponseCode> lookup(String code) {
    ResponseCodeSyntax.requireValid(code);
    return Optional.ofNullable(ResponseCodeTable.entries().get(code));
  }

  /**
   * The catalog entry for {@code code}; for a well-formed code the catalog does not know, a generic
   * non-retryable {@link ResponseDisposition#DECLINED} entry of category {@link
   * FailureCategory#ACQUIRER_GATEWAY} that names the code. Never null.
   *
   * @throws NullPointerException if {@code code} is null
   * @throws InvalidResponseCodeException if {@code code} is not two characters of {@code [0-9A-Z]}
   */
  public static ResponseCode resolve(String code) {
    return lookup(code).orElseGet(() -> ResponseCodeTable.unknown(code));
  }

  /** Every catalogued entry, ordered by code. Unmodifiable. */
  public static Collection<ResponseCode> all() {
    return ResponseCodeTable.entries().values();
  }
}
