package io.escrowkit.device.simulated;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.DeviceException;
import io.escrowkit.device.DeviceFailure;
import io.escrowkit.device.SelfTestResult;
import io.escrowkit.device.SelfTestable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every simulated component shares: fault injection for the next call and a scriptable self
 * test result. Threadsafe.
 *
 * <pre>{@code
 * reader.failNextCall(DeviceFailure.CHIP_ERROR);   // the next read() throws
 * printer.failSelfTest(DeviceFailure.OUT_OF_PAPER, "paper out");
 * }</pre>
 */
public abstract class SimulatedComponent implements SelfTestable {

  private final DeviceComponent component;
  private final AtomicReference<DeviceFailure> nextFailure = new AtomicReference<>();
  private final AtomicReference<SelfTestResult> selfTestResult;

  SimulatedComponent(DeviceComponent component) {
    this.component = Objects.requireNonNull(component, "component");
    this.selfTestResult =
        new AtomicReference<>(SelfTestResult.pass(component, readyDetail(component)));
  }

  /** Which component this simulates. */
  public final DeviceComponent component() {
    return component;
  }

  /** Makes the next operation (not the self test) throw a {@link DeviceException} of this kind. */
  public final void failNextCall(DeviceFailure failure) {
    nextFailure.set(Objects.requireNonNull(failure, "failure"));
  }

  /** Makes every following self test report {@code FAIL} with this failure. */
  public final void failSelfTest(DeviceFailure failure, String detail) {
    selfTestResult.set(SelfTestResult.fail(component, detail, failure));
  }

  /** Makes every following self test report {@code DEGRADED} with this failure. */
  public final void degradeSelfTest(DeviceFailure failure, String detail) {
    selfTestResult.set(SelfTestResult.degraded(component, detail, failure));
  }

  /** Makes every following self test pass again. */
  public final void passSelfTest() {
    selfTestResult.set(SelfTestResult.pass(component, readyDetail(component)));
  }

  @Override
  public final SelfTestResult selfTest() {
    return selfTestResult.get();
  }

  /** Throws the injected failure, if any, consuming it; called first by every operation. */
  final void beforeCall(String operation) {
    DeviceFailure failure = nextFailure.getAndSet(null);
    if (failure != null) {
      throw new DeviceException(
          failure, component, "simulated " + failure + " injected for " + operation + "()");
    }
  }

  /** A failure of this component, for operations that fail of themselves. */
  final DeviceException failure(DeviceFailure failure, String detail) {
    return new DeviceException(failure, component, detail);
  }

  /** The timeout of a request that found nothing scripted: {@code what} did not happen. */
  final DeviceException nothingScripted(String what, Duration timeout) {
    return failure(
        DeviceFailure.TIMEOUT, "no " + what + " within " + timeout + " (simulated: none scripted)");
  }

  /** A failure of this component caused by {@code cause}. */
  final DeviceException failure(DeviceFailure failure, String detail, Throwable cause) {
    return new DeviceException(failure, component, detail, cause);
  }

  private static String readyDetail(DeviceComponent component) {
    return "simulated " + component.displayName() + " ready";
  }
}
