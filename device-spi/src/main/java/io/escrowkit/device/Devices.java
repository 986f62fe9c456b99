package io.escrowkit.device;

import io.escrowkit.device.spi.DeviceProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The terminal's devices, taken from the {@link DeviceProvider}s found on the class path. For each
 * component the highest-priority provider offering it wins (ties keep discovery order); the choice
 * is made once, when this is created. Immutable and threadsafe: share one instance.
 *
 * <p>Simulated providers are left out unless the caller opts in with {@link
 * SimulatedDevices#ALLOWED}, so a production terminal never silently reads cards with a fake. This
 * class logs nothing (it runs on Android without a logging library); log {@link #providers()} and
 * {@link #skippedSimulatedProviders()} at start-up.
 *
 * <pre>{@code
 * Devices devices = Devices.load();                       // production: real hardware only
 * CardData card = devices.cardReader().read(request);
 * }</pre>
 */
public final class Devices {
  /** Failed providers after which a listing is given up. */
  private static final int MAX_BROKEN_PROVIDERS = 64;

  private final List<DeviceProvider> providers;
  private final List<String> skippedSimulatedProviders;
  private final List<String> brokenProviders;
  private final Map<DeviceComponent, SelfTestable> components;

  private Devices(List<DeviceProvider> candidates, SimulatedDevices simulatedDevices,
      List<String> broken) {
    List<DeviceProvider> used = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (DeviceProvider provider : candidates) {
      Objects.requireNonNull(provider, "provider");
      if (provider.simulated() && simulatedDevices == SimulatedDevices.EXCLUDED) {
        skipped.add(provider.name());
      } else {
        used.add(provider);
      }
    }
    used.sort(Comparator.comparingInt(DeviceProvider::priority).reversed());
    this.providers = Collections.unmodifiableList(used);
    this.skippedSimulatedProviders = Collections.unmodifiableList(skipped);
    this.brokenProviders = Collections.unmodifiableList(new ArrayList<>(broken));
    this.components = Collections.unmodifiableMap(resolve(providers));
  }

  /**
   * Loads the providers visible to the current thread's context class loader (or this class's
   * loader when there is none), leaving simulated ones out. A listed provider that cannot be
   * loaded is left out and named in {@link #brokenProviders()}: one faulty jar does not hide the
   * others.
   */
  public static Devices load() {
    ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
    return load(contextLoader != null ? contextLoader : Devices.class.getClassLoader());
  }

  /** Loads the providers visible to {@code classLoader}, leaving simulated ones out. */
  public static Devices load(ClassLoader classLoader) {
    return load(classLoader, SimulatedDevices.EXCLUDED);
  }

  /**
   * Loads the providers visible to {@code classLoader}; simulated ones only when {@code
   * simulatedDevices} is {@link SimulatedDevices#ALLOWED}. A listed provider that cannot be
   * loaded or instantiated is left out and named in {@link #brokenProviders()}.
   */
  public static Devices load(ClassLoader classLoader, SimulatedDevices simulatedDevices) {
    Objects.requireNonNull(classLoader, "classLoader");
    Objects.requireNonNull(simulatedDevices, "simulatedDevices");
    List<DeviceProvider> found = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    Iterator<DeviceProvider> listed =
        ServiceLoader.load(DeviceProvider.class, classLoader).iterator();
    // The loader goes on to the next provider after one fails: its class missing or its
    // constructor throwing (a ServiceConfigurationError), or its class file unusable (a
    // LinkageError: built for a newer Java, a superclass missing). A listing that fails the
    // same way twice running (an unreadable services file) is given up.
    String lastFailure = null;
    while (broken.size() < MAX_BROKEN_PROVIDERS) {
      try {
        if (!listed.hasNext()) {
          break;
        }
        found.add(listed.next());
        lastFailure = null;
      } catch (ServiceConfigurationError | LinkageError failed) {
        String failure = failed.toString();
        if (failure.equals(lastFailure)) {
          break;
        }
        lastFailure = failure;
        broken.add(failure);
      }
    }
    return new Devices(found, simulatedDevices, broken);
  }

  /** Exactly these providers, simulated ones included: for explicit wiring and tests. */
  public static Devices of(DeviceProvider... providers) {
    return new Devices(Arrays.asList(providers.clone()), SimulatedDevices.ALLOWED,
        Collections.emptyList());
  }

  /** The providers in use, highest priority first. */
  public List<DeviceProvider> providers() {
    return providers;
  }

  /** Names of simulated providers found but left out because simulated devices were excluded. */
  public List<String> skippedSimulatedProviders() {
    return skippedSimulatedProviders;
  }

  /**
   * What went wrong with each listed provider that could not be loaded (the class missing, its
   * constructor throwing), in the order found; empty when none failed. Check it at start-up.
   */
  public List<String> brokenProviders() {
    return brokenProviders;
  }

  /** True when some provider offers the component. */
  public boolean has(DeviceComponent component) {
    return components.containsKey(component);
  }

  /**
   * The card reader of the highest-priority provider offering one.
   *
   * @throws DeviceException {@link DeviceFailure#NOT_PRESENT} when no provider offers one
   */
  public CardReader cardReader() {
    return (CardReader) require(DeviceComponent.CARD_READER);
  }

  /**
   * The PIN pad of the highest-priority provider offering one.
   *
   * @throws DeviceException {@link DeviceFailure#NOT_PRESENT} when no provider offers one
   */
  public PinPad pinPad() {
    return (PinPad) require(DeviceComponent.PIN_PAD);
  }

  /**
   * The printer of the highest-priority provider offering one.
   *
   * @throws DeviceException {@link DeviceFailure#NOT_PRESENT} when no provider offers one
   */
  public Printer printer() {
    return (Printer) require(DeviceComponent.PRINTER);
  }

  /**
   * The display of the highest-priority provider offering one.
   *
   * @throws DeviceException {@link DeviceFailure#NOT_PRESENT} when no provider offers one
   */
  public Display display() {
    return (Display) require(DeviceComponent.DISPLAY);
  }

  /**
   * The secure module of the highest-priority provider offering one.
   *
   * @throws DeviceException {@link DeviceFailure#NOT_PRESENT} when no provider offers one
   */
  public SecureModule secureModule() {
    return (SecureModule) require(DeviceComponent.SECURE_MODULE);
  }

  /**
   * Runs the self test of every component present, in {@link DeviceComponent} order. A self test
   * that throws is reported as {@link SelfTestResult.Status#FAIL} naming the exception, so one
   * broken component never hides the others' results.
   */
  public List<SelfTestResult> selfTest() {
    List<SelfTestResult> results = new ArrayList<>();
    for (Map.Entry<DeviceComponent, SelfTestable> entry : components.entrySet()) {
      results.add(selfTest(entry.getKey(), entry.getValue()));
    }
    return Collections.unmodifiableList(results);
  }

  @Override
  public String toString() {
    return "Devices" + names(providers) + " components=" + components.keySet();
  }

  private static SelfTestResult selfTest(DeviceComponent component, SelfTestable testable) {
    SelfTestResult result;
    try {
      result = testable.selfTest();
    } catch (DeviceException e) {
      return SelfTestResult.fail(component, "self test threw: " + e.getMessage(), e.failure());
    } catch (RuntimeException e) {
      return SelfTestResult.fail(component, "self test threw " + e, DeviceFailure.HARDWARE_FAULT);
    }
    if (result == null) {
      return SelfTestResult.fail(
          component,
          testable.getClass().getName() + ".selfTest() returned null",
          DeviceFailure.HARDWARE_FAULT);
    }
    return result;
  }

  private SelfTestable require(DeviceComponent component) {
    SelfTestable found = components.get(component);
    if (found != null) {
      return found;
    }
    String detail =
        "no device provider offers a "
            + component.displayName()
            + "; providers in use: "
            + names(providers);
    if (!skippedSimulatedProviders.isEmpty()) {
      detail +=
          "; simulated providers "
              + skippedSimulatedProviders
              + " were left out (load with SimulatedDevices.ALLOWED to use them)";
    }
    if (!brokenProviders.isEmpty()) {
      detail += "; providers that could not be loaded: " + brokenProviders;
    }
    throw new DeviceException(DeviceFailure.NOT_PRESENT, component, detail);
  }

  private static Map<DeviceComponent, SelfTestable> resolve(List<DeviceProvider> providers) {
    Map<DeviceComponent, SelfTestable> resolved = new EnumMap<>(DeviceComponent.class);
    for (DeviceComponent component : DeviceComponent.values()) {
      for (DeviceProvider provider : providers) {
        Optional<? extends SelfTestable> offered = offered(provider, component);
        if (offered.isPresent()) {
          resolved.put(component, offered.get());
          break;
        }
      }
    }
    return resolved;
  }

  private static Optional<? extends SelfTestable> offered(
      DeviceProvider provider, DeviceComponent component) {
    Optional<? extends SelfTestable> offered =
        switch (component) {
          case CARD_READER -> provider.cardReader();
          case PIN_PAD -> provider.pinPad();
          case PRINTER -> provider.printer();
          case DISPLAY -> provider.display();
          case SECURE_MODULE -> provider.secureModule();
        };
    return Objects.requireNonNull(
        offered,
        () ->
            "device provider "
                + provider.name()
                + " returned null for its "
                + component.displayName()
                + "; return Optional.empty() instead");
  }

  private static List<String> names(List<DeviceProvider> providers) {
    List<String> names = new ArrayList<>();
    for (DeviceProvider provider : providers) {
      names.add(provider.name() + "(priority " + provider.priority() + ")");
    }
    return names;
  }
}
