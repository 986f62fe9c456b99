package io.escrowkit.iso8583.mapping;

import io.escrowkit.device.DeviceException;
import io.escrowkit.failure.ResponseCodes;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.channel.ChannelResult;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.UnknownReason;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads what the channel brought back as the core's {@link TransportOutcome}: no answer, an answer
 * without a readable response code, or one whose MAC fails are unknown (and get reversed); an
 * answer is approved or declined by its field 39 alone. It never declines on its own. A hold's
 * partial approval (10) that does not say in field 4 what it approved is unknown too: how much the
 * host holds cannot be told, so it is reversed rather than held at the amount asked. To any other
 * request a 10 is an approval, as before: a reversal, release or void has no part to approve, and
 * owed work (an advice, a forwarded refund) would be sent again for ever. Threadsafe.
 */
public final class AnswerInterpreter {
  /** Approved for a partial amount, the amount in field 4 (ISO 8583, and UnionPay's 部分承兑). */
  private static final String PARTIAL_APPROVAL = "10";

  private final MessageMapper mapper;
  private final Optional<MacSigner> mac;
  private final boolean requireMacOnApproval;

  /**
   * @param mac checks answers' MACs when present
   * @param requireMacOnApproval whether an approval without a MAC is in doubt (declines may come
   *     without one)
   */
  public AnswerInterpreter(
      MessageMapper mapper, Optional<MacSigner> mac, boolean requireMacOnApproval) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.mac = Objects.requireNonNull(mac, "mac");
    this.requireMacOnApproval = requireMacOnApproval;
  }

  public TransportOutcome outcome(TransportRequest request, IsoMessage sent, ChannelResult result) {
    if (!result.isAnswer()) {
      return TransportOutcome.unknown(result.failure().get(), result.detail());
    }
    DecodedMessage answer = result.message().get();
    try {
      Optional<String> code = answer.findString(39);
      if (!code.isPresent() || !isResponseCode(code.get())) {
        return TransportOutcome.unknown(
            UnknownReason.MALFORMED_RESPONSE,
            "answer "
                + answer.mti()
                + (code.isPresent() ? " has an invalid response code" : " has no response code"));
      }
      boolean approval = ResponseCodes.resolve(code.get()).isApproval();
      if (mac.isPresent()) {
        MacSigner.Check check = mac.get().verify(result.frame().get(), answer);
        if (check == MacSigner.Check.INVALID) {
          return TransportOutcome.unknown(
              UnknownReason.BAD_MAC,
              "answer " + answer.mti() + " (" + code.get() + ") failed its MAC check");
        }
        if (check == MacSigner.Check.ABSENT && approval && requireMacOnApproval) {
          return TransportOutcome.unknown(
              UnknownReason.BAD_MAC,
              "approval " + answer.mti() + " (" + code.get() + ") came without a MAC");
        }
      }
      if (request.type() == RequestType.HOLD && code.get().equals(PARTIAL_APPROVAL)
          && !BaseMapper.answeredAmount(answer).isPresent()) {
        return TransportOutcome.unknown(
            UnknownReason.MALFORMED_RESPONSE,
            "answer " + answer.mti() + " approves a part (10) without the amount in field 4");
      }
      Map<String, String> references = mapper.references(request, sent, answer);
      if (code.get().equals(mapper.settings().dialect().macRefusalCode())) {
        references = new HashMap<>(references); // the host could not verify the request's MAC
        references.put(HostReference.MAC_REFUSED, code.get());
      }
      return TransportOutcome.fromResponseCode(code.get(), references);
    } catch (IsoFormatException unreadable) {
      return TransportOutcome.unknown(
          UnknownReason.MALFORMED_RESPONSE,
          "answer " + answer.mti() + " unreadable: " + unreadable.getMessage());
    } catch (DeviceException macFailure) {
      // The terminal's own secure module failed, not the answer: reversed with reason 96.
      return TransportOutcome.unknown(UnknownReason.TERMINAL_FAILURE,
          "answer's MAC could not be checked: the secure module failed ("
              + macFailure.failure() + ")");
    }
  }

  /** Two characters of 0-9 and A-Z, as field 39 is defined. */
  private static boolean isResponseCode(String code) {
    return code.length() == 2 && isCodeChar(code.charAt(0)) && isCodeChar(code.charAt(1));
  }

  private static boolean isCodeChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  }
}
