package io.escrowkit.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

  private final IsoSpec spec = Specs.unionPayPos();
  private final IsoCodec codec = IsoCodec.of(spec);
  private final IsoMessage message = SampleMessages.preAuth(spec);

  @Test
  void binaryPrefixCountsTheBytesAfterIt() {
    byte[] framed = codec.encode(message, LengthPrefix.BINARY_2);
    int body = message.encodedLength();
    assertThat(framed[0] & 0xFF).isEqualTo(body >>> 8);
    assertThat(framed[1] & 0xFF).isEqualTo(body & 0xFF);
    assertThat(Arrays.copyOfRange(framed, 2, framed.length)).isEqualTo(codec.encode(message));
  }

  @Test
  void asciiPrefixIsFourDigits() {
    byte[] framed = codec.encode(message, LengthPrefix.ASCII_4);
    String prefix = new String(framed, 0, 4, StandardCharsets.US_ASCII);
    assertThat(prefix).isEqualTo(String.format("%04d", message.encodedLength()));
  }

  @Test
  void eachPrefixRoundTripsThroughTheFrameDecoder() {
    for (LengthPrefix prefix : LengthPrefix.values()) {
      byte[] framed = codec.encode(message, prefix);
      FrameDecoder frames = new FrameDecoder(prefix, 4096);
      assertThat(frames.frameLength(framed, 0, framed.length))
          .as(prefix.name())
          .isEqualTo(framed.length);
      ByteBuffer body = frames.next(ByteBuffer.wrap(framed)).orElseThrow();
      assertThat(codec.decode(body).readString(2)).isEqualTo(SampleMessages.TEST_PAN);
    }
  }

  @Test
  void takesOnlyCompleteFramesAndLeavesTheRest() {
    byte[] one = codec.encode(message, LengthPrefix.BINARY_2);
    ByteBuffer stream = ByteBuffer.allocate(2 * one.length);
    stream.put(one).put(one, 0, one.length - 10).flip();
    FrameDecoder frames = new FrameDecoder(LengthPrefix.BINARY_2, 4096);

    assertThat(frames.next(stream)).isPresent();
    assertThat(stream.position()).isEqualTo(one.length);
    assertThat(frames.next(stream)).isEmpty();
    assertThat(stream.position()).as("an incomplete frame is not consumed").isEqualTo(one.length);
    assertThat(frames.frameLength(one, 0, 1)).isEqualTo(-1);
  }

  @Test
  void refusesAnnouncedLengthOverTheMaximumBeforeItsBytesArrive() {
    FrameDecoder frames = new FrameDecoder(LengthPrefix.BINARY_2, 1000);
    byte[] header = {(byte) 0xEA, 0x60};
    assertThatThrownBy(() -> frames.frameLength(header, 0, 2))
        .isInstanceOfSatisfying(
            IsoFormatException.class,
            e -> assertThat(e.field()).isEqualTo(IsoException.LENGTH_PREFIX))
        .hasMessageContaining("frame of 60000 bytes exceeds the maximum 1000");
  }

  @Test
  void refusesAsciiPrefixThatIsNotDigits() {
    FrameDecoder frames = new FrameDecoder(LengthPrefix.ASCII_4, 1000);
    assertThatThrownBy(() -> frames.next(ByteBuffer.wrap("12x4abcd".getBytes())))
        .isInstanceOf(IsoFormatException.class)
        .hasMessageContaining("offset 2");
  }

  @Test
  void lengthPrefixThatCannotExpressTheLengthIsRefused() {
    assertThatThrownBy(() -> LengthPrefix.ASCII_4.write(10_000, new byte[4], 0))
        .isInstanceOf(IsoValueException.class)
        .hasMessageContaining("9999");
  }

  @Test
  void commandLineNamesParse() {
    assertThat(LengthPrefix.forName("none")).isEqualTo(LengthPrefix.NONE);
    assertThat(LengthPrefix.forName("2")).isEqualTo(LengthPrefix.BINARY_2);
    assertThat(LengthPrefix.forName("4A")).isEqualTo(LengthPrefix.ASCII_4);
    assertThatThrownBy(() -> LengthPrefix.forName("3")).hasMessageContaining("none, 2, 4a");
  }

  @Test
  void encodesIntoAByteBufferAtItsPosition() {
    ByteBuffer heap = ByteBuffer.allocate(1000).position(7);
    int n = codec.encode(message, heap);
    assertThat(heap.position()).isEqualTo(7 + n);
    ByteBuffer direct = ByteBuffer.allocateDirect(1000);
    codec.encode(message, direct);
    direct.flip();
    assertThat(codec.decode(direct).readString(2)).isEqualTo(SampleMessages.TEST_PAN);
  }
}
