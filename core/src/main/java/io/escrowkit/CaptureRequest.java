package io.escrowkit;

import io.escrowkit.internal.EscrowEngine;

/**
 * One capture (pre-authorization completion) about to be sent. By default a capture is final only
 * when the scheme allows a single capture or the hold is used up; {@link #finalCapture()} releases
 * whatever remains of the hold with this capture. {@link #offline()} approves it on the terminal
 * when the host cannot be reached. Not threadsafe.
 */
public final class CaptureRequest extends OperationRequest {
  private boolean finalCapture;
  private boolean offline;

  CaptureRequest(EscrowEngine engine, String escrowId, Money amount) {
    super(engine, escrowId, Command.CAPTURE, amount(amount));
  }

  /**
   * This is the last capture: release the rest of the hold with it. Over a transport that cannot
   * tell the host so (ISO 8583), the client follows the approved capture with a cancel of the rest,
   * in the background, until the host answers it.
   */
  public CaptureRequest finalCapture() {
    this.finalCapture = true;
    return this;
  }

  /**
   * Approves this capture on the terminal, without asking the host (offline completion, 离线完成;
   * store and forward). Use it only when the host cannot be reached and the merchant's acquirer
   * agreement allows offline completions; the SDK itself checks that the hold exists, was approved
   * and is still valid (HELD, or PARTIALLY_CAPTURED where the scheme allows several captures), and
   * that the captures stay within the scheme's tolerance — otherwise the result is REFUSED, as
   * online.
   *
   * <p>{@link #execute()} then approves at once, sending nothing: the escrow moves to CAPTURED (or
   * PARTIALLY_CAPTURED) in the same journal write that queues the completion advice. The advice
   * goes to the host in the background (ISO 8583 0220, UnionPay 60.1 = 24, whatever the
   * transport's capture mode), again as 0221 with backoff until the host acknowledges it, across
   * restarts, and is never reversed. Until then no other operation on the escrow is sent ({@link
   * AdvicePendingException}). Should the host refuse the advice, the escrow ends {@link
   * EscrowState#ADVICE_DECLINED}, with a failure for the operator ({@link Escrow#failure()}) and a
   * transition event for the listeners.
   *
   * <p>The result is APPROVED without a response code, and the capture counts from then on: hand
   * over the goods only if the merchant accepts the risk that the host refuses the advice (e.g. the
   * card was blocked after the hold).
   */
  public CaptureRequest offline() {
    this.offline = true;
    return this;
  }

  @Override
  public CaptureRequest idempotencyKey(String idempotencyKey) {
    super.idempotencyKey(idempotencyKey);
    return this;
  }

  @Override
  public CaptureRequest card(io.escrowkit.device.CardData card) {
    super.card(card);
    return this;
  }

  @Override
  boolean isFinalCapture() {
    return finalCapture;
  }

  @Override
  Command command() {
    return offline ? Command.CAPTURE_OFFLINE : Command.CAPTURE;
  }
}
