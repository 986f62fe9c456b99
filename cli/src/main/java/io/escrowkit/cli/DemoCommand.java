package io.escrowkit.cli;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.TransitionEvent;
import io.escrowkit.device.CardData;
import io.escrowkit.device.CardReadRequest;
import io.escrowkit.device.Devices;
import io.escrowkit.device.SimulatedDevices;
import io.escrowkit.failure.Failure;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.Fault;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The demo: three escrows from the simulated terminal (found through ServiceLoader) to the
 * acquirer simulator over real loopback TCP, UnionPay POS messages with MACs, each escrow's
 * timeline printed. The third meets a lost answer and is reversed automatically.
 */
final class DemoCommand implements Main.Command {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.of("Asia/Shanghai"));

  private final ConcurrentHashMap<String, CompletableFuture<TransitionEvent>> reversals =
      new ConcurrentHashMap<>();

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length > 0) {
      err.println("demo takes no arguments");
      return 2;
    }
    Devices devices = Devices.load(DemoCommand.class.getClassLoader(), SimulatedDevices.ALLOWED);
    try (DemoSetup setup = DemoSetup.start(this::watchReversals)) {
      EscrowClient client = setup.client();
      out.println("Escrowkit demo: UnionPay POS over TCP to the acquirer simulator at "
          + setup.acquirer().address() + ", MAC with the TEST key");
      out.println("Terminal " + DemoSetup.TERMINAL + " of merchant " + DemoSetup.MERCHANT
          + ", card reader: " + devices.providers().get(0).name() + " device, journal: "
          + setup.journalDescription());

      out.println();
      out.println("1) Hotel deposit: hold 128.00 CNY, check-out captures 100.00 CNY");
      Escrow hotel = hold(client, devices, "128.00", "room-1208", out);
      show("capture", hotel.capture(Money.of("100.00", "CNY")).execute(), out);
      timeline(hotel, out);

      out.println();
      out.println("2) Car rental: hold 300.00 CNY, car returned undamaged, hold released");
      Escrow car = hold(client, devices, "300.00", "car-7", out);
      show("release", car.release().execute(), out);
      timeline(car, out);

      out.println();
      out.println("3) Lost answer: the acquirer approves a hold of 88.00 CNY but never answers");
      setup.acquirer().faults().next(Fault.NO_RESPONSE, "0100");
      Escrow lost = hold(client, devices, "88.00", "room-0306", out);
      CompletableFuture<TransitionEvent> reversed =
          reversals.computeIfAbsent(lost.id(), id -> new CompletableFuture<>());
      TransitionEvent done = reversed.get(30, TimeUnit.SECONDS);
      out.printf("   reversal %s: %s%n", done.to(), done.cause());
      timeline(lost, out);

      out.println();
      out.println("The acquirer's own books:");
      for (Authorization auth : setup.acquirer().ledger().authorizations()) {
        out.printf("   auth %s card %s held %s captured %s frozen now %s (%s)%n", auth.authCode(),
            auth.maskedPan(), minor(auth.held()), minor(auth.captured()), minor(auth.frozen()),
            auth.status());
      }
      out.printf("   frozen on cards in total: %s CNY%n",
          minor(setup.acquirer().ledger().frozenTotal()));
    }
    return 0;
  }

  private Escrow hold(EscrowClient client, Devices devices, String amount, String reference,
      PrintStream out) {
    CardData card = devices.cardReader()
        .read(CardReadRequest.anyEntryMode(amount + " CNY", Duration.ofSeconds(30)));
    Escrow escrow = client.hold(Money.of(amount, "CNY")).reference(reference).card(card).execute();
    show("hold", escrow, out);
    return escrow;
  }

  private void watchReversals(TransitionEvent event) {
    if (event.from().isPresent() && event.from().get() == EscrowState.IN_DOUBT) {
      reversals.computeIfAbsent(event.escrowId(), id -> new CompletableFuture<>()).complete(event);
    }
  }

  private static String minor(long fen) {
    return Money.ofMinor(fen, "CNY").toPlainString();
  }

  private static void show(String operation, Escrow escrow, PrintStream out) {
    var result = escrow.result().get();
    out.printf("   %-8s %-9s %s -> %s%n", operation, result.status(),
        result.responseCode().map(code -> "(" + code + ")").orElse("    "), escrow.state());
    if (escrow.failure().isPresent()) {
      Failure failure = escrow.failure().get();
      out.printf("            %s, %s%n", failure.code(),
          failure.retryable() ? "retryable" : "not retryable");
      out.println("            en: " + failure.remedy(Locale.ENGLISH));
      out.println("            zh: " + failure.remedy(Locale.SIMPLIFIED_CHINESE));
    }
  }

  private static void timeline(Escrow escrow, PrintStream out) {
    out.println("   timeline of " + escrow.id() + " (" + escrow.reference() + "):");
    for (TransitionEvent event : escrow.timeline()) {
      out.printf("     %s  %-16s -> %-16s %s%n", TIME.format(event.at()),
          event.from().map(Enum::name).orElse("-"), event.to(), event.cause());
    }
  }
}
