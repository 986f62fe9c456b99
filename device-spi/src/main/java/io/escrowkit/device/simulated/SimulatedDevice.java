package io.escrowkit.device.simulated;

import io.escrowkit.device.CardReader;
import io.escrowkit.device.Display;
import io.escrowkit.device.PinPad;
import io.escrowkit.device.Printer;
import io.escrowkit.device.SecureModule;
import io.escrowkit.device.spi.DeviceProvider;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * A whole simulated terminal: scripted card reader, PIN pad with a test PIN key, in-memory printer,
 * recording display and a {@link SoftwareSecureModule} with test keys. Registered as a {@link
 * DeviceProvider} but declares itself {@link #simulated()}, so {@link io.escrowkit.device.Devices}
 * uses it only when simulated devices are allowed. Threadsafe.
 *
 * <p>The no-argument constructor (used by {@link java.util.ServiceLoader}) gives a demo terminal
 * that works out of the box: every read presents {@link TestCards#unionPayChip()}, every PIN
 * request enters {@value #DEMO_PIN}, every question is confirmed. Tests usually start from {@link
 * #blank(Random)}, where nothing happens unless scripted:
 *
 * <pre>{@code
 * SimulatedDevice device = SimulatedDevice.blank(new Random(42));
 * device.simulatedCardReader().present(TestCards.unionPayChip());
 * device.simulatedPinPad().enter("123456");
 * device.simulatedPrinter().failNextCall(DeviceFailure.OUT_OF_PAPER);
 * Devices devices = Devices.of(device);
 * }</pre>
 */
public final class SimulatedDevice implements DeviceProvider {

  /** The provider name. */
  public static final String NAME = "simulated";

  /** Below any real hardware provider, which should use 100. */
  public static final int PRIORITY = -100;

  /** The PIN the demo terminal enters. */
  public static final String DEMO_PIN = "123456";

  private final SimulatedCardReader cardReader = new SimulatedCardReader();
  private final SimulatedPinPad pinPad;
  private final SimulatedPrinter printer = new SimulatedPrinter();
  private final SimulatedDisplay display = new SimulatedDisplay();
  private final SoftwareSecureModule secureModule;

  /** A demo terminal, as {@link #withDemoDefaults} with a {@link SecureRandom}. */
  public SimulatedDevice() {
    this(new SecureRandom());
    scriptDemo();
  }

  private SimulatedDevice(Random random) {
    this.secureModule = SoftwareSecureModule.withTestKeys(Objects.requireNonNull(random, "random"));
    this.pinPad = new SimulatedPinPad(secureModule, SoftwareSecureModule.TEST_PIN_KEY_ID);
  }

  /**
   * A terminal where nothing happens unless scripted: reads, PIN requests and questions time out.
   *
   * @param random fills ISO 1 and ISO 3 PIN blocks
   */
  public static SimulatedDevice blank(Random random) {
    return new SimulatedDevice(random);
  }

  /** A demo terminal: presents the UnionPay test card, enters the demo PIN, confirms all. */
  public static SimulatedDevice withDemoDefaults(Random random) {
    SimulatedDevice device = new SimulatedDevice(random);
    device.scriptDemo();
    return device;
  }

  private void scriptDemo() {
    cardReader.presentByDefault(TestCards.unionPayChip());
    pinPad.enterByDefault(DEMO_PIN);
    display.answerByDefault(true);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public Optional<CardReader> cardReader() {
    return Optional.of(cardReader);
  }

  @Override
  public Optional<PinPad> pinPad() {
    return Optional.of(pinPad);
  }

  @Override
  public Optional<Printer> printer() {
    return Optional.of(printer);
  }

  @Override
  public Optional<Display> display() {
    return Optional.of(display);
  }

  @Override
  public Optional<SecureModule> secureModule() {
    return Optional.of(secureModule);
  }

  public SimulatedCardReader simulatedCardReader() {
    return cardReader;
  }

  public SimulatedPinPad simulatedPinPad() {
    return pinPad;
  }

  public SimulatedPrinter simulatedPrinter() {
    return printer;
  }

  public SimulatedDisplay simulatedDisplay() {
    return display;
  }

  public SoftwareSecureModule softwareSecureModule() {
    return secureModule;
  }

  @Override
  public String toString() {
    return "SimulatedDevice[" + NAME + ", priority " + PRIORITY + "]";
  }
}
