package io.escrowkit.benchmarks.roundtrip;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.SecureModule;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.iso8583.mapping.MacSigner;
import io.escrowkit.iso8583.mapping.MappingSettings;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The raw round trip plus the least that the issue asks of every message, whatever the client:
 * each request encoded and MACed through the secure module, each answer decoded, its MAC checked
 * and its response code read. The messages come ready-made (mapped once, before the trial, with
 * room for the MAC) and are encoded once, the MAC written into the frame; and
 * the connection is {@link RawPipeline}'s: no mapping, no matching by trace, no journal, no state.
 * So this is a floor for any client that checks MACs both ways, between the raw side and the
 * transport alone. Threadsafe.
 */
@State(Scope.Benchmark)
public class CheckedSide extends RawSide {
  private static final IsoCodec CODEC =
      IsoCodec.of(MappingSettings.unionPay().dialect().spec());

  private static final MacAlgorithm ALGORITHM =
      MappingSettings.unionPay().dialect().defaultMacAlgorithm();
  private static final int MAC_BYTES = 8;

  private final SecureModule module = SoftwareSecureModule.withTestKeys(new Random(3));
  private final MacSigner checker =
      new MacSigner(module, ALGORITHM, SoftwareSecureModule.TEST_MAC_KEY_ID);

  /** A hold then its capture, each signed, sent, and its answer decoded and checked. */
  DecodedMessage holdThenCapture(Lane lane) throws InterruptedException, ExecutionException {
    int escrow = lane.next();
    exchange(lane.holds[escrow]);
    return exchange(lane.captures[escrow]);
  }

  private DecodedMessage exchange(IsoMessage withZeroMac)
      throws InterruptedException, ExecutionException {
    // Encoded once, the MAC written over the zeros of its field (binary, last in the frame).
    byte[] frame = CODEC.encode(withZeroMac, LengthPrefix.BINARY_2);
    int from = LengthPrefix.BINARY_2.size() + withZeroMac.tpdu().length
        + withZeroMac.header().length;
    int to = frame.length - MAC_BYTES;
    byte[] mac = module.mac(ALGORITHM, SoftwareSecureModule.TEST_MAC_KEY_ID,
        Arrays.copyOfRange(frame, from, to));
    System.arraycopy(mac, 0, frame, to, MAC_BYTES);
    byte[] body = send(frame).get();
    DecodedMessage answer = CODEC.decode(body);
    if (checker.verify(body, answer) != MacSigner.Check.VALID) {
      throw new IllegalStateException("an answer's MAC does not verify: " + answer.mti());
    }
    if (!"00".equals(answer.readString(39))) {
      throw new IllegalStateException("not approved: " + answer.readString(39));
    }
    return answer;
  }

  /**
   * One benchmark thread's escrows, with a MAC of zeros, with traces of its own that do not come back within
   * an iteration (as {@link RawSide.Lane}'s). Not threadsafe: one per thread.
   */
  @State(Scope.Thread)
  public static class Lane {
    private IsoMessage[] holds;
    private IsoMessage[] captures;
    private int next;

    @Setup(Level.Trial)
    public void build(CheckedSide side) {
      int lane = side.nextLane();
      holds = new IsoMessage[RawSide.Lane.ESCROWS];
      captures = new IsoMessage[RawSide.Lane.ESCROWS];
      for (int i = 0; i < RawSide.Lane.ESCROWS; i++) {
        long holdTrace = 1 + 2L * (lane * RawSide.Lane.ESCROWS + i);
        holds[i] = RoundTripFrames.holdMessage(holdTrace).with(64, new byte[MAC_BYTES]);
        captures[i] = RoundTripFrames.captureMessage(holdTrace).with(64, new byte[MAC_BYTES]);
      }
    }

    int next() {
      int escrow = next;
      next = (next + 1) % RawSide.Lane.ESCROWS;
      return escrow;
    }
  }
}
