package io.escrowkit.iso8583.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests in flight, by {@link MatchKey}, and a bounded memory of the ones finished lately, so
 * that a late or duplicate answer is recognized (and dropped) rather than taken for another
 * request's. Each exchange is finished exactly once, by whichever comes first: its answer, its
 * deadline, a lost connection or shutdown. Threadsafe.
 */
final class Multiplexer {

  /** How a finished request ended, for telling what a stray answer is. */
  enum Fate {
    ANSWERED,
    EXPIRED,
    FAILED
  }

  private final Map<MatchKey, Exchange> pending = new ConcurrentHashMap<>();
  private final Map<MatchKey, Fate> recent;

  Multiplexer(int remembered) {
    this.recent =
        new LinkedHashMap<MatchKey, Fate>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<MatchKey, Fate> eldest) {
            return size() > remembered;
          }
        };
  }

  /** Adds an exchange; false if one with the same key is already in flight. */
  boolean register(Exchange exchange) {
    boolean added = pending.putIfAbsent(exchange.key, exchange) == null;
    if (added) {
      synchronized (recent) {
        recent.remove(exchange.key);
      }
    }
    return added;
  }

  /** The exchange in flight under {@code key}. */
  Optional<Exchange> pending(MatchKey key) {
    return Optional.ofNullable(pending.get(key));
  }

  /**
   * Removes {@code exchange} and completes it with {@code result}; false if something else finished
   * it first (the result is then discarded).
   */
  boolean finish(Exchange exchange, ChannelResult result, Fate fate) {
    if (!pending.remove(exchange.key, exchange)) {
      return false;
    }
    synchronized (recent) {
      recent.put(exchange.key, fate);
    }
    exchange.complete(result);
    return true;
  }

  /** How the request under {@code key} ended, if it ended lately. */
  Optional<Fate> recall(MatchKey key) {
    synchronized (recent) {
      return Optional.ofNullable(recent.get(key));
    }
  }

  /** The exchanges last written on {@code connection}. */
  List<Exchange> writtenOn(Connection connection) {
    List<Exchange> found = new ArrayList<>();
    for (Exchange exchange : pending.values()) {
      if (exchange.writtenOn == connection) {
        found.add(exchange);
      }
    }
    return found;
  }

  /** Every exchange in flight. */
  List<Exchange> all() {
    return new ArrayList<>(pending.values());
  }

  /**
   * The one network management exchange in flight for {@code terminalId}, for hosts whose echo
   * answers carry no trace; empty when there is none or more than one.
   */
  Optional<Exchange> soleNetworkExchange(String terminalId) {
    Exchange found = null;
    for (Exchange exchange : pending.values()) {
      if (exchange.key.isNetworkManagement() && exchange.key.terminalId().equals(terminalId)) {
        if (found != null) {
          return Optional.empty();
        }
        found = exchange;
      }
    }
    return Optional.ofNullable(found);
  }

  int size() {
    return pending.size();
  }
}
