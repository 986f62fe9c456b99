package io.escrowkit.iso8583.channel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Opens sockets to the host: TCP with a connect timeout, then TLS on top when configured. */
final class Connector {
  private final ChannelSettings settings;

  Connector(ChannelSettings settings) {
    this.settings = settings;
  }

  /** A connected socket to read and write, and the TCP socket under it (itself without TLS). */
  record Sockets(Socket stream, Socket tcp) {}

  /** A connected (and, with TLS, handshaken) socket. */
  Sockets open() throws IOException {
    int timeout = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
    Socket plain = new Socket();
    try {
      plain.setTcpNoDelay(true);
      plain.setKeepAlive(true);
      plain.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
      if (!settings.tls().isPresent()) {
        return new Sockets(plain, plain);
      }
      TlsSettings tls = settings.tls().get();
      SSLSocket secure =
          (SSLSocket)
              tls.socketFactory().createSocket(plain, settings.host(), settings.port(), true);
      if (tls.verifyHostname()) {
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        secure.setSSLParameters(parameters);
      }
      secure.setSoTimeout(timeout);
      secure.startHandshake();
      secure.setSoTimeout(0);
      return new Sockets(secure, plain);
    } catch (IOException | RuntimeException e) {
      try {
        plain.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }
}
