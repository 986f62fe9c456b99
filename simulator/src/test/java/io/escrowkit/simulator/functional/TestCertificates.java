package io.escrowkit.simulator.functional;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Throwaway TLS identities for loopback tests, generated at test time by the running JDK's keytool
 * into a temporary directory: self-signed EC certificates for 127.0.0.1 and localhost. Nothing is
 * committed; the password is a test password. Immutable.
 */
final class TestCertificates {
  private static final String TEST_STORE_PASSWORD = "TEST_ONLY_PASSWORD";

  private final KeyStore store;
  private final String alias;

  private TestCertificates(KeyStore store, String alias) {
    this.store = store;
    this.alias = alias;
  }

  /** A new key pair and certificate named {@code alias}, in a PKCS12 file under {@code dir}. */
  static TestCertificates generate(Path dir, String alias)
      throws IOException, GeneralSecurityException, InterruptedException {
    Path file = dir.resolve("test-" + alias + ".p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process keytoolRun =
        new ProcessBuilder(
                List.of(
                    keytool, "-genkeypair", "-alias", alias, "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=localhost, O=Escrowkit TEST",
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", TEST_STORE_PASSWORD, "-keypass", TEST_STORE_PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(keytoolRun.getInputStream().readAllBytes());
    if (!keytoolRun.waitFor(60, TimeUnit.SECONDS) || keytoolRun.exitValue() != 0) {
      throw new IOException("keytool could not make the test certificate: " + output);
    }
    KeyStore loaded = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      loaded.load(in, TEST_STORE_PASSWORD.toCharArray());
    }
    return new TestCertificates(loaded, alias);
  }

  /** The server side: presents this certificate. */
  SSLContext serverContext() throws GeneralSecurityException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, TEST_STORE_PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /** The client side: trusts this certificate and nothing else. */
  SSLContext trustingContext() throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry(alias, store.getCertificate(alias));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
