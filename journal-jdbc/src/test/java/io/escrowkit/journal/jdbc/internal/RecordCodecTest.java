package io.escrowkit.journal.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Capture;
import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.Operation;
import io.escrowkit.OperationStatus;
import io.escrowkit.PendingRequest;
import io.escrowkit.failure.Failure;
import io.escrowkit.journal.jdbc.testing.Samples;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

  @Property(tries = 300)
  void everySnapshotReadsBackEqual(@ForAll("snapshots") EscrowSnapshot snapshot) {
    assertThat(RecordCodec.snapshotFromJson(RecordCodec.snapshotToJson(snapshot)))
        .isEqualTo(snapshot);
  }

  @Property(tries = 200)
  void everyResultReadsBackEqual(
      @ForAll("snapshots") EscrowSnapshot snapshot, @ForAll("failures") Optional<Failure> failure) {
    EscrowResult result =
        new EscrowResult(
            snapshot.id(),
            Operation.CAPTURE,
            failure.isPresent() ? OperationStatus.DECLINED : OperationStatus.APPROVED,
            snapshot,
            failure,
            failure.flatMap(Failure::responseCode),
            "key-" + snapshot.id());

    assertThat(RecordCodec.resultFromJson(RecordCodec.resultToJson(result))).isEqualTo(result);
  }

  @Test
  void theDocumentHoldsTheMaskedPanOnly() {
    String json = RecordCodec.snapshotToJson(Samples.rich("esc_1", Samples.T0));

    assertThat(json)
        .contains("\"maskedPan\":\"620000******0005\"")
        .doesNotContain("6200000000000005");
  }

  @Test
  void anUnknownStateIsReportedAsAnUnknownValueWithItsPath() {
    String json =
        RecordCodec.snapshotToJson(Samples.rich("esc_1", Samples.T0))
            .replace("\"state\":\"REFUND_PENDING\"", "\"state\":\"TELEPORTED\"");

    assertThatThrownBy(() -> RecordCodec.snapshotFromJson(json))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.unknownValue()).isTrue();
              assertThat(e.path()).isEqualTo("$.state");
            })
        .hasMessageContaining("unknown EscrowState 'TELEPORTED'");
  }

  @Test
  void aMissingMemberIsReportedWithItsPath() {
    String json =
        RecordCodec.snapshotToJson(Samples.rich("esc_1", Samples.T0))
            .replace("\"currency\":\"CNY\"}", "\"currenc\":\"CNY\"}");

    assertThatThrownBy(() -> RecordCodec.snapshotFromJson(json))
        .isInstanceOfSatisfying(
            DocumentException.class, e -> assertThat(e.unknownValue()).isFalse())
        .hasMessageContaining("$.held.currency: missing");
  }

  @Test
  void aValueTheRecordRefusesIsReportedNotThrownRaw() {
    String json =
        RecordCodec.snapshotToJson(Samples.rich("esc_1", Samples.T0))
            .replace("\"minor\":12800", "\"minor\":-5");

    assertThatThrownBy(() -> RecordCodec.snapshotFromJson(json))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("$.held: rejected");
  }

  @Provide
  Arbitrary<EscrowSnapshot> snapshots() {
    Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(20);
    Arbitrary<Currency> currencies =
        Arbitraries.of("CNY", "JPY", "KWD", "USD").map(Currency::getInstance);
    Arbitrary<Instant> instants =
        Arbitraries.longs()
            .between(0, 4_000_000_000L)
            .flatMap(
                s ->
                    Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(n -> Instant.ofEpochSecond(s, n)));
    Arbitrary<Long> amounts = Arbitraries.longs().between(0, Long.MAX_VALUE / 64);
    Arbitrary<List<Capture>> captures =
        Combinators.combine(amounts, instants, Arbitraries.longs().between(1, 999_999))
            .as((a, at, trace) -> new Capture(Money.ofMinor(a, "CNY"), at, trace))
            .list()
            .ofMaxSize(3);
    Arbitrary<Optional<PendingRequest>> pending =
        Combinators.combine(
                Arbitraries.of(Operation.class),
                text,
                text,
                amounts,
                Arbitraries.of(true, false),
                instants)
            .as(
                (op, id, key, a, last, at) ->
                    new PendingRequest(op, id, key, Money.ofMinor(a, "CNY"), last, 123, at))
            .optional();
    Arbitrary<Map<String, String>> references =
        Arbitraries.maps(text, Arbitraries.strings().ofMaxLength(12)).ofMaxSize(4);
    return Combinators.combine(
            text,
            text,
            Arbitraries.of(EscrowState.class),
            currencies,
            captures,
            pending,
            references,
            instants)
        .flatAs(
            (id, reference, state, currency, captured, request, refs, at) ->
                Combinators.combine(
                        amounts,
                        Arbitraries.of(EscrowState.class).optional(),
                        Arbitraries.longs().between(1, Long.MAX_VALUE))
                    .as(
                        (held, resume, version) ->
                            new EscrowSnapshot(
                                id,
                                reference,
                                "898310048990001",
                                "10000001",
                                "620000******0005",
                                "tok",
                                "UnionPay",
                                state,
                                new Money(held, currency),
                                captured,
                                Money.ofMinor(held / 2, "CNY"),
                                at,
                                at.plusNanos(1),
                                at.plusSeconds(86_400),
                                refs,
                                request,
                                resume,
                                version)));
  }

  @Provide
  Arbitrary<Optional<Failure>> failures() {
    return Arbitraries.of(
            Failure.fromResponseCode("51"),
            Failure.fromResponseCode("A7"),
            Failure.networkTimeout("no answer in 60 s; card 6200000000000005"),
            Failure.riskRefusal("daily", "DAILY_LIMIT", "over 5000.00"),
            Failure.operator("WRONG_STATE", "x".repeat(1200)),
            Failure.device("OUT_OF_PAPER", "printer"))
        .optional();
  }
}
