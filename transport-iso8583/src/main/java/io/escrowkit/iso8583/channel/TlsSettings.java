package io.escrowkit.iso8583.channel;

import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS over the TCP connection: the socket factory (from an {@link SSLContext} that holds the
 * trusted host certificates and, for mutual TLS, the terminal's key) and whether the host name is
 * checked against the certificate. Immutable and threadsafe.
 *
 * @param socketFactory layers TLS on the connected socket
 * @param verifyHostname whether the certificate must name the host connected to (HTTPS rules)
 */
public record TlsSettings(SSLSocketFactory socketFactory, boolean verifyHostname) {

  public TlsSettings {
    Objects.requireNonNull(socketFactory, "socketFactory");
  }

  /** TLS with {@code context}'s trust and keys, checking the host name. */
  public static TlsSettings of(SSLContext context) {
    return new TlsSettings(Objects.requireNonNull(context, "context").getSocketFactory(), true);
  }
}
