package io.escrowkit.simulator.functional;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.iso8583.spec.ValueEncoding;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.HostProfile;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.SocketException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * A raw terminal for tests: one TCP connection to the simulator, messages framed and encoded with
 * the codec, MACs computed here independently of the simulator's code (over the encoded bytes from
 * the MTI up to the MAC field, by position). Not threadsafe.
 */
final class TestTerminal implements AutoCloseable {

  /** A safety net so a broken test fails instead of hanging; no assertion depends on it. */
  private static final int READ_GUARD_MILLIS = 20_000;

  private final HostProfile profile;
  private final LengthPrefix framing;
  private final IsoCodec codec;
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final SoftwareSecureModule module = SoftwareSecureModule.withTestKeys(new Random(1));

  TestTerminal(AcquirerSimulator host) throws IOException {
    this.profile = host.profile();
    this.framing = host.framing();
    this.codec = IsoCodec.of(profile.spec());
    this.socket = new Socket(host.address().getAddress(), host.port());
    socket.setSoTimeout(READ_GUARD_MILLIS);
    socket.setTcpNoDelay(true);
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  void send(IsoMessage message) throws IOException {
    sendFrame(codec.encode(message, framing));
  }

  /** The frame {@link #send} would write for {@code message}, prefix included, to alter first. */
  byte[] frameOf(IsoMessage message) {
    return codec.encode(message, framing);
  }

  /** The array index, in {@link #frameOf}'s frame, of {@code field}'s value. */
  int valueOffset(byte[] frame, int field) {
    return codec.decode(frame, framing.size(), frame.length - framing.size()).valueOffset(field);
  }

  /** Writes a frame as it is. */
  void sendFrame(byte[] frame) throws IOException {
    out.write(frame);
    out.flush();
  }

  /** Reads one frame's body (without the prefix). */
  byte[] receiveBody() throws IOException {
    byte[] prefix = new byte[framing.size()];
    in.readFully(prefix);
    byte[] body = new byte[framing.read(prefix, 0)];
    in.readFully(body);
    return body;
  }

  DecodedMessage receive() throws IOException {
    return codec.decode(receiveBody());
  }

  byte[] exchangeBody(IsoMessage message) throws IOException {
    send(message);
    return receiveBody();
  }

  DecodedMessage exchange(IsoMessage message) throws IOException {
    send(message);
    return receive();
  }

  /** Sends with a MAC computed by this terminal. */
  DecodedMessage exchangeSigned(IsoMessage message) throws IOException {
    return exchange(sign(message, false));
  }

  /** Reads until the connection ends; returns the bytes received before the end. */
  byte[] readUntilClosed() throws IOException {
    byte[] buf = new byte[4096];
    int n = 0;
    try {
      int r;
      while ((r = in.read(buf, n, buf.length - n)) > 0) {
        n += r;
      }
    } catch (SocketException reset) {
      // a reset ends the stream as well; what arrived before it is returned
    }
    return Arrays.copyOf(buf, n);
  }

  /** Writes {@code bytes} as they are: no framing, no encoding. */
  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Whether the next read finds the stream at its end (EOF or reset). */
  boolean isClosedByHost() throws IOException {
    try {
      return in.read() < 0;
    } catch (EOFException | SocketException e) {
      return true;
    }
  }

  /** The message with field 64 (or 128) set to this terminal's MAC, or a corrupted one. */
  IsoMessage sign(IsoMessage message, boolean corrupt) {
    int[] fields = message.fields();
    int field = fields[fields.length - 1] > 64 ? 128 : 64;
    IsoMessage.Builder b = message.toBuilder().set(field, new byte[8]);
    byte[] encoded = codec.encode(b.build());
    byte[] mac =
        module.mac(profile.macAlgorithm(), SoftwareSecureModule.TEST_MAC_KEY_ID, macInput(encoded));
    if (corrupt) {
      mac[0] ^= 0x40;
    }
    return b.set(field, mac).build();
  }

  /**
   * Writes this terminal's MAC of a frame from {@link #frameOf} (altered since, say) over the MAC
   * field at its end, or a corrupted one.
   */
  void resign(byte[] frame, boolean corrupt) {
    byte[] body = Arrays.copyOfRange(frame, framing.size(), frame.length);
    byte[] mac =
        module.mac(profile.macAlgorithm(), SoftwareSecureModule.TEST_MAC_KEY_ID, macInput(body));
    if (corrupt) {
      mac[0] ^= 0x40;
    }
    boolean hex = profile.spec().field(64).get().valueEncoding() == ValueEncoding.HEX_ASCII;
    byte[] wire = hex
        ? HexFormat.of().withUpperCase().formatHex(mac).getBytes(StandardCharsets.US_ASCII)
        : mac;
    System.arraycopy(wire, 0, frame, frame.length - wire.length, wire.length);
  }

  /** Whether a received message's MAC is this terminal's MAC of it. */
  boolean macVerifies(DecodedMessage m, byte[] body) {
    byte[] mac =
        module.mac(profile.macAlgorithm(), SoftwareSecureModule.TEST_MAC_KEY_ID, macInput(body));
    return Arrays.equals(mac, m.readBytes(m.has(128) ? 128 : 64));
  }

  /** From the MTI (after TPDU and header) to the MAC field, which is the last 8 bytes or 16 hex. */
  private byte[] macInput(byte[] encoded) {
    int start = (profile.spec().hasTpdu() ? 5 : 0) + profile.spec().headerLength();
    boolean hex = profile.spec().field(64).get().valueEncoding() == ValueEncoding.HEX_ASCII;
    return Arrays.copyOfRange(encoded, start, encoded.length - (hex ? 16 : 8));
  }

  MacAlgorithm algorithm() {
    return profile.macAlgorithm();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
