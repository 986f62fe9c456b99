package io.escrowkit.device;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one component's self test. Immutable and threadsafe.
 *
 * <p>A {@link Status#PASS} carries no failure; a {@link Status#FAIL} always names one, so a
 * diagnostics report can attach a remedy to it; {@link Status#DEGRADED} (working, but e.g. paper
 * low) may name one.
 *
 * @param component the component tested
 * @param status how it did
 * @param detail what the component said, for the operator and the service log
 * @param failure the machine-readable kind of failure, if any
 */
public record SelfTestResult(
    DeviceComponent component, Status status, String detail, Optional<DeviceFailure> failure) {

  /** How a component did in its self test. */
  public enum Status {
    /** Ready for transactions. */
    PASS,
    /** Usable, but needs attention soon (paper low, battery low, key nearing expiry). */
    DEGRADED,
    /** Not usable. */
    FAIL
  }

  public SelfTestResult {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(failure, "failure");
    if (status == Status.PASS && failure.isPresent()) {
      throw new IllegalArgumentException(
          component.displayName() + " self test passed but names failure " + failure.get());
    }
    if (status == Status.FAIL && !failure.isPresent()) {
      throw new IllegalArgumentException(
          component.displayName() + " self test failed without naming a failure");
    }
  }

  public static SelfTestResult pass(DeviceComponent component, String detail) {
    return new SelfTestResult(component, Status.PASS, detail, Optional.empty());
  }

  public static SelfTestResult degraded(
      DeviceComponent component, String detail, DeviceFailure failure) {
    return new SelfTestResult(component, Status.DEGRADED, detail, Optional.of(failure));
  }

  public static SelfTestResult fail(
      DeviceComponent component, String detail, DeviceFailure failure) {
    return new SelfTestResult(component, Status.FAIL, detail, Optional.of(failure));
  }

  /** True unless the status is {@link Status#FAIL}. */
  public boolean usable() {
    return status != Status.FAIL;
  }
}
