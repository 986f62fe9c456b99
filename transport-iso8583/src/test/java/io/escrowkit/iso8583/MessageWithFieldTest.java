package io.escrowkit.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IsoMessage#with}: the same message, byte for byte, as a builder gives when the field is
 * replaced or added, and the same refusals.
 */
class MessageWithFieldTest {
  static Stream<IsoSpec> specs() {
    return Stream.of(Specs.unionPayPos(), Specs.iso87Binary(), Specs.iso87Ascii());
  }

  @ParameterizedTest
  @MethodSource("specs")
  void addingTheMacFieldEncodesAsTheBuilderDoes(IsoSpec spec) {
    IsoMessage message = withoutMac(spec);

    IsoMessage added = message.with(64, SampleMessages.TEST_MAC);

    assertSameAs(added, message.toBuilder().set(64, SampleMessages.TEST_MAC).build());
    assertThat(message.has(64)).as("the original is unchanged").isFalse();
  }

  @ParameterizedTest
  @MethodSource("specs")
  void replacingAFieldEncodesAsTheBuilderDoes(IsoSpec spec) {
    IsoMessage placeholder = withoutMac(spec).with(64, new byte[8]);

    IsoMessage replaced = placeholder.with(64, SampleMessages.TEST_MAC);

    assertSameAs(replaced, placeholder.toBuilder().set(64, SampleMessages.TEST_MAC).build());
    assertThat(placeholder.getBytes(64)).contains(new byte[8]);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void addingAFieldInTheMiddleOrOneNeedingASecondaryBitmapEncodesAsTheBuilderDoes(IsoSpec spec) {
    IsoMessage message = withoutMac(spec).toBuilder().remove(52).build();
    byte[] pin = SampleMessages.TEST_PIN_BLOCK;

    assertSameAs(message.with(52, pin), message.toBuilder().set(52, pin).build());
    if (spec.maxField() >= 128) {
      assertSameAs(message.with(128, SampleMessages.TEST_MAC),
          message.toBuilder().set(128, SampleMessages.TEST_MAC).build());
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void refusesWhatTheBuilderRefuses(IsoSpec spec) {
    IsoMessage message = withoutMac(spec);

    assertThatThrownBy(() -> message.with(64, new byte[9]))
        .isInstanceOf(IsoValueException.class)
        .hasMessageContaining("64");
    assertThatThrownBy(() -> message.with(1, new byte[8]))
        .isInstanceOf(IsoValueException.class)
        .hasMessageContaining("bitmap");
  }

  private static IsoMessage withoutMac(IsoSpec spec) {
    return SampleMessages.preAuth(spec).toBuilder().remove(64).build();
  }

  private static void assertSameAs(IsoMessage actual, IsoMessage expected) {
    IsoCodec codec = IsoCodec.of(expected.spec());
    assertThat(actual.fields()).containsExactly(expected.fields());
    assertThat(actual.encodedLength()).isEqualTo(expected.encodedLength());
    assertThat(codec.encode(actual)).isEqualTo(codec.encode(expected));
  }
}
