package io.escrowkit.device.simulated;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.Printer;
import io.escrowkit.device.Receipt;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** A printer that keeps what it prints in memory. Threadsafe. */
public final class SimulatedPrinter extends SimulatedComponent implements Printer {

  private final List<Receipt> printed = new CopyOnWriteArrayList<>();

  SimulatedPrinter() {
    super(DeviceComponent.PRINTER);
  }

  @Override
  public void print(Receipt receipt) {
    Objects.requireNonNull(receipt, "receipt");
    beforeCall("print");
    printed.add(receipt);
  }

  /** Every receipt printed, oldest first. */
  public List<Receipt> printed() {
    return List.copyOf(printed);
  }
}
