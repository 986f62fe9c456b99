package io.escrowkit.iso8583.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.SampleMessages;
import io.escrowkit.iso8583.Specs;
import java.nio.charset.StandardCharsets;
import org.jpos.iso.ISOBasePackager;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * This codec and jPOS 2.1.9 ({@code ISO87APackager}, {@code ISO87BPackager}) read each other's
 * bytes field for field, and write identical bytes for the same values.
 *
 * <p>Where they differ (see the module README):
 *
 * <ul>
 *   <li>Fixed text fields (IF_CHAR): jPOS returns the value with its space padding, this codec
 *       without ({@link #fixedTextPaddingIsKeptByJposAndRemovedHere}).
 *   <li>Field 55: jPOS types it LLLCHAR (text); this codec types it binary EMV data. The bytes on
 *       the wire are the same; jPOS's string is their ISO-8859-1 reading.
 *   <li>Track 2 in BCD: jPOS encodes only {@code '='} as the separator nibble; {@code 'D'} comes
 *       out as nibble 4. This codec accepts both and writes nibble D.
 *   <li>Field 96: jPOS defines 16 bytes, ISO 8583:1987 and this codec 8.
 *   <li>Content checks: jPOS packs and unpacks non-digits in numeric fields; this codec refuses
 *       them when a value is set and reports them when a value is read.
 * </ul>
 */
class JposInteropTest {

  private static final int[] SAMPLE_FIELDS = {
    2, 3, 4, 11, 12, 13, 14, 22, 23, 25, 26, 35, 37, 41, 42, 49, 52, 55, 60, 64
  };
  private static final int[] BINARY_FIELDS = {52, 64};

  static ISOBasePackager jposPackager(String spec) {
    return spec.equals(Specs.ISO87_ASCII) ? new ISO87APackager() : new ISO87BPackager();
  }

  /** The sample pre-authorization built with jPOS, same values as {@link SampleMessages}. */
  static ISOMsg jposPreAuth(ISOBasePackager packager) throws ISOException {
    ISOMsg m = new ISOMsg("0100");
    m.setPackager(packager);
    m.set(2, SampleMessages.TEST_PAN);
    m.set(3, "030000");
    m.set(4, "000000001000");
    m.set(11, "000123");
    m.set(12, "101530");
    m.set(13, "0115");
    m.set(14, "2512");
    m.set(22, "051");
    m.set(23, "001");
    m.set(25, "06");
    m.set(26, "12");
    m.set(35, SampleMessages.TEST_TRACK2);
    m.set(37, "000000000123");
    m.set(41, "TERM0001");
    m.set(42, "898440358120001");
    m.set(49, "156");
    m.set(52, SampleMessages.TEST_PIN_BLOCK);
    m.set(55, new String(SampleMessages.emvData(), StandardCharsets.ISO_8859_1));
    m.set(60, "10000001000");
    m.set(64, SampleMessages.TEST_MAC);
    return m;
  }

  private static boolean isBinary(int field) {
    return field == BINARY_FIELDS[0] || field == BINARY_FIELDS[1];
  }

  @ParameterizedTest
  @ValueSource(strings = {Specs.ISO87_ASCII, Specs.ISO87_BINARY})
  void bothWriteTheSameBytes(String name) throws ISOException {
    IsoSpec spec = Specs.builtIn(name).orElseThrow();
    byte[] ours = IsoCodec.of(spec).encode(SampleMessages.preAuth(spec));
    byte[] theirs = jposPreAuth(jposPackager(name)).pack();
    assertThat(ours).isEqualTo(theirs);
  }

  @ParameterizedTest
  @ValueSource(strings = {Specs.ISO87_ASCII, Specs.ISO87_BINARY})
  void jposReadsWhatThisCodecWrites(String name) throws ISOException {
    IsoSpec spec = Specs.builtIn(name).orElseThrow();
    IsoMessage m = SampleMessages.preAuth(spec);
    ISOMsg read = new ISOMsg();
    read.setPackager(jposPackager(name));
    read.unpack(IsoCodec.of(spec).encode(m));

    assertThat(read.getMTI()).isEqualTo("0100");
    for (int f : SAMPLE_FIELDS) {
      if (isBinary(f)) {
        assertThat(read.getBytes(f)).as("field " + f).isEqualTo(m.getBytes(f).orElseThrow());
      } else if (f == 55) {
        assertThat(read.getString(55).getBytes(StandardCharsets.ISO_8859_1))
            .isEqualTo(SampleMessages.emvData());
      } else {
        String expected = f == 4 ? "000000001000" : m.get(f).orElseThrow();
        assertThat(read.getString(f)).as("field " + f).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {Specs.ISO87_ASCII, Specs.ISO87_BINARY})
  void thisCodecReadsWhatJposWrites(String name) throws ISOException {
    IsoSpec spec = Specs.builtIn(name).orElseThrow();
    ISOMsg written = jposPreAuth(jposPackager(name));
    DecodedMessage d = IsoCodec.of(spec).decode(written.pack());

    assertThat(d.mti()).isEqualTo("0100");
    assertThat(d.fields()).containsExactly(SAMPLE_FIELDS);
    for (int f : SAMPLE_FIELDS) {
      if (isBinary(f) || f == 55) {
        assertThat(d.readBytes(f)).as("field " + f).isEqualTo(written.getBytes(f));
      } else {
        assertThat(d.readString(f)).as("field " + f).isEqualTo(written.getString(f));
      }
    }
    assertThat(d.readLong(4)).isEqualTo(1000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {Specs.ISO87_ASCII, Specs.ISO87_BINARY})
  void secondaryBitmapAndAmountsAgree(String name) throws ISOException {
    IsoSpec spec = Specs.builtIn(name).orElseThrow();
    IsoMessage m =
        IsoMessage.builder(spec)
            .mti("0420")
            .set(11, "000124")
            .set(28, "D00000150")
            .set(90, "010000012311151030150000000000100000000001")
            .set(97, "C0000000000012345")
            .set(102, "ACCOUNT-1")
            .build();
    byte[] ours = IsoCodec.of(spec).encode(m);

    ISOMsg j = new ISOMsg();
    j.setPackager(jposPackager(name));
    j.unpack(ours);
    assertThat(j.getString(28)).isEqualTo("D00000150");
    assertThat(j.getString(90)).isEqualTo(m.get(90).orElseThrow());
    assertThat(j.getString(97)).isEqualTo("C0000000000012345");
    assertThat(j.getString(102)).isEqualTo("ACCOUNT-1");
    assertThat(j.pack()).isEqualTo(ours);
  }

  @ParameterizedTest
  @ValueSource(strings = {Specs.ISO87_ASCII, Specs.ISO87_BINARY})
  void fixedTextPaddingIsKeptByJposAndRemovedHere(String name) throws ISOException {
    IsoSpec spec = Specs.builtIn(name).orElseThrow();
    IsoMessage m = IsoMessage.builder(spec).mti("0200").set(43, "SHOP 1").build();
    byte[] ours = IsoCodec.of(spec).encode(m);
    ISOMsg j = new ISOMsg();
    j.setPackager(jposPackager(name));
    j.unpack(ours);

    assertThat(j.getString(43)).hasSize(40).startsWith("SHOP 1 ");
    assertThat(IsoCodec.of(spec).decode(ours).readString(43)).isEqualTo("SHOP 1");
  }
}
