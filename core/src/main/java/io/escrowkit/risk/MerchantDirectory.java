package io.escrowkit.risk;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up a merchant's status for {@link RiskRules#merchantStatus}. Implementations must be
 * threadsafe; implement it over a live source when status changes at run time.
 */
@FunctionalInterface
public interface MerchantDirectory {

  /** The merchant's status, empty if the merchant is unknown. */
  Optional<MerchantStatus> status(String merchantId);

  /** A fixed directory holding a copy of {@code statuses}; immutable and threadsafe. */
  static MerchantDirectory of(Map<String, MerchantStatus> statuses) {
    Objects.requireNonNull(statuses, "statuses");
    Map<String, MerchantStatus> copy = new HashMap<>();
    statuses.forEach(
        (merchantId, status) ->
            copy.put(
                Objects.requireNonNull(merchantId, "merchantId"),
                Objects.requireNonNull(status, "status of merchant " + merchantId)));
    Map<String, MerchantStatus> fixed = Collections.unmodifiableMap(copy);
    return merchantId -> Optional.ofNullable(fixed.get(merchantId));
  }
}
