package io.escrowkit.iso8583;

/**
 * A message spec cannot be built or loaded: conflicting settings, a field that its length prefix
 * cannot express, an unsupported jPOS field class, unreadable or unsafe XML. The message names the
 * field and, for XML, the class or line involved.
 *
 * <p>Immutable and threadsafe.
 */
public final class IsoSpecException extends IsoException {

  /**
   * @param message what is wrong and where
   */
  public IsoSpecException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and where
   * @param cause the underlying failure
   */
  public IsoSpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
