package io.escrowkit.iso8583.channel;

import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * What a channel runs on, injected so that tests control it: the clock (deadlines, the host's
 * silence), the scheduler (deadline timers, reconnect waits, echo checks, the write watchdog;
 * tasks are short and never block, never writing to a socket), the factory of the threads that
 * block on sockets (a reader per connection; short-lived writers of echo tests, advice repeats and
 * answers to the host's requests), and the random source of the reconnect jitter. Immutable; the
 * parts must be threadsafe.
 */
public record ChannelRuntime(
    Clock clock, ScheduledExecutorService scheduler, ThreadFactory threads, Random random) {

  public ChannelRuntime {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(threads, "threads");
    Objects.requireNonNull(random, "random");
  }
}
