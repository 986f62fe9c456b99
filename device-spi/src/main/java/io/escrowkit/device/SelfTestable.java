package io.escrowkit.device;

/** A device component that can check itself. Implementations say whether they are threadsafe. */
public interface SelfTestable {

  /**
   * Checks the component and reports how it is. Reports problems in the result rather than
   * throwing; a throw is taken as a {@link SelfTestResult.Status#FAIL} by {@link
   * Devices#selfTest()}. May take a while (a printer test prints); never called on a hot path.
   */
  SelfTestResult selfTest();
}
