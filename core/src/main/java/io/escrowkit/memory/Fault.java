package io.escrowkit.memory;

/** What can go wrong with one request sent through the {@link InMemoryTransport}. */
public enum Fault {
  /** Nothing: the host answers. */
  NONE,
  /** The request never reaches the host; the channel reports a timeout. */
  REQUEST_LOST,
  /** The host applies the request but its answer is lost; the channel reports a timeout. */
  RESPONSE_LOST,
  /** The host applies the request and the connection breaks before the answer. */
  CONNECTION_RESET,
  /** The host applies the request; its answer fails MAC verification. */
  BAD_MAC,
  /**
   * The host applies the request and the transport never answers at all, so the client's own
   * deadline has to end the wait.
   */
  HANG
}
