/**
 * The extension point terminal vendors implement: {@link io.escrowkit.device.spi.DeviceProvider},
 * found with {@link java.util.ServiceLoader} through {@code
 * META-INF/services/io.escrowkit.device.spi.DeviceProvider}.
 */
package io.escrowkit.device.spi;
