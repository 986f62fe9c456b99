package io.escrowkit.simulator;

/** What an approved request did to the books. Immutable and threadsafe. */
public enum PostingType {
  /** Pre-authorization (0100, F60.1 10): funds frozen. */
  HOLD,
  /** Pre-authorization cancel (0100 20xxxx, F60.1 11): the hold released. */
  CANCEL,
  /** Completion request (0200 00xxxx, F60.1 20): captured online. */
  COMPLETION,
  /** Completion advice (0220/0221, F60.1 24): captured offline, reported afterwards. */
  COMPLETION_ADVICE,
  /** Completion void (0200 20xxxx, F60.1 21): the capture undone, the hold back. */
  COMPLETION_VOID,
  /** Refund (0220 20xxxx F60.1 25, or 0200 20xxxx in the ISO profiles): money given back. */
  REFUND
}
