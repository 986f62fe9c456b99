package io.escrowkit.iso8583.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.SecureModule;
import io.escrowkit.device.SelfTestResult;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.iso8583.IsoTransport;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.iso8583.channel.Framing;
import io.escrowkit.iso8583.channel.LoopbackHost;
import io.escrowkit.memory.InMemoryJournal;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The core's EscrowClient over IsoTransport over loopback TCP to a UnionPay test acquirer. */
class EscrowOverIsoTest {
  private static final String MERCHANT = "898310048990001";
  private static final String TERMINAL = "10000001";

  private final TestAcquirer acquirer = new TestAcquirer();
  private final InMemoryJournal journal = new InMemoryJournal();
  private final CountDownLatch reversed = new CountDownLatch(1);
  private LoopbackHost host;
  private IsoTransport transport;
  private EscrowClient client;

  private void start(Duration requestTimeout) throws Exception {
    start(requestTimeout, SoftwareSecureModule.withTestKeys(new Random(5)));
  }

  private void start(Duration requestTimeout, SecureModule secureModule) throws Exception {
    host = LoopbackHost.start(Specs.unionPayPos(), Framing.binaryLength(), acquirer);
    transport =
        IsoTransport.builder()
            .connect("127.0.0.1", host.port())
            .terminal(MERCHANT, TERMINAL, () -> journal.nextTrace(TERMINAL))
            .mac(secureModule, SoftwareSecureModule.TEST_MAC_KEY_ID)
            .signOnOnConnect(true)
            .random(new Random(9))
            .build();
    client =
        EscrowClient.builder()
            .merchant(MERCHANT, TERMINAL)
            .transport(transport)
            .journal(journal)
            .requestTimeout(requestTimeout)
            .random(new Random(11))
            .listener(
                event -> {
                  if (event.to() == EscrowState.REVERSED) {
                    reversed.countDown();
                  }
                })
            .build();
  }

  @AfterEach
  void close() throws Exception {
    client.close();
    transport.close();
    host.close();
  }

  private Escrow hold(String amount) {
    return client
        .hold(Money.of(amount, "CNY"))
        .reference("room-1208")
        .card(TestCards.unionPayChip())
        .execute();
  }

  @Test
  void holdThenCaptureGoesAsPreAuthorizationThenCompletionNamingTheHold() throws Exception {
    start(Duration.ofSeconds(10));

    Escrow held = hold("128.00");
    Escrow captured = held.capture(Money.of("100.00", "CNY")).execute();

    assertThat(held.state()).isEqualTo(EscrowState.HELD);
    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(host.next().mti()).isEqualTo("0800");
    LoopbackHost.Received preAuth = host.next();
    LoopbackHost.Received completion = host.next();
    assertThat(preAuth.mti()).isEqualTo("0100");
    assertThat(preAuth.field(3)).isEqualTo("030000");
    assertThat(preAuth.field(2)).isEqualTo(TestCards.UNIONPAY_PAN);
    assertThat(completion.mti()).isEqualTo("0200");
    assertThat(completion.field(3)).isEqualTo("000000");
    assertThat(completion.field(4)).isEqualTo("000000010000");
    assertThat(completion.field(38)).isEqualTo("A00001");
    assertThat(completion.field(61)).isEqualTo("000042" + preAuth.field(11) + "0315");
    assertThat(completion.message().readSubfield(60, 1)).isEqualTo("20");
  }

  @Test
  void answersAreCheckedOnTheThreadWaitingForThemNotOnTheConnectionsReader() throws Exception {
    Set<String> checkedOn = ConcurrentHashMap.newKeySet();
    AtomicInteger checks = new AtomicInteger();
    SecureModule keys = SoftwareSecureModule.withTestKeys(new Random(5));
    start(Duration.ofSeconds(10), new SecureModule() {
      @Override
      public byte[] mac(MacAlgorithm algorithm, String keyId, byte[] data) {
        return keys.mac(algorithm, keyId, data);
      }

      @Override
      public boolean verifyMac(MacAlgorithm algorithm, String keyId, byte[] data, byte[] mac) {
        checkedOn.add(Thread.currentThread().getName());
        checks.incrementAndGet();
        return keys.verifyMac(algorithm, keyId, data, mac);
      }

      @Override
      public SelfTestResult selfTest() {
        return keys.selfTest();
      }
    });

    Escrow captured = hold("128.00").capture(Money.of("100.00", "CNY")).execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    // The sign-on answer is the channel's own (checked where it is read); the two escrow answers
    // are checked by this thread, which waits for them in execute(), or by the client's executor
    // when an answer beats this thread into its wait (WaitingCallerTest covers that handoff);
    // never by the connection's reader.
    assertThat(checks).hasValue(2);
    assertThat(checkedOn).noneMatch(name -> name.startsWith("escrowkit-iso"));
  }

  @Test
  void holdThenReleaseGoesAsPreAuthorizationCancel() throws Exception {
    start(Duration.ofSeconds(10));

    Escrow released = hold("300.00").release().execute();

    assertThat(released.state()).isEqualTo(EscrowState.RELEASED);
    host.next();
    LoopbackHost.Received preAuth = host.next();
    LoopbackHost.Received cancel = host.next();
    assertThat(cancel.mti() + cancel.field(3) + cancel.field(25)).isEqualTo("010020000006");
    assertThat(cancel.field(61)).isEqualTo("000042" + preAuth.field(11) + "0315");
  }

  @Test
  void unansweredHoldIsReversedWithTheOriginalsTraceAndReason98() throws Exception {
    AtomicBoolean firstHold = new AtomicBoolean(true);
    start(Duration.ofMillis(800));
    host.respondWith(
        request -> {
          if (!request.mti().equals("0100") || !firstHold.getAndSet(false)) {
            acquirer.onMessage(request);
          }
        });

    Escrow inDoubt = hold("128.00");

    assertThat(inDoubt.state()).isEqualTo(EscrowState.IN_DOUBT);
    assertThat(reversed.await(20, TimeUnit.SECONDS)).isTrue();
    host.next();
    LoopbackHost.Received preAuth = host.next();
    LoopbackHost.Received reversal = host.next();
    assertThat(reversal.mti()).isEqualTo("0400");
    assertThat(reversal.field(11)).isEqualTo(preAuth.field(11));
    assertThat(reversal.field(3)).isEqualTo("030000");
    assertThat(reversal.field(39)).isEqualTo("98");
    assertThat(reversal.message().has(2)).isFalse();
    assertThat(reversal.message().has(35)).isFalse();
    assertThat(client.escrow(inDoubt.id()).get().state()).isEqualTo(EscrowState.REVERSED);
  }

  @Test
  void holdApprovedWithABadMacIsReversedWithReasonA0() throws Exception {
    start(Duration.ofSeconds(10));
    acquirer.forgeMacs(1);

    Escrow inDoubt = hold("128.00");

    assertThat(inDoubt.state()).isEqualTo(EscrowState.IN_DOUBT);
    assertThat(inDoubt.failure().get().detail()).contains("MAC");
    assertThat(reversed.await(20, TimeUnit.SECONDS)).isTrue();
    host.next();
    host.next();
    LoopbackHost.Received reversal = host.next();
    assertThat(reversal.mti()).isEqualTo("0400");
    assertThat(reversal.field(39)).isEqualTo("A0");
  }
}
