/**
 * Implementation details of the device SPI: PAN checks, hex text, DES block operations, MAC and PIN
 * block algorithms. Not part of the API; may change in any release. Never export this package.
 */
package io.escrowkit.device.internal;
