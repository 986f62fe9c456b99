package io.escrowkit.simulator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One request the simulator received and what it did with it, for listeners and logs. Shows the
 * card only masked. Immutable and threadsafe.
 *
 * @param at when it was handled, by the simulator's clock
 * @param requestMti the request's MTI
 * @param transaction what the request asked, e.g. {@code PRE_AUTH}, {@code REVERSAL}
 * @param terminalId field 41 ("" if absent)
 * @param stan field 11 ("" if absent)
 * @param maskedPan the card, first 6 and last 4 digits, or "-"
 * @param amount field 4 in minor units, if present
 * @param responseMti the answer's MTI; empty if none was built
 * @param responseCode the answer's field 39; empty if none was built
 * @param fault the fault injected into the answer, if any
 * @param note why the simulator answered so (no card data)
 */
public record Exchange(
    Instant at,
    String requestMti,
    String transaction,
    String terminalId,
    String stan,
    String maskedPan,
    OptionalLong amount,
    Optional<String> responseMti,
    Optional<String> responseCode,
    Optional<Fault> fault,
    String note) {

  /** Checks that nothing is missing. */
  public Exchange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(requestMti, "requestMti");
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(terminalId, "terminalId");
    Objects.requireNonNull(stan, "stan");
    Objects.requireNonNull(maskedPan, "maskedPan");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(responseMti, "responseMti");
    Objects.requireNonNull(responseCode, "responseCode");
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(note, "note");
  }

  /** One log line: {@code 0100 PRE_AUTH term=T1 stan=000001 card=622588******5678 ...}. */
  @Override
  public String toString() {
    return requestMti
        + " "
        + transaction
        + " term="
        + terminalId
        + " stan="
        + stan
        + " card="
        + maskedPan
        + (amount.isPresent() ? " amount=" + amount.getAsLong() : "")
        + " -> "
        + responseMti.orElse("no answer")
        + responseCode.map(c -> " " + c).orElse("")
        + fault.map(f -> " [fault " + f.cliName() + "]").orElse("")
        + (note.isEmpty() ? "" : " (" + note + ")");
  }
}
