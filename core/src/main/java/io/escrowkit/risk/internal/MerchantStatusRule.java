package io.escrowkit.risk.internal;

import io.escrowkit.risk.MerchantDirectory;
import io.escrowkit.risk.MerchantStatus;
import io.escrowkit.risk.ReasonCodes;
import io.escrowkit.risk.RiskContext;
import io.escrowkit.risk.RiskDecision;
import io.escrowkit.risk.RiskHistory;
import io.escrowkit.risk.RiskRule;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Refuses holds for merchants that are unknown, suspended or closed. Immutable and threadsafe. */
public final class MerchantStatusRule implements RiskRule {
  public static final String NAME = "merchant-status";

  private final MerchantDirectory directory;

  public MerchantStatusRule(MerchantDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RiskDecision evaluate(RiskContext context, RiskHistory history) {
    String merchantId = context.merchantId();
    Optional<MerchantStatus> status =
        Objects.requireNonNull(
            directory.status(merchantId), "merchant directory answer for " + merchantId);
    if (!status.isPresent()) {
      return RiskDecision.refuse(
          NAME,
          ReasonCodes.MERCHANT_UNKNOWN,
          "merchant " + merchantId + " is not in the merchant directory");
    }
    if (status.get() != MerchantStatus.ACTIVE) {
      return RiskDecision.refuse(
          NAME,
          ReasonCodes.MERCHANT_SUSPENDED,
          "merchant " + merchantId + " is " + status.get().name().toLowerCase(Locale.ROOT));
    }
    return RiskDecision.allow();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
