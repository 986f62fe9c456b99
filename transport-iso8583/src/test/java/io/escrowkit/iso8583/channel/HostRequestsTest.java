package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;
import org.junit.jupiter.api.Test;

/**
 * Requests the host sends on its own over loopback TCP: its echo tests and network management
 * advices are answered on the connection they came on; anything else is not a terminal's to serve.
 */
class HostRequestsTest extends ChannelTestSupport {

  @Test
  void theHostsEchoTestIsAnsweredWithItsOwnFieldsAndResponseCode00() throws Exception {
    IsoSpec spec = Specs.iso87Binary();
    Line line = lineAfterOneRequest(spec, 41);

    // An authorization from the host is not a terminal's to serve: no answer; the echo after it
    // is the first message answered on the line.
    line.peer.send(request(spec, "0100", 77));
    line.peer.send(
        IsoMessage.builder(spec)
            .mti("0800")
            .set(7, "1126031500")
            .set(11, "000777")
            .set(70, "301")
            .build());

    LoopbackHost.Received answer = line.host.next();
    assertThat(answer.mti()).isEqualTo("0810");
    assertThat(answer.field(39)).isEqualTo("00");
    assertThat(answer.field(7)).isEqualTo("1126031500");
    assertThat(answer.field(11)).isEqualTo("000777");
    assertThat(answer.field(70)).isEqualTo("301");
    assertThat(line.host.connectionsAccepted()).isEqualTo(1);
    assertThat(await(line.channel.send(request(spec, "0100", 42), soon())).isAnswer()).isTrue();
  }

  @Test
  void aNetworkAdviceIsAcknowledgedWithTheTpduSwappedAndNoMac() throws Exception {
    IsoSpec spec = Specs.unionPayPos();
    Line line = lineAfterOneRequest(spec, 51);

    line.peer.send(
        IsoMessage.builder(spec)
            .mti("0820")
            .tpdu(new byte[] {0x60, 0x00, 0x34, 0x00, 0x12})
            .header(new byte[] {0x60, 0x31, 0x00, 0x31, 0x00, 0x00})
            .set(11, "000888")
            .set(41, TERMINAL)
            .set(42, MERCHANT)
            .set(64, new byte[8])
            .build());

    LoopbackHost.Received answer = line.host.next();
    assertThat(answer.mti()).isEqualTo("0830");
    assertThat(answer.message().tpdu()).containsExactly(0x60, 0x00, 0x12, 0x00, 0x34);
    assertThat(answer.field(39)).isEqualTo("00");
    assertThat(answer.field(11)).isEqualTo("000888");
    assertThat(answer.message().has(64)).isFalse();
  }

  @Test
  void repeatsAreAnsweredAsTheFirstSendingAndOtherFunctionsAreRefusedNotPretended()
      throws Exception {
    IsoSpec spec = Specs.iso87Binary();
    Line line = lineAfterOneRequest(spec, 61);

    line.peer.send(network(spec, "0821", "000901", "301"));
    line.peer.send(network(spec, "0801", "000902", "301"));
    line.peer.send(network(spec, "0800", "000903", "161")); // a key change: not done here

    LoopbackHost.Received advice = line.host.next();
    LoopbackHost.Received echo = line.host.next();
    LoopbackHost.Received keyChange = line.host.next();
    assertThat(advice.mti()).isEqualTo("0830");
    assertThat(advice.field(39)).isEqualTo("00");
    assertThat(echo.mti()).isEqualTo("0810");
    assertThat(echo.field(39)).isEqualTo("00");
    assertThat(keyChange.mti()).isEqualTo("0810");
    assertThat(keyChange.field(11)).isEqualTo("000903");
    assertThat(keyChange.field(39)).isEqualTo("40");
  }

  @Test
  void aUnionPayEchoCarriesItsCodeIn60Point3() throws Exception {
    IsoSpec spec = Specs.unionPayPos();
    Line line = lineAfterOneRequest(spec, 71);

    line.peer.send(unionPayNetwork(spec, "000911", "301"));
    line.peer.send(unionPayNetwork(spec, "000912", "003")); // a sign-on asked of the terminal

    LoopbackHost.Received echo = line.host.next();
    LoopbackHost.Received signOn = line.host.next();
    assertThat(echo.field(11)).isEqualTo("000911");
    assertThat(echo.field(39)).isEqualTo("00");
    assertThat(signOn.field(11)).isEqualTo("000912");
    assertThat(signOn.field(39)).isEqualTo("40");
  }

  private static IsoMessage network(IsoSpec spec, String mti, String trace, String code) {
    return IsoMessage.builder(spec).mti(mti).set(11, trace).set(70, code).build();
  }

  private static IsoMessage unionPayNetwork(IsoSpec spec, String trace, String code) {
    return IsoMessage.builder(spec)
        .mti("0800")
        .tpdu(new byte[] {0x60, 0x00, 0x34, 0x00, 0x12})
        .header(new byte[] {0x60, 0x31, 0x00, 0x31, 0x00, 0x00})
        .set(11, trace)
        .set(41, TERMINAL)
        .set(42, MERCHANT)
        .setSubfields(60, "00", "000001", code)
        .build();
  }

  /** A host and a channel to it, and the host's side of the line once a first request came. */
  private record Line(LoopbackHost host, IsoChannel channel, LoopbackHost.Peer peer) {}

  /** Connects to an approving host and sends one authorization ({@code trace}), answered. */
  private Line lineAfterOneRequest(IsoSpec spec, long trace) throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                spec,
                Framing.binaryLength(),
                request -> {
                  if (request.mti().equals("0100")) {
                    request.peer().send(HostAnswers.approve(request.message()));
                  }
                }));
    IsoChannel channel = channel(host, spec, Framing.binaryLength());
    assertThat(await(channel.send(request(spec, "0100", trace), soon())).isAnswer()).isTrue();
    return new Line(host, channel, host.next().peer());
  }
}
