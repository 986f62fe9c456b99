package io.escrowkit.device;

import io.escrowkit.device.spi.DeviceProvider;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A provider for tests whose components do nothing but say which provider they came from (their
 * self-test detail is the provider name).
 */
public class StubProvider implements DeviceProvider {

  private final String name;
  private final int priority;
  private final boolean simulated;
  private final Map<DeviceComponent, StubComponent> components =
      new EnumMap<>(DeviceComponent.class);

  public StubProvider(String name, int priority, boolean simulated, DeviceComponent... offered) {
    this.name = name;
    this.priority = priority;
    this.simulated = simulated;
    for (DeviceComponent component : offered) {
      components.put(component, new StubComponent(component, name));
    }
  }

  /** The provider that offered {@code component}, read back from its stub. */
  public static String owner(Object component) {
    return ((StubComponent) component).owner;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int priority() {
    return priority;
  }

  @Override
  public boolean simulated() {
    return simulated;
  }

  @Override
  public Optional<CardReader> cardReader() {
    return Optional.ofNullable(components.get(DeviceComponent.CARD_READER));
  }

  @Override
  public Optional<PinPad> pinPad() {
    return Optional.ofNullable(components.get(DeviceComponent.PIN_PAD));
  }

  @Override
  public Optional<Printer> printer() {
    return Optional.ofNullable(components.get(DeviceComponent.PRINTER));
  }

  @Override
  public Optional<Display> display() {
    return Optional.ofNullable(components.get(DeviceComponent.DISPLAY));
  }

  @Override
  public Optional<SecureModule> secureModule() {
    return Optional.ofNullable(components.get(DeviceComponent.SECURE_MODULE));
  }

  private static final class StubComponent
      implements CardReader, PinPad, Printer, Display, SecureModule {
    private final DeviceComponent component;
    private final String owner;

    StubComponent(DeviceComponent component, String owner) {
      this.component = component;
      this.owner = owner;
    }

    @Override
    public SelfTestResult selfTest() {
      return SelfTestResult.pass(component, owner);
    }

    @Override
    public CardData read(CardReadRequest request) {
      throw new UnsupportedOperationException("stub");
    }

    @Override
    public PinBlock requestPin(PinRequest request) {
      throw new UnsupportedOperationException("stub");
    }

    @Override
    public void print(Receipt receipt) {
      throw new UnsupportedOperationException("stub");
    }

    @Override
    public void show(String message) {
      throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean confirm(String question, Duration timeout) {
      throw new UnsupportedOperationException("stub");
    }

    @Override
    public byte[] mac(MacAlgorithm algorithm, String keyId, byte[] data) {
      throw new UnsupportedOperationException("stub");
    }
  }
}
