package io.escrowkit.iso8583.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.solab.iso8583.IsoType;
import com.solab.iso8583.MessageFactory;
import com.solab.iso8583.parse.FieldParseInfo;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.SampleMessages;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.iso8583.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * This codec and j8583 1.17.0 read each other's bytes field for field where their formats agree.
 *
 * <p>Where they differ (see the module README):
 *
 * <ul>
 *   <li>Variable numeric fields in binary mode (fields 2, 32, 35): j8583's LLVAR writes a BCD
 *       length and ASCII digits; jPOS's IFB_LLNUM and this codec's {@code iso87binary} write BCD
 *       digits ({@link #variableNumericFieldsDifferInBinaryMode}). Those fields are left out of the
 *       binary-mode comparison.
 *   <li>Field 55 in ASCII mode: j8583's LLLBIN writes hex with a length counting hex digits; this
 *       codec (like jPOS's LLLCHAR) writes the raw bytes with a length counting bytes. Configured
 *       here as LLLVAR in ISO-8859-1, j8583 agrees. In binary mode LLLBIN agrees as is.
 *   <li>j8583 parses NUMERIC fields to numbers (leading zeros are restored when formatted); j8583's
 *       AMOUNT type assumes two decimals, so amounts are configured as NUMERIC 12.
 * </ul>
 */
class J8583InteropTest {

  private static final int MTI = 0x100;

  /** Field, j8583 type, length (0 for variable). Fields 2 and 35 only in ASCII mode. */
  private static final Object[][] FIELDS = {
    {2, IsoType.LLVAR, 0}, {3, IsoType.NUMERIC, 6}, {4, IsoType.NUMERIC, 12},
    {11, IsoType.NUMERIC, 6}, {12, IsoType.NUMERIC, 6}, {13, IsoType.NUMERIC, 4},
    {14, IsoType.NUMERIC, 4}, {22, IsoType.NUMERIC, 3}, {23, IsoType.NUMERIC, 3},
    {25, IsoType.NUMERIC, 2}, {26, IsoType.NUMERIC, 2}, {35, IsoType.LLVAR, 0},
    {37, IsoType.ALPHA, 12}, {41, IsoType.ALPHA, 8}, {42, IsoType.ALPHA, 15},
    {49, IsoType.ALPHA, 3}, {52, IsoType.BINARY, 8}, {55, IsoType.LLLBIN, 0},
    {60, IsoType.LLLVAR, 0}, {64, IsoType.BINARY, 8}
  };

  private static boolean binary(String spec) {
    return spec.equals(Specs.ISO87_BINARY);
  }

  private static boolean compared(int field, boolean binary) {
    return !binary || (field != 2 && field != 35);
  }

  private static IsoType typeOf(Object[] row, boolean binary) {
    return (int) row[0] == 55 && !binary ? IsoType.LLLVAR : (IsoType) row[1];
  }

  static MessageFactory<com.solab.iso8583.IsoMessage> factory(boolean binary) {
    MessageFactory<com.solab.iso8583.IsoMessage> mf = new MessageFactory<>();
    mf.setUseBinaryMessages(binary);
    mf.setUseBinaryBitmap(binary);
    mf.setCharacterEncoding("ISO-8859-1");
    Map<Integer, FieldParseInfo> guide = new HashMap<>();
    for (Object[] row : FIELDS) {
      if (compared((int) row[0], binary)) {
        guide.put(
            (int) row[0],
            FieldParseInfo.getInstance(typeOf(row, binary), (int) row[2], "ISO-8859-1"));
      }
    }
    mf.setParseMap(MTI, guide);
    return mf;
  }

  /** The sample pre-authorization built with j8583. */
  static com.solab.iso8583.IsoMessage j8583PreAuth(boolean binary) {
    com.solab.iso8583.IsoMessage m = factory(binary).newMessage(MTI);
    IsoMessage ours = SampleMessages.preAuth(Specs.iso87Ascii());
    for (Object[] row : FIELDS) {
      int f = (int) row[0];
      if (!compared(f, binary)) {
        continue;
      }
      Object value =
          f == 52 || f == 64
              ? ours.getBytes(f).orElseThrow()
              : f == 55 && binary
                  ? SampleMessages.emvData()
                  : f == 55
                      ? new String(SampleMessages.emvData(), StandardCharsets.ISO_8859_1)
                      : f == 4 ? "000000001000" : ours.get(f).orElseThrow();
      m.setValue(f, value, typeOf(row, binary), (int) row[2]);
    }
    return m;
  }

  private static IsoMessage ourPreAuth(IsoSpec spec, boolean binary) {
    IsoMessage.Builder b = SampleMessages.preAuth(spec).toBuilder();
    return binary ? b.remove(2).remove(35).build() : b.build();
  }

  @ParameterizedTest
  @ValueSource(strings = {Specs.ISO87_ASCII, Specs.ISO87_BINARY})
  void j8583ReadsWhatThisCodecWrites(String name) throws Exception {
    IsoSpec spec = Specs.builtIn(name).orElseThrow();
    boolean bin = binary(name);
    IsoMessage m = ourPreAuth(spec, bin);
    com.solab.iso8583.IsoMessage read = factory(bin).parseMessage(IsoCodec.of(spec).encode(m), 0);

    assertThat(read.getType()).isEqualTo(MTI);
    for (int f : m.fields()) {
      Object v = read.getObjectValue(f);
      if (v instanceof byte[]) {
        assertThat((byte[]) v).as("field " + f).isEqualTo(m.getBytes(f).orElseThrow());
      } else if (f == 55) {
        assertThat(v.toString().getBytes(StandardCharsets.ISO_8859_1))
            .isEqualTo(SampleMessages.emvData());
      } else {
        String expected = f == 4 ? "000000001000" : m.get(f).orElseThrow();
        assertThat(read.getField(f).toString()).as("field " + f).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {Specs.ISO87_ASCII, Specs.ISO87_BINARY})
  void thisCodecReadsWhatJ8583Writes(String name) {
    IsoSpec spec = Specs.builtIn(name).orElseThrow();
    boolean bin = binary(name);
    com.solab.iso8583.IsoMessage written = j8583PreAuth(bin);
    byte[] bytes = written.writeData();
    DecodedMessage d = IsoCodec.of(spec).decode(bytes);

    assertThat(d.mti()).isEqualTo("0100");
    for (Object[] row : FIELDS) {
      int f = (int) row[0];
      if (!compared(f, bin)) {
        assertThat(d.has(f)).isFalse();
        continue;
      }
      Object v = written.getObjectValue(f);
      if (v instanceof byte[]) {
        assertThat(d.readBytes(f)).as("field " + f).isEqualTo(v);
      } else if (f == 55) {
        assertThat(d.readBytes(55)).isEqualTo(SampleMessages.emvData());
      } else {
        assertThat(d.readString(f)).as("field " + f).isEqualTo(written.getField(f).toString());
      }
    }
    assertThat(bytes).isEqualTo(IsoCodec.of(spec).encode(ourPreAuth(spec, bin)));
  }

  @Test
  void variableNumericFieldsDifferInBinaryMode() {
    com.solab.iso8583.IsoMessage j = factory(true).newMessage(MTI);
    j.setValue(2, SampleMessages.TEST_PAN, IsoType.LLVAR, 0);
    IsoMessage ours =
        IsoMessage.builder(Specs.iso87Binary()).mti("0100").set(2, SampleMessages.TEST_PAN).build();

    String theirs = Hex.toHex(j.writeData());
    String mine = Hex.toHex(IsoCodec.of(Specs.iso87Binary()).encode(ours));
    // Same MTI and bitmap; then j8583 writes 16 ASCII digits, this codec (and jPOS) 8 BCD bytes.
    assertThat(theirs).endsWith("16" + Hex.toHex(SampleMessages.TEST_PAN.getBytes()));
    assertThat(mine).endsWith("16" + SampleMessages.TEST_PAN);
  }
}
