/**
 * A simulated terminal for tests, demos and the simulator: {@link
 * io.escrowkit.device.simulated.SimulatedDevice} with scripted components that can be told to fail,
 * {@link io.escrowkit.device.simulated.SoftwareSecureModule} with test keys, and {@link
 * io.escrowkit.device.simulated.TestCards}. Never for production: it declares itself simulated, and
 * {@link io.escrowkit.device.Devices#load()} leaves it out unless allowed.
 */
package io.escrowkit.device.simulated;
