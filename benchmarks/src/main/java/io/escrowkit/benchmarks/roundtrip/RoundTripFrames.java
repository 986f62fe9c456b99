package io.escrowkit.benchmarks.roundtrip;

import io.escrowkit.Money;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.iso8583.mapping.MacSigner;
import io.escrowkit.iso8583.mapping.MappingSettings;
import io.escrowkit.iso8583.mapping.MessageMapper;
import io.escrowkit.iso8583.mapping.TerminalSession;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Ready-made UnionPay frames of a hold and of its capture, MACed with the test key: the bytes the
 * SDK sends for the same escrow, built once by the SDK's own mapper so the raw client sends the
 * same sizes and fields. The capture names its hold by trace in field 61 (the simulator looks the
 * hold up by it). Immutable.
 */
final class RoundTripFrames {
  static final String MERCHANT = "898310048990001";
  static final String TERMINAL = "10000001";
  static final Money HELD = Money.of("128.00", "CNY");

  private static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");
  private static final IsoCodec CODEC = IsoCodec.of(MappingSettings.unionPay().dialect().spec());
  private static final MessageMapper MAPPER =
      MessageMapper.of(
          MappingSettings.unionPay(),
          new TerminalSession(MERCHANT, TERMINAL, () -> 1, 1, Clock.systemUTC()));
  private static final MacSigner SIGNER =
      new MacSigner(
          SoftwareSecureModule.withTestKeys(new Random(1)),
          MappingSettings.unionPay().dialect().defaultMacAlgorithm(),
          SoftwareSecureModule.TEST_MAC_KEY_ID);

  final byte[] hold;
  final byte[] capture;

  /** The frames of an escrow whose hold goes with trace {@code holdTrace}, its capture the next. */
  RoundTripFrames(long holdTrace) {
    hold = frame(holdMessage(holdTrace));
    capture = frame(captureMessage(holdTrace));
  }

  /** The hold's message with trace {@code holdTrace}, without its MAC. */
  static IsoMessage holdMessage(long holdTrace) {
    return MAPPER.request(request(RequestType.HOLD, holdTrace, Map.of()));
  }

  /** The message of the capture of the hold with trace {@code holdTrace}, without its MAC. */
  static IsoMessage captureMessage(long holdTrace) {
    Map<String, String> references =
        Map.of(
            HostReference.AUTHORIZATION_CODE, "000000",
            HostReference.ORIGINAL_TRACE, String.format("%06d", holdTrace),
            HostReference.ORIGINAL_BATCH, "000001",
            HostReference.ORIGINAL_DATE, "1125");
    return MAPPER.request(request(RequestType.CAPTURE, holdTrace + 1, references));
  }

  private static TransportRequest request(
      RequestType type, long trace, Map<String, String> references) {
    boolean hold = type == RequestType.HOLD;
    return new TransportRequest(
        type,
        "op-" + trace,
        "escrow",
        MERCHANT,
        TERMINAL,
        trace,
        AT,
        AT,
        AT.plusSeconds(60),
        HELD,
        HELD,
        hold ? Optional.of(TestCards.unionPayChip()) : Optional.empty(),
        Optional.empty(),
        references,
        Optional.empty(),
        Optional.empty(),
        !hold,
        false);
  }

  private static byte[] frame(IsoMessage message) {
    return CODEC.encode(SIGNER.sign(message), LengthPrefix.BINARY_2);
  }
}
