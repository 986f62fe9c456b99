package io.escrowkit;

import io.escrowkit.internal.EscrowEngine;

/**
 * One capture (pre-authorization completion) about to be sent. By default a capture is final only
 * when the scheme allows a single capture or the hold is used up; {@link #finalCapture()} releases
 * whatever remains of the hold with this capture. Not threadsafe.
 */
public final class CaptureRequest extends OperationRequest {
  private boolean finalCapture;

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
}
