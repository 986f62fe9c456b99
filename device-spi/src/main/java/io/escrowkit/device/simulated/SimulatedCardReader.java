package io.escrowkit.device.simulated;

import io.escrowkit.device.CardData;
import io.escrowkit.device.CardReadRequest;
import io.escrowkit.device.CardReader;
import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.DeviceFailure;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A card reader that hands out scripted cards: those {@link #present presented} first, in order,
 * then the {@link #presentByDefault default card} if one is set; with neither, a read times out at
 * once. Records every request. Threadsafe.
 */
public final class SimulatedCardReader extends SimulatedComponent implements CardReader {

  private final Script<CardData> cards = new Script<>();
  private final List<CardReadRequest> requests = new CopyOnWriteArrayList<>();

  SimulatedCardReader() {
    super(DeviceComponent.CARD_READER);
  }

  /** Queues cards to present to the next reads, one per read. */
  public void present(CardData... cardsToPresent) {
    cards.addAll(cardsToPresent);
  }

  /** The card presented whenever no queued card is left. */
  public void presentByDefault(CardData card) {
    cards.fallback(card);
  }

  /** Every request received, oldest first. */
  public List<CardReadRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * The next scripted card.
   *
   * @throws io.escrowkit.device.DeviceException an injected failure; {@link DeviceFailure#TIMEOUT}
   *     when no card is scripted; {@link DeviceFailure#CARD_READ_ERROR} when the scripted card's
   *     entry mode is not one the request allows
   */
  @Override
  public CardData read(CardReadRequest request) {
    Objects.requireNonNull(request, "request");
    beforeCall("read");
    requests.add(request);
    CardData card =
        cards.next().orElseThrow(() -> nothingScripted("card presented", request.timeout()));
    if (!request.allows(card.entryMode())) {
      throw failure(
          DeviceFailure.CARD_READ_ERROR,
          "card "
              + card.maskedPan()
              + " presented by "
              + card.entryMode()
              + " but the request allows only "
              + request.allowedEntryModes());
    }
    return card;
  }
}
