package io.escrowkit.benchmarks.codec;

import com.solab.iso8583.MessageFactory;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import java.util.Arrays;
import org.jpos.iso.ISOBasePackager;
import org.jpos.iso.ISOMsg;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Everything the codec benchmarks work on, per form, built once per trial: the message as each
 * library's object and as each library's bytes. Setup checks that the libraries agree on the bytes
 * (this codec and jPOS: identical; j8583 in ASCII: identical; j8583 in binary: its own layout of
 * fields 2 and 35, see {@link J8583Side}), so every benchmark does the same job.
 *
 * <p>Not threadsafe: JMH gives each benchmark thread its own instance.
 */
@State(Scope.Thread)
public class Messages {

  /** The wire form: {@code ascii} (ISO87APackager) or {@code binary} (ISO87BPackager). */
  @Param({"ascii", "binary"})
  public String form;

  Form wire;
  IsoCodec codec;
  IsoMessage escrowkit;
  byte[] escrowkitBytes;

  /** A caller-supplied output buffer, and a reusable view, for the allocation-free paths. */
  final byte[] out = new byte[1024];

  final DecodedMessage view = new DecodedMessage();
  ISOBasePackager jposPackager;
  ISOMsg jpos;
  byte[] jposBytes;
  MessageFactory<com.solab.iso8583.IsoMessage> j8583Factory;
  com.solab.iso8583.IsoMessage j8583;
  byte[] j8583Bytes;
  // The values the build-and-encode benchmarks set, prepared once as each library takes them.
  final byte[] pinBlock = PreAuth.pinBlock();
  final byte[] mac = PreAuth.mac();
  final byte[] emv = PreAuth.emv();
  final String emvLatin1 = PreAuth.emvAsLatin1();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    wire = Form.of(form);
    codec = IsoCodec.of(wire.spec());
    escrowkit = PreAuth.escrowkit(wire.spec());
    escrowkitBytes = codec.encode(escrowkit);
    jposPackager = wire.jposPackager();
    jpos = JposSide.build(jposPackager, pinBlock, mac, emvLatin1);
    jposBytes = jpos.pack();
    j8583Factory = J8583Side.factory(wire.binary());
    j8583 = J8583Side.build(j8583Factory, wire.binary(), pinBlock, mac, emv, emvLatin1);
    j8583Bytes = j8583.writeData();
    check();
  }

  private void check() throws Exception {
    require(Arrays.equals(escrowkitBytes, jposBytes), "this codec and jPOS write the same bytes");
    require(
        wire.binary() || Arrays.equals(escrowkitBytes, j8583Bytes),
        "this codec and j8583 write the same bytes in ASCII");
    ISOMsg fromJpos = JposSide.unpack(jposPackager, escrowkitBytes);
    com.solab.iso8583.IsoMessage fromJ8583 = j8583Factory.parseMessage(j8583Bytes, 0);
    DecodedMessage ours = codec.decode(escrowkitBytes);
    for (int f : PreAuth.FIELDS) {
      String expected = PreAuth.isBinary(f) ? null : PreAuth.TEXT[f];
      if (expected != null) {
        require(expected.equals(ours.readString(f)), "this codec reads field " + f);
        require(expected.equals(fromJpos.getString(f)), "jPOS reads field " + f);
        require(expected.equals(fromJ8583.getField(f).toString()), "j8583 reads field " + f);
      } else {
        byte[] value = PreAuth.binary(f);
        require(Arrays.equals(value, ours.readBytes(f)), "this codec reads field " + f);
        require(Arrays.equals(value, fromJpos.getBytes(f)), "jPOS reads field " + f);
        require(Arrays.equals(value, Reads.j8583Bytes(fromJ8583, f)), "j8583 reads field " + f);
      }
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark setup: expected that " + what);
    }
  }
}
