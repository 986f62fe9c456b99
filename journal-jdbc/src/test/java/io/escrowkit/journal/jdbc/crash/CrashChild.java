package io.escrowkit.journal.jdbc.crash;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowResult;
import io.escrowkit.IllegalTransitionException;
import io.escrowkit.Money;
import io.escrowkit.OperationInProgressException;
import io.escrowkit.ReversalPendingException;
import io.escrowkit.OperationRequest;
import io.escrowkit.RecoveryReport;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.journal.jdbc.JdbcJournal;
import io.escrowkit.journal.jdbc.testing.Clients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The process the crash test kills: an escrow client on a durable SQLite journal, talking to the
 * host in the test's JVM through {@link BridgeTransport}, running escrows with deterministic
 * idempotency keys on a few threads until it is killed. Each start recovers what the last one left,
 * then resumes every thread at the last escrow it logged (asking again with the same keys).
 *
 * <p>Escrow {@code i}: a hold ({@code hold-i}) of 100.00 + (i mod 50) CNY, then by {@code i mod 4}:
 * a full capture, a release, a partial capture, or a capture and a refund of 20.00. Prints {@code
 * READY} with the start-up recovery report once it takes operations.
 *
 * <p>Arguments: journal file, host bridge port, key log file, incarnation number.
 */
public final class CrashChild {
  static final int WORKERS = 3;
  static final String CURRENCY = "CNY";
  static final long REFUND_MINOR = 2_000;

  private final EscrowClient client;
  private final KeyLog log;

  private CrashChild(EscrowClient client, KeyLog log) {
    this.client = client;
    this.log = log;
  }

  public static void main(String[] args) throws Exception {
    Path journalFile = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    Path logFile = Path.of(args[2]);
    int incarnation = Integer.parseInt(args[3]);
    Map<Integer, Integer> resume = KeyLog.lastIndexPerWorker(logFile, WORKERS);
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3);
    JdbcJournal journal = JdbcJournal.sqlite(journalFile);
    BridgeTransport transport = new BridgeTransport(port);
    EscrowClient client =
        Clients.builder(journal, transport, scheduler, 1_000_003L * incarnation)
            .recoveryInterval(Duration.ofMillis(250))
            .recoverOnStart(false)
            .build();
    RecoveryReport recovered = client.recover();
    System.out.println(
        "READY inDoubt=" + recovered.requestsInDoubt() + " owed=" + recovered.workOwed());
    System.out.flush();
    CrashChild child = new CrashChild(client, new KeyLog(logFile));
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    for (int w = 0; w < WORKERS; w++) {
      int first = resume.getOrDefault(w, w);
      workers.execute(() -> child.run(first));
    }
    workers.shutdown();
    workers.awaitTermination(1, TimeUnit.HOURS);
  }

  static long holdMinor(int i) {
    return 10_000 + (i % 50) * 100L;
  }

  static long captureMinor(int i) {
    return i % 4 == 2 ? holdMinor(i) - 1_000 : holdMinor(i);
  }

  private void run(int first) {
    int owedRetries = 0;
    for (int i = first; i < 1_000_000; i += WORKERS) {
      try {
        escrow(i);
        owedRetries = 0;
      } catch (ReversalPendingException owed) {
        // UnionPay: the terminal's owed reversals go first; an app retries the same request.
        if (++owedRetries > 10_000) {
          throw owed;
        }
        i -= WORKERS;
      } catch (IllegalTransitionException | OperationInProgressException left) {
        // A previous life left this escrow in doubt or mid-request; recovery finishes it.
        System.out.println("skip " + i + ": " + left.getMessage());
      } catch (RuntimeException e) {
        e.printStackTrace();
        System.out.flush();
        Runtime.getRuntime().halt(3); // the parent fails the test on any exit it did not cause
      }
    }
  }

  private void escrow(int i) {
    String reference = "ref-" + i;
    Escrow held =
        logged(
            "HOLD",
            i,
            "hold-" + i,
            holdMinor(i),
            reference,
            () ->
                client
                    .hold(Money.ofMinor(holdMinor(i), CURRENCY))
                    .reference(reference)
                    .card(TestCards.unionPayChip())
                    .idempotencyKey("hold-" + i)
                    .execute());
    if (!held.approved()) {
      return;
    }
    Escrow current = client.escrow(held.id()).get();
    switch (i % 4) {
      case 1:
        follow("RELEASE", i, "rel-" + i, 0, current.release());
        break;
      case 3:
        Escrow captured =
            follow(
                "CAPTURE",
                i,
                "cap-" + i,
                captureMinor(i),
                current.capture(Money.ofMinor(captureMinor(i), CURRENCY)));
        if (captured.approved()) {
          follow(
              "REFUND",
              i,
              "refund-" + i,
              REFUND_MINOR,
              captured.refresh().refund(Money.ofMinor(REFUND_MINOR, CURRENCY)));
        }
        break;
      default:
        follow(
            "CAPTURE",
            i,
            "cap-" + i,
            captureMinor(i),
            current.capture(Money.ofMinor(captureMinor(i), CURRENCY)));
    }
  }

  private Escrow follow(
      String kind, int i, String key, long amountMinor, OperationRequest request) {
    return logged(kind, i, key, amountMinor, "", () -> request.idempotencyKey(key).execute());
  }

  private Escrow logged(
      String kind,
      int i,
      String key,
      long amountMinor,
      String reference,
      Supplier<Escrow> operation) {
    Escrow escrow = operation.get();
    EscrowResult result = escrow.result().get();
    log.record(kind, i, key, amountMinor, reference, result);
    return escrow;
  }
}
