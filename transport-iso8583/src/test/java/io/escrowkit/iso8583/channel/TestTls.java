package io.escrowkit.iso8583.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway TLS identity for the loopback host, made at test time with the JDK's keytool: a
 * self-signed EC certificate for 127.0.0.1 and localhost. Nothing here is committed; the password
 * is a test password.
 */
final class TestTls {
  private static final char[] TEST_PASSWORD = "TEST_PASSWORD".toCharArray();

  private final KeyStore hostKeys;

  private TestTls(KeyStore hostKeys) {
    this.hostKeys = hostKeys;
  }

  /** Generates the host's key pair and certificate into {@code directory}. */
  static TestTls generate(Path directory)
      throws IOException, GeneralSecurityException, InterruptedException {
    Path store = directory.resolve("test-host.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command =
        Arrays.asList(
            keytool.toString(),
            "-genkeypair",
            "-alias",
            "host",
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-dname",
            "CN=localhost",
            "-ext",
            "SAN=ip:127.0.0.1,dns:localhost",
            "-validity",
            "2",
            "-storetype",
            "PKCS12",
            "-keystore",
            store.toString(),
            "-storepass",
            new String(TEST_PASSWORD),
            "-keypass",
            new String(TEST_PASSWORD));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + new String(output));
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, TEST_PASSWORD);
    }
    return new TestTls(keys);
  }

  /**
   * A TLS server socket on a free loopback port, presenting the test certificate, whose
   * connections take at most about {@code receiveBuffer} bytes unread.
   */
  ServerSocket serverSocket(int receiveBuffer) throws GeneralSecurityException, IOException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(hostKeys, TEST_PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    ServerSocket server = context.getServerSocketFactory().createServerSocket();
    server.setReceiveBufferSize(receiveBuffer);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    return server;
  }

  /** A TLS server socket on a free loopback port, presenting the test certificate. */
  ServerSocket serverSocket() throws GeneralSecurityException, IOException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(hostKeys, TEST_PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context
        .getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  /** A client context that trusts the test certificate and nothing else. */
  SSLContext clientTrustingHost() throws GeneralSecurityException, IOException {
    Certificate certificate = hostKeys.getCertificate("host");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("host", certificate);
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers.getTrustManagers(), null);
    return context;
  }
}
