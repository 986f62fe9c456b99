package io.escrowkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.iso8583.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecodeCommandTest {

  private static JsonNode json(String line) throws Exception {
    return MessageJson.MAPPER.readTree(line);
  }

  @ParameterizedTest
  @ValueSource(strings = {"iso87ascii", "iso87binary", "cup"})
  void decodePrintsOneJsonObjectForEveryBuiltInSpec(String name) throws Exception {
    IsoSpec spec = Specs.builtIn(name).orElseThrow();
    CliRun run = CliRun.of("decode", "--spec", name, "--no-mask", "--hex", CliMessages.hex(spec));

    assertThat(run.status).isZero();
    assertThat(run.outLines()).hasSize(1);
    JsonNode m = json(run.out);
    assertThat(m.get("mti").asText()).isEqualTo("0100");
    JsonNode f = m.get("fields");
    assertThat(f.get("2").asText()).isEqualTo(CliMessages.TEST_PAN);
    assertThat(f.get("3").asText()).isEqualTo("030000");
    assertThat(f.get("4").asText()).isEqualTo("000000001000");
    assertThat(f.get("35").asText()).isEqualTo(CliMessages.TEST_TRACK2);
    assertThat(f.get("41").asText()).isEqualTo("TERM0001");
    assertThat(f.get("52").asText()).isEqualTo("0123456789ABCDEF");
    assertThat(f.get("55").asText()).isEqualTo("9F2608A1B2C3D4E5F607189F270180");
    assertThat(m.has("tpdu")).isEqualTo(name.equals("cup"));
    if (name.equals("cup")) {
      assertThat(m.get("tpdu").asText()).isEqualTo("6000030000");
      assertThat(m.get("header").asText()).isEqualTo("603100310000");
    }
  }

  @Test
  void fieldsArePrintedAsOnTheWireByDefault() throws Exception {
    CliRun run =
        CliRun.of("decode", "--spec", "cup", "--hex", CliMessages.hex(Specs.unionPayPos()));

    assertThat(run.status).isZero();
    assertThat(json(run.out).get("fields").get("2").asText()).isEqualTo(CliMessages.TEST_PAN);
  }

  @Test
  void binaryBytesInATextFieldAreGivenAsHexTooAndEncodeIgnoresThatView() throws Exception {
    // A sign-on answer's field 62: working keys (ciphertext, test values) in a text field.
    byte[] keys = HexText.parse("0102A0FF31323334", "keys");
    IsoSpec cup = Specs.unionPayPos();
    IsoMessage answer = IsoMessage.builder(cup)
        .tpdu(HexText.parse("6000000003", "tpdu"))
        .header(HexText.parse("603100310000", "header"))
        .mti("0810")
        .set(39, "00")
        .set(41, "TERM0001")
        .set(62, new String(keys, StandardCharsets.ISO_8859_1))
        .build();
    String hex = HexText.of(IsoCodec.of(cup).encode(answer));

    CliRun run = CliRun.of("decode", "--spec", "cup", "--hex", hex);

    assertThat(run.status).isZero();
    JsonNode decoded = json(run.out);
    assertThat(decoded.get("hex").get("62").asText()).isEqualTo("0102A0FF31323334");
    assertThat(decoded.get("hex").has("41")).isFalse();
    CliRun encoded = CliRun.withStdin(run.out, "encode", "--spec", "cup");
    assertThat(encoded.status).isZero();
    assertThat(encoded.out.trim()).isEqualTo(hex);
  }

  @Test
  void headerLengthReplacesTheSpecsForHostsThatSendATpduWithoutAHeader() throws Exception {
    IsoSpec noHeader = Specs.unionPayPos().toBuilder().headerLength(0).build();
    IsoMessage signOn = IsoMessage.builder(noHeader)
        .tpdu(HexText.parse("6000320000", "tpdu"))
        .mti("0800")
        .set(11, "000013")
        .set(41, "TERM0001")
        .set(60, "00000001003")
        .build();
    String hex = HexText.of(IsoCodec.of(noHeader).encode(signOn));

    CliRun asSpecified = CliRun.of("decode", "--spec", "cup", "--hex", hex);
    CliRun withoutHeader = CliRun.of("decode", "--spec", "cup", "--header-length", "0", "--hex", hex);

    assertThat(asSpecified.status).isEqualTo(2);
    assertThat(withoutHeader.status).isZero();
    JsonNode decoded = json(withoutHeader.out);
    assertThat(decoded.get("mti").asText()).isEqualTo("0800");
    assertThat(decoded.has("header")).isFalse();
    assertThat(decoded.get("fields").get("60").asText()).isEqualTo("00000001003");
    assertThat(CliRun.of("decode", "--spec", "cup", "--header-length", "x", "--hex", hex).status)
        .isEqualTo(2);
  }

  @Test
  void cardDataIsMaskedOnRequest() throws Exception {
    CliRun run = CliRun.of(
        "decode", "--spec", "cup", "--mask", "--hex", CliMessages.hex(Specs.unionPayPos()));

    assertThat(run.status).isZero();
    JsonNode f = json(run.out).get("fields");
    assertThat(f.get("2").asText()).isEqualTo("622588******5678");
    assertThat(f.get("35").asText()).isEqualTo("622588******5678=*****************");
    assertThat(f.get("52").asText()).isEqualTo("****************");
    assertThat(f.get("55").asText()).startsWith("9F2608");
    assertThat(run.out).doesNotContain(CliMessages.TEST_PAN).doesNotContain("0123456789ABCDEF");
  }

  @Test
  void maskHidesTheCardDataInsideField55() throws Exception {
    IsoSpec spec = Specs.iso87Binary();
    String hex = HexText.of(IsoCodec.of(spec).encode(CliMessages.preAuthWithCardInEmv(spec)));

    CliRun run = CliRun.of("decode", "--spec", "iso87binary", "--mask", "--tlv", "--hex", hex);

    assertThat(run.status).isZero();
    JsonNode root = json(run.out);
    assertThat(root.get("fields").get("55").asText())
        .isEqualTo("9F2608A1B2C3D4E5F60718" + "5A08622588******5678" + "5711622588******5678D"
            + "*".repeat(17));
    assertThat(root.get("tlv").get(1).get("value").asText()).isEqualTo("622588******5678");
    assertThat(run.out).doesNotContain(CliMessages.TEST_PAN).doesNotContain("2512201");
  }

  /**
   * Card data in field 55 where the structure does not parse (a template whose contents end in
   * bytes that are no data object) or nests past the depth masking looks into: still masked.
   */
  @Test
  void maskHidesCardDataInTemplatesThatDoNotParseOrNestTooDeep() throws Exception {
    IsoSpec spec = Specs.iso87Binary();
    String unparsed = "E10C5A08" + CliMessages.TEST_PAN + "FFFF" + "9F2608AABBCCDDEEFF0011";
    String deep = "5A08" + CliMessages.TEST_PAN;
    for (int i = 0; i < 8; i++) {
      deep = String.format("70%02X", deep.length() / 2) + deep;
    }
    for (String field55 : new String[] {unparsed, deep}) {
      IsoMessage message = CliMessages.preAuthWithCardInEmv(spec).toBuilder()
          .set(55, HexText.parse(field55, "field 55"))
          .build();
      String hex = HexText.of(IsoCodec.of(spec).encode(message));

      CliRun masked = CliRun.of("decode", "--spec", "iso87binary", "--mask", "--hex", hex);
      CliRun withTlv =
          CliRun.of("decode", "--spec", "iso87binary", "--mask", "--tlv", "--hex", hex);

      assertThat(masked.status).isZero();
      assertThat(masked.out).doesNotContain(CliMessages.TEST_PAN);
      assertThat(withTlv.out + withTlv.err).doesNotContain(CliMessages.TEST_PAN);
    }
  }

  @Test
  void tlvAddsTheDataObjectsOfField55() throws Exception {
    CliRun run =
        CliRun.of(
            "decode",
            "--spec",
            "iso87binary",
            "--tlv",
            "--hex",
            CliMessages.hex(Specs.iso87Binary()));

    JsonNode tlv = json(run.out).get("tlv");
    assertThat(tlv).hasSize(2);
    assertThat(tlv.get(0).get("tag").asText()).isEqualTo("9F26");
    assertThat(tlv.get(0).get("value").asText()).isEqualTo("A1B2C3D4E5F60718");
    assertThat(tlv.get(1).get("tag").asText()).isEqualTo("9F27");
  }

  @Test
  void batchAnswersEveryLineAndReportsTheBadOneOnItsLine() throws Exception {
    String good = CliMessages.hex(Specs.unionPayPos());
    String truncated = good.substring(0, 70);
    String stdin = good + "\n" + truncated + "\nnot hex\n\n" + good + "\n";
    CliRun run = CliRun.withStdin(stdin, "decode", "--spec", "cup", "--hex", "-");

    List<String> lines = run.outLines();
    assertThat(lines).hasSize(4);
    assertThat(json(lines.get(0)).get("mti").asText()).isEqualTo("0100");
    JsonNode error = json(lines.get(1));
    // TPDU 5 + header 6 + MTI 2 + bitmap 8 + field 2 (1 + 8) + field 3 (3) = 33; 2 bytes remain.
    assertThat(error.get("field").asInt()).isEqualTo(4);
    assertThat(error.get("offset").asInt()).isEqualTo(33);
    assertThat(error.get("error").asText()).contains("field 4 at offset 33");
    assertThat(json(lines.get(2)).get("error").asText()).contains("not hex");
    assertThat(json(lines.get(3)).get("fields").get("3").asText()).isEqualTo("030000");
    assertThat(run.status).isEqualTo(2);
    assertThat(run.err).isEmpty();
  }

  @Test
  void batchOfGoodLinesExitsZero() {
    String good = CliMessages.hex(Specs.iso87Ascii());
    CliRun run =
        CliRun.withStdin(good + "\n" + good + "\n", "decode", "--spec", "iso87ascii", "--hex", "-");

    assertThat(run.status).isZero();
    assertThat(run.outLines()).hasSize(2);
  }

  @Test
  void aSingleMalformedInputExitsTwoWithOneLineNamingFieldAndOffset() {
    String truncated = CliMessages.hex(Specs.iso87Binary()).substring(0, 40);
    CliRun run = CliRun.of("decode", "--spec", "iso87binary", "--hex", truncated);

    assertThat(run.status).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err.split("\n")).hasSize(1);
    // MTI 2 + bitmaps 8 + field 2 (1 + 8) = 19; field 3 needs 3 bytes, 1 remains.
    assertThat(run.err)
        .contains("field 3 at offset 19")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void lengthPrefixIsCheckedAndSkipped() throws Exception {
    String framed = CliMessages.hex(Specs.iso87Binary(), LengthPrefix.BINARY_2);
    CliRun run =
        CliRun.of("decode", "--spec", "iso87binary", "--length-prefix", "2", "--hex", framed);
    assertThat(run.status).isZero();
    assertThat(json(run.out).get("fields").get("41").asText()).isEqualTo("TERM0001");

    CliRun wrong =
        CliRun.of("decode", "--spec", "iso87binary", "--length-prefix", "4a", "--hex", framed);
    assertThat(wrong.status).isEqualTo(2);
    assertThat(wrong.err).contains("length prefix");
  }

  @Test
  void fileIsReadAsRawBytes(@TempDir Path dir) throws Exception {
    Path capture = dir.resolve("capture.bin");
    Files.write(capture, HexText.parse(CliMessages.hex(Specs.iso87Ascii()), "sample"));
    CliRun run = CliRun.of("decode", "--spec", "iso87ascii", "--file", capture.toString());

    assertThat(run.status).isZero();
    assertThat(json(run.out).get("fields").get("11").asText()).isEqualTo("000123");
    assertThat(
            CliRun.of("decode", "--spec", "iso87ascii", "--file", dir.resolve("missing").toString())
                .status)
        .isEqualTo(2);
  }

  @Test
  void badUsageExitsTwoAndShowsUsage() {
    assertThat(CliRun.of("decode", "--hex", "00").err).contains("--spec is required");
    CliRun noInput = CliRun.of("decode", "--spec", "cup");
    assertThat(noInput.status).isEqualTo(2);
    assertThat(noInput.err).contains("usage: decode");
    assertThat(CliRun.of("decode", "--spec", "nope", "--hex", "00").err)
        .contains("neither a built-in spec");
  }
}
