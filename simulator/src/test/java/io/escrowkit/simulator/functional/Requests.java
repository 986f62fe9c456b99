package io.escrowkit.simulator.functional;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.simulator.HostProfile;

/**
 * Requests as a terminal sends them, for each profile: UnionPay POS with field 60 (transaction
 * type, batch) and 61 (original batch, trace, date); ISO 87 with field 7 and original data elements
 * in field 90. Test card numbers and keys only.
 */
final class Requests {

  static final byte[] TPDU = {0x60, 0x00, 0x03, 0x00, 0x00};
  static final byte[] HEADER = {0x60, 0x31, 0x00, 0x31, 0x00, 0x00};
  static final String TERMINAL = "TERM0001";
  static final String MERCHANT = "898310048990001";
  static final String BATCH = "000001";
  static final String DATE = "0115";
  static final String TEST_PAN = "6225880012345678";
  static final String OTHER_TEST_PAN = "6212345678901234";

  /** What a terminal keeps of an approved request to refer to it later. */
  record Ref(String stan, String authCode, String rrn) {
    static Ref of(DecodedMessage answer) {
      return new Ref(answer.readString(11), answer.readString(38), answer.readString(37));
    }
  }

  private final HostProfile profile;
  private final IsoSpec spec;
  private final boolean cup;
  private final String terminalId;
  private int stan;

  Requests(HostProfile profile) {
    this(profile, TERMINAL);
  }

  Requests(HostProfile profile, String terminalId) {
    this.profile = profile;
    this.terminalId = terminalId;
    this.spec = profile.spec();
    this.cup = profile == HostProfile.CUP;
  }

  HostProfile profile() {
    return profile;
  }

  String nextStan() {
    stan++;
    return String.format("%06d", stan);
  }

  IsoMessage.Builder base(String mti) {
    IsoMessage.Builder b = IsoMessage.builder(spec).mti(mti);
    if (spec.hasTpdu()) {
      b.tpdu(TPDU);
    }
    if (spec.headerLength() > 0) {
      b.header(HEADER);
    }
    b.set(11, nextStan()).set(41, terminalId).set(42, MERCHANT);
    if (!cup) {
      b.set(7, DATE + "101530");
    }
    return b;
  }

  IsoMessage signOn() {
    IsoMessage.Builder b = base("0800");
    return cup ? b.setSubfields(60, "00", BATCH, "003").build() : b.set(70, "001").build();
  }

  IsoMessage echo() {
    return cup
        ? base("0820").setSubfields(60, "00", BATCH, "301").build()
        : base("0800").set(70, "301").build();
  }

  IsoMessage preAuth(String pan, long amount) {
    IsoMessage.Builder b =
        card(base("0100"), pan, "030000", amount, "06").set(14, "2912").set(22, "021");
    return cup ? b.setSubfields(60, "10", BATCH, "000").build() : b.build();
  }

  IsoMessage cancel(String pan, long amount, Ref hold) {
    IsoMessage.Builder b = card(base("0100"), pan, "200000", amount, "06").set(38, hold.authCode());
    return original(b, "11", "0100", hold.stan()).build();
  }

  IsoMessage completion(String pan, long amount, Ref hold) {
    IsoMessage.Builder b = card(base("0200"), pan, "000000", amount, "06").set(38, hold.authCode());
    return cup
        ? b.setSubfields(60, "20", BATCH).setSubfields(61, "000000", "000000", DATE).build()
        : original(b, "20", "0100", hold.stan()).build();
  }

  IsoMessage advice(String mti, String pan, long amount, Ref hold) {
    IsoMessage.Builder b = card(base(mti), pan, "000000", amount, "06").set(38, hold.authCode());
    return cup
        ? b.setSubfields(60, "24", BATCH).setSubfields(61, "000000", "000000", DATE).build()
        : original(b, "24", "0100", hold.stan()).build();
  }

  IsoMessage voidCompletion(String pan, long amount, Ref completion) {
    IsoMessage.Builder b =
        card(base("0200"), pan, "200000", amount, "06")
            .set(37, completion.rrn())
            .set(38, completion.authCode());
    return original(b, "21", "0200", completion.stan()).build();
  }

  IsoMessage refund(String pan, long amount, Ref completion) {
    IsoMessage.Builder b =
        card(base(cup ? "0220" : "0200"), pan, "200000", amount, "00").set(37, completion.rrn());
    return original(b, "25", "0200", completion.stan()).build();
  }

  /**
   * The reversal of a request: UnionPay repeats it as 0400 with the same trace, without track data,
   * PIN block, 26, 53, 37 and MAC, and the reason in 39; ISO sends 0420 with its own trace and the
   * original's MTI and trace in field 90.
   */
  IsoMessage reversal(IsoMessage original, String reason) {
    if (cup) {
      return original.toBuilder()
          .mti("0400")
          .remove(35)
          .remove(36)
          .remove(52)
          .remove(53)
          .remove(26)
          .remove(37)
          .remove(64)
          .set(39, reason)
          .build();
    }
    IsoMessage.Builder b = base("0420");
    for (int f : new int[] {2, 3, 4, 25, 49}) {
      original.get(f).ifPresent(v -> b.set(f, v));
    }
    return b.set(39, reason)
        .setSubfields(90, original.mti(), original.get(11).get(), DATE + "101530", "0", "0")
        .build();
  }

  private static IsoMessage.Builder card(
      IsoMessage.Builder b, String pan, String processing, long amount, String condition) {
    return b.set(2, pan).set(3, processing).set(4, amount).set(25, condition).set(49, "156");
  }

  private IsoMessage.Builder original(
      IsoMessage.Builder b, String typeCode, String originalMti, String originalStan) {
    return cup
        ? b.setSubfields(60, typeCode, BATCH).setSubfields(61, BATCH, originalStan, DATE)
        : b.setSubfields(90, originalMti, originalStan, DATE + "101530", "0", "0");
  }
}
