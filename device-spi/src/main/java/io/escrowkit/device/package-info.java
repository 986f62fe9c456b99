/**
 * The device API the SDK codes against: card data and PIN blocks as values, the component
 * interfaces ({@link io.escrowkit.device.CardReader}, {@link io.escrowkit.device.PinPad}, {@link
 * io.escrowkit.device.Printer}, {@link io.escrowkit.device.Display}, {@link
 * io.escrowkit.device.SecureModule}), their single failure type {@link
 * io.escrowkit.device.DeviceException}, and {@link io.escrowkit.device.Devices}, which finds the
 * vendor's implementations through {@link io.escrowkit.device.spi.DeviceProvider}.
 *
 * <p>JDK only, and Android API 26 compatible. Card data is sensitive: values here never show a full
 * PAN, track data or PIN block in {@code toString()} or exception messages.
 */
package io.escrowkit.device;
