package io.escrowkit.device.spi;

import io.escrowkit.device.CardReader;
import io.escrowkit.device.Display;
import io.escrowkit.device.PinPad;
import io.escrowkit.device.Printer;
import io.escrowkit.device.SecureModule;
import java.util.Optional;

/**
 * A terminal vendor's bridge to its hardware: hands out the components the terminal has.
 *
 * <p>Implement it with a public no-argument constructor and list the class in {@code
 * META-INF/services/io.escrowkit.device.spi.DeviceProvider}; {@link io.escrowkit.device.Devices}
 * loads every provider, and for each component uses the highest-{@link #priority()} provider that
 * offers it. A provider returns {@link Optional#empty()} for a component it does not have.
 *
 * <p>Implementations must be threadsafe, and each component accessor should return the same
 * instance on every call.
 */
public interface DeviceProvider {

  /** A short name for logs and diagnostics, e.g. {@code "acme-a920"}. */
  String name();

  /** Higher wins when two providers offer the same component. Vendor hardware should use 100. */
  int priority();

  /**
   * True for a fake device (tests, demos). Simulated providers are left out of {@link
   * io.escrowkit.device.Devices#load()} unless explicitly allowed, so a production terminal never
   * reads cards with a simulator by accident.
   */
  boolean simulated();

  Optional<CardReader> cardReader();

  Optional<PinPad> pinPad();

  Optional<Printer> printer();

  Optional<Display> display();

  Optional<SecureModule> secureModule();
}
