package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.iso8583.Specs;
import org.junit.jupiter.api.Test;

class FramingOverTcpTest extends ChannelTestSupport {

  @Test
  void twoByteBinaryLengthCarriesRequestAndAnswer() throws Exception {
    roundTrip(Specs.iso87Binary(), Framing.binaryLength());
  }

  @Test
  void fourDigitAsciiLengthCarriesRequestAndAnswer() throws Exception {
    roundTrip(Specs.iso87Ascii(), Framing.asciiLength());
  }

  @Test
  void unionPayTpduAndHeaderTravelAndTheAnswerComesWithTheTpduSwapped() throws Exception {
    IsoSpec spec = Specs.unionPayPos();
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                LoopbackHost.approvingAll()));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());

    ChannelResult result = await(channel.send(request(spec, "0100", 3), soon()));

    LoopbackHost.Received sent = host.next();
    assertThat(sent.message().tpdu()).containsExactly(0x60, 0x00, 0x12, 0x00, 0x34);
    assertThat(sent.message().header()).containsExactly(0x60, 0x31, 0x00, 0x31, 0x00, 0x00);
    assertThat(result.message().get().tpdu()).containsExactly(0x60, 0x00, 0x34, 0x00, 0x12);
  }

  @Test
  void aStreamNeedsALengthPrefix() {
    assertThatThrownBy(() -> new Framing(LengthPrefix.NONE, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NONE");
    assertThatThrownBy(() -> new Framing(LengthPrefix.ASCII_4, 10_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9999");
  }

  private void roundTrip(IsoSpec spec, Framing framing) throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                framing,
                LoopbackHost.approvingAll()));
    IsoChannel channel = channel(host, spec, framing);

    ChannelResult result = await(channel.send(request(spec, "0200", 1), soon()));

    assertThat(host.next().message().readString(41)).isEqualTo(TERMINAL);
    assertThat(result.message().get().mti()).isEqualTo("0210");
    assertThat(result.message().get().readString(39)).isEqualTo("00");
    assertThat(result.message().get().readString(38)).isEqualTo("AB1234");
  }
}
