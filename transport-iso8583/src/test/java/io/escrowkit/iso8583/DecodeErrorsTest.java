package io.escrowkit.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.iso8583.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Malformed input gives IsoFormatException with the field, the offset and the reason. */
class DecodeErrorsTest {

  /** Where the sample UnionPay message's fields start: TPDU 5 + header 6 + MTI 2 + bitmap 8. */
  private static final int CUP_FIELDS = 21;

  private final IsoCodec cup = IsoCodec.of(Specs.unionPayPos());
  private final IsoCodec ascii = IsoCodec.of(Specs.iso87Ascii());
  private final byte[] sample = cup.encode(SampleMessages.preAuth(Specs.unionPayPos()));

  private static void assertFormatError(
      ThrowingCallable call, int field, int offset, String reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            IsoFormatException.class,
            e -> {
              assertThat(e.field()).as("field").isEqualTo(field);
              assertThat(e.offset()).as("offset").isEqualTo(offset);
              assertThat(e.reason()).contains(reason);
            });
  }

  private byte[] sampleWith(int offset, int value) {
    byte[] copy = sample.clone();
    copy[offset] = (byte) value;
    return copy;
  }

  @Test
  void emptyInputIsATruncatedTpdu() {
    assertFormatError(() -> cup.decode(new byte[0]), IsoException.TPDU, 0, "truncated");
  }

  @Test
  void truncatedMtiIsReported() {
    assertFormatError(
        () -> ascii.decode("02".getBytes(StandardCharsets.US_ASCII)),
        IsoException.MTI,
        0,
        "the MTI needs 4 bytes, 2 remain");
  }

  @Test
  void nonDigitMtiIsReportedAtItsByte() {
    byte[] in = "01A02000000000000000".getBytes(StandardCharsets.US_ASCII);
    assertFormatError(() -> ascii.decode(in), IsoException.MTI, 2, "four decimal digits");
  }

  @Test
  void nonHexBitmapIsReportedAtItsByte() {
    byte[] in = "02000G00000000000000".getBytes(StandardCharsets.US_ASCII);
    assertFormatError(() -> ascii.decode(in), IsoException.BITMAP, 5, "not a hex digit");
  }

  @Test
  void secondaryBitmapInAPrimaryOnlySpecIsRefused() {
    assertFormatError(
        () -> cup.decode(sampleWith(13, sample[13] | 0x80)),
        IsoException.BITMAP,
        13,
        "has only a primary one");
  }

  @Test
  void fieldFlaggedButUndefinedIsRefused() {
    // bit 5 is in the first bitmap byte (offset 13); it would follow F2 (1+8), F3 (3), F4 (6)
    assertFormatError(
        () -> cup.decode(sampleWith(13, sample[13] | 0x08)),
        5,
        CUP_FIELDS + 9 + 3 + 6,
        "not defined by spec 'cup'");
  }

  @Test
  void lengthPrefixOverTheMaximumIsRefusedBeforeReadingTheValue() {
    assertFormatError(
        () -> cup.decode(sampleWith(CUP_FIELDS, 0x25)),
        2,
        CUP_FIELDS,
        "length 25 exceeds the maximum 19");
  }

  @Test
  void lengthPrefixThatIsNotDecimalIsRefused() {
    assertFormatError(() -> cup.decode(sampleWith(CUP_FIELDS, 0x1A)), 2, CUP_FIELDS, "not decimal");
  }

  @Test
  void truncatedValueNamesTheFieldAndWhatIsMissing() {
    byte[] cut = Arrays.copyOf(sample, CUP_FIELDS + 4);
    assertFormatError(() -> cup.decode(cut), 2, CUP_FIELDS + 1, "needs 8 bytes, 3 remain");
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] longer = Arrays.copyOf(sample, sample.length + 2);
    assertFormatError(
        () -> cup.decode(longer),
        IsoException.NO_FIELD,
        sample.length,
        "2 unexpected bytes after the last field");
  }

  @Test
  void messageTextHasFieldOffsetAndReason() {
    assertThatThrownBy(() -> cup.decode(sampleWith(CUP_FIELDS, 0x25)))
        .hasMessage("field 2 at offset 21: length 25 exceeds the maximum 19");
  }

  @Test
  void nonDigitNibbleIsReportedWhenTheValueIsRead() {
    DecodedMessage ok = cup.decode(sample);
    int f4 = ok.valueOffset(4);
    byte[] bad = sampleWith(f4 + 5, 0x0A);
    DecodedMessage d = cup.decode(bad);
    assertFormatError(() -> d.readString(4), 4, f4 + 5, "nibble A is not a decimal digit");
    assertFormatError(() -> d.readLong(4), 4, f4 + 5, "nibble A");
    assertThat(d.readString(3)).isEqualTo("030000");
  }

  @Test
  void longOverflowIsAFormatErrorNotAWrongNumber() {
    IsoSpec spec = Specs.iso87Ascii();
    IsoMessage m = IsoMessage.builder(spec).mti("0200").set(2, "9999999999999999999").build();
    DecodedMessage d = IsoCodec.of(spec).decode(IsoCodec.of(spec).encode(m));
    assertThatThrownBy(() -> d.readLong(2))
        .isInstanceOf(IsoFormatException.class)
        .hasMessageContaining("does not fit a long");
    IsoMessage fits = IsoMessage.builder(spec).mti("0200").set(2, "922337203685477580").build();
    assertThat(IsoCodec.of(spec).decode(IsoCodec.of(spec).encode(fits)).readLong(2))
        .isEqualTo(922337203685477580L);
  }

  @Test
  void tlvErrorsInFieldFiftyFiveCarryTheFieldAndTheMessageOffset() {
    IsoSpec spec = Specs.unionPayPos();
    IsoMessage m =
        SampleMessages.preAuth(spec).toBuilder()
            .set(55, Hex.parse("9F02060000000010009F2608AABB", "tlv"))
            .build();
    DecodedMessage d = cup.decode(cup.encode(m));
    int tagOffset = d.valueOffset(55) - d.start() + 9;
    assertFormatError(() -> d.readTlv(55), 55, tagOffset, "tag 9F26 declares 8 bytes, 2 remain");
  }

  @Test
  void lengthPrefixedInputMustMatchThePrefix() {
    byte[] framed = cup.encode(SampleMessages.preAuth(Specs.unionPayPos()), LengthPrefix.BINARY_2);
    assertThat(cup.decode(framed, 0, framed.length, LengthPrefix.BINARY_2).mti()).isEqualTo("0100");
    assertFormatError(
        () -> cup.decode(framed, 0, framed.length - 1, LengthPrefix.BINARY_2),
        IsoException.LENGTH_PREFIX,
        0,
        "announces");
    byte[] badBody = framed.clone();
    badBody[2 + CUP_FIELDS] = 0x25;
    assertFormatError(
        () -> cup.decode(badBody, 0, badBody.length, LengthPrefix.BINARY_2),
        2,
        CUP_FIELDS + 2,
        "exceeds the maximum 19");
  }

  @Test
  void aViewWhoseDecodeFailedRefusesReads() {
    DecodedMessage view = new DecodedMessage();
    cup.decode(sample, 0, sample.length, view);
    assertThat(view.has(2)).isTrue();
    assertThatThrownBy(() -> cup.decode(new byte[3], 0, 3, view))
        .isInstanceOf(IsoFormatException.class);
    assertThatThrownBy(() -> view.readString(2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void absentFieldReadIsNoSuchElement() {
    DecodedMessage d = cup.decode(sample);
    assertThatThrownBy(() -> d.readString(39))
        .isInstanceOf(java.util.NoSuchElementException.class)
        .hasMessage("field 39 is absent");
    assertThat(d.findString(39)).isEmpty();
  }
}
