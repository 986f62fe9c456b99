package io.escrowkit.iso8583.functional;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.channel.HostAnswers;
import io.escrowkit.iso8583.channel.LoopbackHost;
import io.escrowkit.iso8583.mapping.MacSigner;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UnionPay-speaking test acquirer: checks each request's MAC with the test MAC key (answers A0
 * when it fails), approves everything else with a retrieval reference and authorization code,
 * answers a sign-on with batch 000042, and MACs its answers to MACed requests. Threadsafe.
 */
final class TestAcquirer implements LoopbackHost.Responder {
  static final MacSigner TEST_SIGNER =
      new MacSigner(
          SoftwareSecureModule.withTestKeys(new Random(3)),
          MacAlgorithm.UNIONPAY_POS_ECB,
          SoftwareSecureModule.TEST_MAC_KEY_ID);

  private final MacSigner signer;
  private final AtomicLong authorizations = new AtomicLong();
  private volatile String code = "00";
  private final AtomicInteger forgeries = new AtomicInteger();

  /** An acquirer checking and making UnionPay ECB MACs. */
  TestAcquirer() {
    this(TEST_SIGNER);
  }

  /** An acquirer checking and making MACs with {@code signer}. */
  TestAcquirer(MacSigner signer) {
    this.signer = signer;
  }

  /** Answer with {@code responseCode} from now on. */
  void answerWith(String responseCode) {
    this.code = responseCode;
  }

  /** Put a wrong MAC on the next {@code answers} MACed answers. */
  void forgeMacs(int answers) {
    forgeries.set(answers);
  }

  @Override
  public void onMessage(LoopbackHost.Received request) throws IOException {
    boolean maced = request.message().has(64) || request.message().has(128);
    if (maced && signer.verify(request.frame(), request.message()) != MacSigner.Check.VALID) {
      request.peer().send(HostAnswers.answer(request.message(), "A0").build());
      return;
    }
    IsoMessage.Builder answer = HostAnswers.answer(request.message(), code);
    if (request.mti().equals("0800") && request.message().spec().field(60).get().isComposite()) {
      answer.setSubfields(60, "00", "000042", "003");
    } else if (request.mti().startsWith("01") || request.mti().startsWith("02")) {
      long n = authorizations.incrementAndGet();
      answer.set(37, String.format("%012d", n)).set(38, String.format("A%05d", n));
      answer.set(13, "0315");
    }
    IsoMessage built = answer.build();
    if (maced) {
      built = signer.sign(built);
      if (forgeries.getAndDecrement() > 0) {
        built = built.toBuilder().set(64, new byte[8]).build();
      }
    }
    request.peer().send(built);
  }
}
