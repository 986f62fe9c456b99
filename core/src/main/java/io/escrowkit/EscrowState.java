package io.escrowkit;

/**
 * Where an escrow stands. The transition table in {@code docs/ARCHITECTURE.md} (and in code,
 * {@code io.escrowkit.internal.TransitionTable}) says which {@link Command} each state accepts.
 *
 * <p>The {@code *_PENDING} states are durable intents: the request has been journaled and is on its
 * way (or was, before a crash). A pending request whose answer never came becomes {@link #IN_DOUBT}
 * and is reversed automatically.
 */
public enum EscrowState {
  /** Pre-authorization sent, answer awaited. */
  HOLD_PENDING(false),
  /** Funds are held on the card; nothing captured yet. */
  HELD(false),
  /** The hold was refused (by the issuer, the acquirer, or a risk rule before sending). */
  DECLINED(true),
  /** Some of the hold captured; more captures allowed by the scheme profile. */
  PARTIALLY_CAPTURED(false),
  /** Final amount captured; any remainder of the hold released. */
  CAPTURED(false),
  /** Part of the captured amount refunded. */
  PARTIALLY_REFUNDED(false),
  /** Everything captured has been refunded. */
  REFUNDED(true),
  /** The hold was cancelled before any capture. */
  RELEASED(true),
  /** The hold lapsed after the scheme's validity without capture. */
  EXPIRED(true),
  /** A capture was voided and the scheme profile does not restore the hold. */
  VOIDED(true),
  /** Capture request sent, answer awaited. */
  CAPTURE_PENDING(false),
  /** Release (pre-auth cancel) sent, answer awaited. */
  RELEASE_PENDING(false),
  /** Capture void sent, answer awaited. */
  VOID_PENDING(false),
  /** Refund sent, answer awaited. */
  REFUND_PENDING(false),
  /**
   * A request's outcome is unknown; a reversal is queued and retried until acknowledged, or until
   * the host refuses it for good ({@link #REVERSAL_REFUSED}).
   */
  IN_DOUBT(false),
  /** An in-doubt hold was reversed: no funds are held. */
  REVERSED(true),
  /**
   * The host refused the completion advice of a capture approved offline: the terminal counted
   * money the host did not book. Nothing moves it on; an operator settles it with the acquirer
   * ({@code Escrow.failure()} says how).
   */
  ADVICE_DECLINED(true),
  /**
   * The host refused, for good, the reversal of an in-doubt request (a code that sending it again
   * would not change): whether the request took effect, and so whether the cardholder's funds are
   * held or taken, is unknown to the terminal. Nothing moves it on; an operator settles it with the
   * acquirer ({@code Escrow.failure()} says how). A refusal that may pass (the acquirer down or
   * busy, key or MAC trouble) is not this: that reversal is sent again until acknowledged.
   */
  REVERSAL_REFUSED(true);

  private final boolean terminal;

  EscrowState(boolean terminal) {
    this.terminal = terminal;
  }

  /** True when no command can move the escrow any more. */
  public boolean isTerminal() {
    return terminal;
  }

  /** True while a request is on its way and its answer is awaited. */
  public boolean isPending() {
    return this == HOLD_PENDING
        || this == CAPTURE_PENDING
        || this == RELEASE_PENDING
        || this == VOID_PENDING
        || this == REFUND_PENDING;
  }
}
