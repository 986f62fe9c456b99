package io.escrowkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One timer for all requests in flight: each unanswered one ends once, answered ones never. */
class RequestDeadlinesTest {
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final RequestDeadlines deadlines = new RequestDeadlines(scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void unansweredRequestsEndOnceAtTheirDeadlinesAndAnsweredOnesNever() throws Exception {
    Set<Integer> expired = ConcurrentHashMap.newKeySet();
    List<Integer> expiredTwice = new ArrayList<>();
    CountDownLatch unanswered = new CountDownLatch(50);
    List<RequestDeadlines.Watched> watched = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int request = i;
      // The even ones are answered below, well before their 500 ms (a slow start cannot end one
      // first), and are watched until 1 s. The odd ones end at 20 to 80 ms.
      long deadline = request % 2 == 0 ? 500 : 20 + (i % 7) * 10;
      watched.add(deadlines.watch(deadline, () -> {
        if (!expired.add(request)) {
          synchronized (expiredTwice) {
            expiredTwice.add(request);
          }
        }
        unanswered.countDown();
      }));
    }
    for (int i = 0; i < 100; i += 2) {
      deadlines.ended(watched.get(i)); // the even ones were answered
    }
    CountDownLatch last = new CountDownLatch(1);
    deadlines.watch(1_000, last::countDown); // due after all the others

    assertThat(unanswered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(expired).hasSize(50).allMatch(request -> request % 2 == 1);
    assertThat(expiredTwice).isEmpty();
  }

  @Test
  void anEarlierDeadlineRearmsTheTimer() throws Exception {
    CountDownLatch late = new CountDownLatch(1);
    CountDownLatch early = new CountDownLatch(1);
    long[] endedAt = new long[2];
    deadlines.watch(60_000, () -> {
      endedAt[0] = System.nanoTime();
      late.countDown();
    });
    long start = System.nanoTime();
    deadlines.watch(30, () -> {
      endedAt[1] = System.nanoTime();
      early.countDown();
    });

    assertThat(early.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(endedAt[1] - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
    assertThat(late.getCount()).isEqualTo(1); // still watched, a minute away
  }

  @Test
  void aShutDownSchedulerStillEndsEachRequestAtItsOwnDeadlineAndRefusesNewOnes()
      throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch second = new CountDownLatch(1);
    long start = System.nanoTime();
    long[] secondEndedAfter = new long[1];
    deadlines.watch(50, first::countDown);
    deadlines.watch(400, () -> {
      secondEndedAfter[0] = System.nanoTime() - start;
      second.countDown();
    });
    // Shut down, the scheduler still runs the timer armed for the first but arms no other: the
    // second is ended at its own deadline all the same, not early with the first.
    scheduler.shutdown();

    assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(secondEndedAfter[0]).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(400));
    assertThatThrownBy(() -> deadlines.watch(10, () -> { }))
        .isInstanceOf(RejectedExecutionException.class);
  }
}
