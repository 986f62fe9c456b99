package io.escrowkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.iso8583.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodeCommandTest {

  /** A GenericPackager file with the fields of {@link CliMessages}, ISO 8583 ASCII classes. */
  private static final String PACKAGER_XML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<!DOCTYPE isopackager SYSTEM \"genericpackager.dtd\">\n"
          + "<isopackager>\n"
          + "  <isofield id=\"0\" length=\"4\" class=\"org.jpos.iso.IFA_NUMERIC\"/>\n"
          + "  <isofield id=\"1\" length=\"16\" class=\"org.jpos.iso.IFA_BITMAP\"/>\n"
          + "  <isofield id=\"2\" length=\"19\" class=\"org.jpos.iso.IFA_LLNUM\"/>\n"
          + "  <isofield id=\"3\" length=\"6\" class=\"org.jpos.iso.IFA_NUMERIC\"/>\n"
          + "  <isofield id=\"4\" length=\"12\" class=\"org.jpos.iso.IFA_NUMERIC\"/>\n"
          + "  <isofield id=\"11\" length=\"6\" class=\"org.jpos.iso.IFA_NUMERIC\"/>\n"
          + "  <isofield id=\"35\" length=\"37\" class=\"org.jpos.iso.IFA_LLNUM\"/>\n"
          + "  <isofield id=\"41\" length=\"8\" class=\"org.jpos.iso.IF_CHAR\"/>\n"
          + "  <isofield id=\"52\" length=\"8\" class=\"org.jpos.iso.IFA_BINARY\"/>\n"
          + "  <isofield id=\"55\" length=\"999\" class=\"org.jpos.iso.IFA_LLLBINARY\"/>\n"
          + "</isopackager>\n";

  @ParameterizedTest
  @ValueSource(strings = {"iso87ascii", "iso87binary", "cup"})
  void decodeThenEncodeGivesBackTheSameBytes(String name) {
    IsoSpec spec = Specs.builtIn(name).orElseThrow();
    String hex = CliMessages.hex(spec);
    CliRun decoded = CliRun.of("decode", "--spec", name, "--no-mask", "--tlv", "--hex", hex);
    CliRun encoded = CliRun.withStdin(decoded.out, "encode", "--spec", name);

    assertThat(encoded.status).isZero();
    assertThat(encoded.out.trim()).isEqualTo(hex);
  }

  @Test
  void everyJsonObjectOnStdinIsEncodedInTurn() {
    String hex = CliMessages.hex(Specs.unionPayPos());
    String lines =
        CliRun.withStdin(
                hex + "\n" + hex + "\n", "decode", "--spec", "cup", "--no-mask", "--hex", "-")
            .out;
    CliRun encoded = CliRun.withStdin(lines, "encode", "--spec", "cup");

    assertThat(encoded.outLines()).containsExactly(hex, hex);
  }

  @Test
  void lengthPrefixIsWrittenInFront() {
    String json = "{\"mti\":\"0800\",\"fields\":{\"11\":\"000001\",\"70\":301}}";
    CliRun run = CliRun.withStdin(json, "encode", "--spec", "iso87binary", "--length-prefix", "2");

    assertThat(run.status).isZero();
    // 2-byte length 0x0017 = 2 (MTI) + 16 (two bitmaps) + 3 (field 11) + 2 (field 70).
    assertThat(run.out.trim()).startsWith("00170800").endsWith("0000010301");
  }

  @Test
  void aValueTheSpecRefusesExitsTwoNamingTheField() {
    CliRun run =
        CliRun.withStdin(
            "{\"mti\":\"0100\",\"fields\":{\"3\":\"03000X\"}}", "encode", "--spec", "iso87ascii");

    assertThat(run.status).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err.split("\n")).hasSize(1);
    assertThat(run.err).contains("field 3");
  }

  @Test
  void inputThatIsNotAMessageExitsTwo() {
    assertThat(CliRun.withStdin("{\"mti\":", "encode", "--spec", "cup").err)
        .contains("is not JSON");
    assertThat(CliRun.withStdin("{\"mti\":\"0100\",\"feilds\":{}}", "encode", "--spec", "cup").err)
        .contains("unknown key \"feilds\"");
    assertThat(CliRun.withStdin("", "encode", "--spec", "cup").status).isEqualTo(2);
  }

  @Test
  void anXmlSpecDecodesAndEncodes(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("acquirer.xml");
    Files.writeString(xml, PACKAGER_XML);
    String hex = CliMessages.hex(Specs.iso87Ascii());

    CliRun decoded = CliRun.of("decode", "--spec", xml.toString(), "--no-mask", "--hex", hex);
    assertThat(decoded.status).isZero();
    assertThat(decoded.out)
        .contains("\"2\":\"" + CliMessages.TEST_PAN + "\"")
        .contains("\"41\":\"TERM0001\"");

    CliRun encoded = CliRun.withStdin(decoded.out, "encode", "--spec", xml.toString());
    assertThat(encoded.out.trim()).isEqualTo(hex);
  }

  @Test
  void prefixedOutputDecodesWithTheSamePrefix() {
    String framed = CliMessages.hex(Specs.unionPayPos(), LengthPrefix.ASCII_4);
    CliRun decoded =
        CliRun.of("decode", "--spec", "cup", "--length-prefix", "4a", "--no-mask", "--hex", framed);
    CliRun encoded =
        CliRun.withStdin(decoded.out, "encode", "--spec", "cup", "--length-prefix", "4a");
    assertThat(encoded.out.trim()).isEqualTo(framed);
  }
}
