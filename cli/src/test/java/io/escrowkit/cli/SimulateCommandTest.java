package io.escrowkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.iso8583.Specs;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulateCommandTest {

  private static final String TEST_PAN = "6225880012345678";
  private static final String TEST_PASSWORD = "TEST_ONLY_PASSWORD";

  /** Guards against a hang; no assertion depends on how long anything takes. */
  private static final long GUARD_SECONDS = 20;

  /** Collects printed lines for the test thread. */
  private static final class Lines extends OutputStream {
    final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        queue.add(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }

    String next() throws InterruptedException {
      String s = queue.poll(GUARD_SECONDS, TimeUnit.SECONDS);
      assertThat(s).as("a line within the guard time").isNotNull();
      return s;
    }
  }

  private final Lines out = new Lines();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "simulate";
    System.arraycopy(args, 0, all, 1, args.length);
    return Main.run(
        all,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void runsOnAnEphemeralPortAnswersAndLogsMaskedUntilInterrupted() throws Exception {
    AtomicInteger status = new AtomicInteger(-1);
    Thread command =
        new Thread(
            () ->
                status.set(
                    run("--port", "0", "--profile", "cup", "--seed", "3", "--fault", "delay:0:5")));
    command.start();
    String banner = out.next();
    Matcher port =
        Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) \\(framing BINARY_2").matcher(banner);
    assertThat(port.find()).as(banner).isTrue();

    DecodedMessage answer = preAuth(Integer.parseInt(port.group(1)));
    String logged = out.next();
    command.interrupt();
    command.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));

    assertThat(answer.mti()).isEqualTo("0110");
    assertThat(answer.readString(39)).isEqualTo("00");
    assertThat(logged)
        .contains("0100 PRE_AUTH term=TERM0001 stan=000001")
        .contains("card=622588******5678")
        .contains("amount=1000")
        .contains("-> 0110 00")
        .doesNotContain(TEST_PAN);
    assertThat(out.next()).isEqualTo("stopped: frozen 1000, captured 0, refunded 0 (minor units)");
    assertThat(status.get()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  /**
   * Stopped the way an operator stops it, by a signal (Ctrl-C, kill): the JVM runs its shutdown
   * hooks and never interrupts the command, and the books' totals are printed all the same.
   */
  @Test
  void aSignalStopsItWithTheBooksTotals() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process simulator =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "simulate", "--port", "0", "--profile", "cup")
            .redirectErrorStream(true)
            .start();
    try (java.io.BufferedReader lines = new java.io.BufferedReader(
        new java.io.InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))) {
      Pattern listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
      Matcher port = null;
      for (int read = 0; read < 20 && port == null; read++) { // a logger may speak first
        Matcher line = listening.matcher(String.valueOf(lines.readLine()));
        port = line.find() ? line : null;
      }
      assertThat(port).as("the banner, with the port").isNotNull();
      DecodedMessage answer = preAuth(Integer.parseInt(port.group(1)));
      assertThat(answer.readString(39)).isEqualTo("00");

      simulator.toHandle().destroy(); // SIGTERM (Process.destroy() would close its output too)

      assertThat(simulator.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
      List<String> rest = new ArrayList<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        rest.add(line);
      }
      assertThat(rest).contains("stopped: frozen 1000, captured 0, refunded 0 (minor units)");
    } finally {
      simulator.destroyForcibly();
    }
  }

  /**
   * Over TLS: a throwaway PKCS12 test keystore made by the running JDK's keytool, the command
   * presenting it, a client trusting its certificate only.
   */
  @Test
  void listensWithTlsFromAKeystore(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("test-simulator.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process made =
        new ProcessBuilder(
                keytool, "-genkeypair", "-alias", "test", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", TEST_PASSWORD, "-keypass", TEST_PASSWORD)
            .redirectErrorStream(true)
            .start();
    made.getInputStream().readAllBytes();
    assertThat(made.waitFor(GUARD_SECONDS, TimeUnit.SECONDS) && made.exitValue() == 0).isTrue();
    AtomicInteger status = new AtomicInteger(-1);
    Thread command =
        new Thread(
            () ->
                status.set(
                    run("--port", "0", "--tls-keystore", keystore.toString(),
                        "--tls-password", TEST_PASSWORD)));
    command.start();
    String banner = out.next();
    Matcher port =
        Pattern.compile("127\\.0\\.0\\.1:(\\d+) \\(framing BINARY_2, TLS").matcher(banner);
    assertThat(port.find()).as(banner).isTrue();

    DecodedMessage answer;
    try (Socket socket =
        trusting(keystore)
            .getSocketFactory()
            .createSocket(InetAddress.getLoopbackAddress(), Integer.parseInt(port.group(1)))) {
      answer = preAuth(socket);
    }
    command.interrupt();
    command.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));

    assertThat(answer.readString(39)).isEqualTo("00");
    assertThat(status.get()).isZero();
  }

  /** A client context trusting the keystore's own certificate (the JDK trusts key entries' too). */
  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, TEST_PASSWORD.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(keys);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static DecodedMessage preAuth(int port) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return preAuth(socket);
    }
  }

  private static DecodedMessage preAuth(Socket socket) throws Exception {
    IsoMessage request =
        IsoMessage.builder(Specs.unionPayPos())
            .mti("0100")
            .tpdu(new byte[] {0x60, 0, 3, 0, 0})
            .header(new byte[] {0x60, 0x31, 0, 0x31, 0, 0})
            .set(2, TEST_PAN)
            .set(3, "030000")
            .set(4, 1000L)
            .set(11, "000001")
            .set(25, "06")
            .set(41, "TERM0001")
            .set(42, "898310048990001")
            .set(49, "156")
            .setSubfields(60, "10", "000001")
            .build();
    return exchange(socket, request);
  }

  private static DecodedMessage exchange(Socket socket, IsoMessage request) throws Exception {
    IsoCodec codec = IsoCodec.of(Specs.unionPayPos());
    socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
    socket.getOutputStream().write(codec.encode(request, LengthPrefix.BINARY_2));
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] body = new byte[in.readUnsignedShort()];
    in.readFully(body);
    return codec.decode(body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--port abc",
        "--port 70000",
        "--port",
        "--profile visa",
        "--framing 3",
        "--framing none",
        "--fault nope:0.1",
        "--fault delay:2",
        "--fault delay:0.6 --fault garbage:0.6",
        "--seed x",
        "--balance -1",
        "--bogus",
        "--tls-keystore /nonexistent/test.p12",
        "stray"
      })
  void badArgumentsAreAUsageErrorOnOneLine(String args) {
    assertThat(run(args.split(" "))).isEqualTo(2);
    String printed = err.toString(StandardCharsets.UTF_8);
    assertThat(printed).startsWith("escrowkit simulate: ").endsWith(System.lineSeparator());
    assertThat(printed.strip().lines()).hasSize(1);
    assertThat(out.queue).isEmpty();
  }

  @Test
  void optionsMayBeGivenWithEquals() throws Exception {
    AtomicInteger status = new AtomicInteger(-1);
    Thread command =
        new Thread(
            () ->
                status.set(
                    run("--port=0", "--profile=iso87ascii", "--framing=4a", "--require-mac")));
    command.start();
    String banner = out.next();
    command.interrupt();
    command.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));

    assertThat(banner).contains("profile iso87ascii").contains("framing ASCII_4");
    assertThat(status.get()).isZero();
  }

  @Test
  void issuesWorkingKeysOnSignOnWhenAsked() throws Exception {
    AtomicInteger status = new AtomicInteger(-1);
    Thread command = new Thread(() -> status.set(
        run("--port", "0", "--profile", "cup", "--issue-working-keys")));
    command.start();
    String banner = out.next();
    Matcher port = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(banner);
    assertThat(port.find()).as(banner).isTrue();

    DecodedMessage answer;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(),
        Integer.parseInt(port.group(1)))) {
      answer = exchange(socket, IsoMessage.builder(Specs.unionPayPos())
          .mti("0800")
          .tpdu(new byte[] {0x60, 0, 3, 0, 0})
          .header(new byte[] {0x60, 0x31, 0, 0x31, 0, 0})
          .set(11, "000001")
          .set(41, "TERM0001")
          .set(42, "898310048990001")
          .setSubfields(60, "00", "000001", "003")
          .build());
    }
    command.interrupt();
    command.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));

    assertThat(banner).contains("working keys");
    assertThat(answer.readString(39)).isEqualTo("00");
    assertThat(answer.readBytes(62)).hasSize(40); // PIK 16 + 4, MAK 16 + 4
    assertThat(status.get()).isZero();
  }

  @Test
  void helpPrintsTheUsage() {
    assertThat(run("--help")).isZero();
    assertThat(out.queue).hasSize(1).first().asString().startsWith("usage: escrowkit simulate");
  }
}
