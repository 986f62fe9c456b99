package io.escrowkit.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a host's response code makes of an answer. */
class TransportOutcomeTest {

  @Test
  void approvalsWithConditionsAreApprovals() {
    for (String code : new String[] {"00", "08", "10", "11", "16", "A2", "A4", "A5", "A6"}) {
      assertThat(TransportOutcome.fromResponseCode(code, Map.of()).kind())
          .as(code).isEqualTo(TransportOutcome.Kind.APPROVED);
    }
  }

  @Test
  void catalogedRefusalsAreDeclines() {
    assertThat(TransportOutcome.fromResponseCode("51", Map.of()).kind())
        .isEqualTo(TransportOutcome.Kind.DECLINED);
  }

  /**
   * A code the catalog does not know may be a host's approval: it is in doubt, so the client
   * reverses it, never a decline that would leave an approved hold frozen.
   */
  @Test
  void aCodeTheCatalogDoesNotKnowIsInDoubt() {
    TransportOutcome outcome = TransportOutcome.fromResponseCode("Q7", Map.of());

    assertThat(outcome.kind()).isEqualTo(TransportOutcome.Kind.UNKNOWN);
    assertThat(outcome.unknownReason()).contains(UnknownReason.MALFORMED_RESPONSE);
    assertThat(outcome.detail()).contains("'Q7'", "not in the response code catalog");
  }
}
