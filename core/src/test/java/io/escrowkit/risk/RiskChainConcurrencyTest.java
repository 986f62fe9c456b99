package io.escrowkit.risk;

import static io.escrowkit.risk.Holds.hold;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RiskChainConcurrencyTest {

  private static final int THREADS = 16;

  @Test
  void identicalHoldsSentConcurrentlyPassTheDuplicateRuleExactlyOnce() throws Exception {
    InMemoryRiskHistory history = new InMemoryRiskHistory();
    RiskChain chain =
        RiskChain.builder()
            .rule(RiskRules.duplicate(Duration.ofMinutes(2)))
            .history(history)
            .build();
    RiskContext context = hold().build();
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<RiskDecision>> decisions = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        decisions.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return chain.evaluateAndAccept(context);
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads started").isTrue();
      go.countDown();

      int allowed = 0;
      int refusedAsDuplicate = 0;
      for (Future<RiskDecision> decision : decisions) {
        RiskDecision result = decision.get(30, TimeUnit.SECONDS);
        if (result.allowed()) {
          allowed++;
        } else if (result.refusal().orElseThrow().reasonCode().equals(ReasonCodes.DUPLICATE)) {
          refusedAsDuplicate++;
        }
      }

      assertThat(allowed).isEqualTo(1);
      assertThat(refusedAsDuplicate).isEqualTo(THREADS - 1);
      assertThat(history.size()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
