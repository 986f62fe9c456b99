package io.escrowkit.simulator.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.CardAccount;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.SimulatorLedger;
import io.escrowkit.simulator.functional.Requests.Ref;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The books add up: per authorization, per card and in total, after many mixed requests. */
class LedgerArithmeticTest {

  private static final String[] CARDS = {
    "6225880012345678", "6212345678901234", "6217000010000005", "6259650000000013"
  };

  /** What the terminal expects of one hold from the answers it got. */
  private static final class Expected {
    final Ref hold;
    final String pan;
    final long held;
    long frozen;
    long captured;
    long refunded;
    Ref completion;

    Expected(Ref hold, String pan, long held) {
      this.hold = hold;
      this.pan = pan;
      this.held = held;
      this.frozen = held;
    }
  }

  @Test
  void theBooksMatchWhatTheTerminalWasToldAfterManyMixedRequests() throws Exception {
    Random random = new Random(20260115);
    Requests requests = new Requests(HostProfile.CUP);
    List<Expected> holds = new ArrayList<>();
    try (AcquirerSimulator host = AcquirerSimulator.builder().seed(99).start();
        TestTerminal terminal = new TestTerminal(host)) {
      for (int step = 0; step < 300; step++) {
        int op = holds.isEmpty() ? 0 : random.nextInt(5);
        Expected e = holds.isEmpty() ? null : holds.get(random.nextInt(holds.size()));
        if (op == 0) {
          String pan = CARDS[random.nextInt(CARDS.length)];
          long amount = 100 * (1 + random.nextInt(5_000)) + random.nextInt(100);
          DecodedMessage answer = terminal.exchange(requests.preAuth(pan, amount));
          if (approved(answer)) {
            holds.add(new Expected(Ref.of(answer), pan, amount));
          }
        } else if (op == 1 && e.frozen > 0) {
          long amount = e.held * (50 + random.nextInt(70)) / 100;
          DecodedMessage answer = terminal.exchange(requests.completion(e.pan, amount, e.hold));
          if (approved(answer)) {
            e.captured += amount;
            e.frozen = 0;
            e.completion = Ref.of(answer);
          }
        } else if (op == 2 && e.frozen > 0) {
          if (approved(terminal.exchange(requests.cancel(e.pan, e.held, e.hold)))) {
            e.frozen = 0;
          }
        } else if (op == 3 && e.completion != null && e.refunded == 0) {
          IsoMessage refund = requests.refund(e.pan, e.captured / 2, e.completion);
          if (approved(terminal.exchange(refund))) {
            e.refunded += e.captured / 2;
          }
        } else if (op == 4 && e.completion != null && e.refunded == 0) {
          IsoMessage voidRequest = requests.voidCompletion(e.pan, e.captured, e.completion);
          if (approved(terminal.exchange(voidRequest))) {
            e.captured = 0;
            e.frozen = e.held;
            e.completion = null;
          }
        }
      }
      assertBooksMatch(host.ledger(), holds);
      long frozen = host.ledger().frozenTotal();
      long captured = host.ledger().capturedTotal();
      long refunded = host.ledger().refundedTotal();
      long stillHeld = holds.stream().filter(e -> e.frozen > 0).count();

      int forgotten = host.ledger().forgetClosed();

      assertThat(forgotten).isEqualTo(holds.size() - stillHeld);
      assertThat(host.ledger().authorizations()).hasSize((int) stillHeld);
      assertThat(host.ledger().frozenTotal()).isEqualTo(frozen);
      assertThat(host.ledger().capturedTotal()).isEqualTo(captured);
      assertThat(host.ledger().refundedTotal()).isEqualTo(refunded);
      assertThat(host.ledger().postings())
          .allSatisfy(p -> assertThat(host.ledger().authorization(p.authCode())).isPresent());
    }
  }

  private static boolean approved(DecodedMessage answer) {
    String code = answer.readString(39);
    return code.equals("00") || code.equals("11");
  }

  private static void assertBooksMatch(SimulatorLedger ledger, List<Expected> holds) {
    assertThat(ledger.authorizations()).hasSize(holds.size());
    Map<String, long[]> perCard = new HashMap<>();
    long frozen = 0;
    long captured = 0;
    long refunded = 0;
    for (Expected e : holds) {
      Authorization auth = ledger.authorization(e.hold.authCode()).get();
      assertThat(new long[] {auth.frozen(), auth.captured(), auth.refunded()})
          .as("authorization %s", e.hold.authCode())
          .containsExactly(e.frozen, e.captured, e.refunded);
      long[] card = perCard.computeIfAbsent(e.pan, p -> new long[3]);
      card[0] += e.frozen;
      card[1] += e.captured;
      card[2] += e.refunded;
      frozen += e.frozen;
      captured += e.captured;
      refunded += e.refunded;
    }
    assertThat(ledger.frozenTotal()).isEqualTo(frozen);
    assertThat(ledger.capturedTotal()).isEqualTo(captured);
    assertThat(ledger.refundedTotal()).isEqualTo(refunded);
    perCard.forEach(
        (pan, sums) -> {
          CardAccount account = ledger.account(pan).get();
          assertThat(new long[] {account.frozen(), account.captured(), account.refunded()})
              .containsExactly(sums);
          assertThat(account.available())
              .isEqualTo(account.balance() - sums[0] - sums[1] + sums[2]);
        });
  }

  @Test
  void concurrentTerminalsKeepTheirBooksApart() throws Exception {
    try (AcquirerSimulator host = AcquirerSimulator.builder().seed(5).start()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Long>> captured = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          String terminalId = "TERM000" + t;
          String pan = CARDS[t];
          captured.add(pool.submit(() -> runTerminal(host, terminalId, pan)));
        }
        long expected = 0;
        for (Future<Long> f : captured) {
          expected += f.get();
        }
        assertThat(host.ledger().capturedTotal()).isEqualTo(expected);
        assertThat(host.ledger().frozenTotal()).isZero();
        assertThat(host.ledger().reversalsApplied()).isEqualTo(4 * 25);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** 50 holds: odd ones completed, even ones reversed; returns what it captured. */
  private static long runTerminal(AcquirerSimulator host, String terminalId, String pan)
      throws Exception {
    Requests requests = new Requests(HostProfile.CUP, terminalId);
    long captured = 0;
    try (TestTerminal terminal = new TestTerminal(host)) {
      for (int i = 0; i < 50; i++) {
        IsoMessage preAuth = requests.preAuth(pan, 10_000 + 100 * i);
        Ref hold = Ref.of(terminal.exchange(preAuth));
        if (i % 2 == 0) {
          assertThat(terminal.exchange(requests.reversal(preAuth, "98")).readString(39))
              .isEqualTo("00");
        } else {
          long amount = 9_000 + 100 * i;
          assertThat(approved(terminal.exchange(requests.completion(pan, amount, hold)))).isTrue();
          captured += amount;
        }
      }
    }
    return captured;
  }
}
