package io.escrowkit.device;

/**
 * Whether {@link Devices#load(ClassLoader, SimulatedDevices)} may use providers that declare
 * themselves {@link io.escrowkit.device.spi.DeviceProvider#simulated() simulated}. Immutable and
 * threadsafe.
 */
public enum SimulatedDevices {
  /** Leave simulated providers out: the setting for a production terminal (the default). */
  EXCLUDED,
  /** Use simulated providers too: for tests, demos and the simulator. */
  ALLOWED
}
