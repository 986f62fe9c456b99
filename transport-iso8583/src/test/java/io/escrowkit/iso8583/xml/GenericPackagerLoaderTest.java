package io.escrowkit.iso8583.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.IsoSpecException;
import io.escrowkit.iso8583.SampleMessages;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.iso8583.spec.BitmapEncoding;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.LengthEncoding;
import io.escrowkit.iso8583.spec.LengthKind;
import io.escrowkit.iso8583.spec.MtiEncoding;
import io.escrowkit.iso8583.spec.ValueEncoding;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericPackagerLoaderTest {

  static IsoSpec resource(String name) {
    try (InputStream in = GenericPackagerLoaderTest.class.getResourceAsStream("/xml/" + name)) {
      return GenericPackagerLoader.load(in, name);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static IsoSpec xml(String body) {
    return GenericPackagerLoader.load(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "inline");
  }

  private static final String HEAD =
      "<isopackager>"
          + "<isofield id='0' length='4' class='org.jpos.iso.IFA_NUMERIC' name='MTI'/>"
          + "<isofield id='1' length='16' class='org.jpos.iso.IFA_BITMAP' name='BITMAP'/>";

  @Test
  void asciiFileWithSystemDoctypeLoads() {
    IsoSpec spec = resource("iso87ascii.xml");
    assertThat(spec.mtiEncoding()).isEqualTo(MtiEncoding.ASCII);
    assertThat(spec.bitmapEncoding()).isEqualTo(BitmapEncoding.HEX_ASCII);
    assertThat(spec.maxBitmaps()).isEqualTo(2);
    assertThat(spec.fields()).hasSize(127);
    FieldSpec pan = spec.field(2).orElseThrow();
    assertThat(pan.type()).isEqualTo(FieldType.N);
    assertThat(pan.lengthKind()).isEqualTo(LengthKind.LL);
    assertThat(pan.lengthEncoding()).isEqualTo(LengthEncoding.ASCII);
    assertThat(spec.field(35).orElseThrow().type()).isEqualTo(FieldType.Z);
    assertThat(spec.field(52).orElseThrow().valueEncoding()).isEqualTo(ValueEncoding.HEX_ASCII);
    assertThat(spec.field(28).orElseThrow().type()).isEqualTo(FieldType.XN);
    assertThat(spec.field(43).orElseThrow().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
  }

  @Test
  void binaryFileWithPublicDoctypeLoadsWithPadding() {
    IsoSpec spec = resource("iso87binary.xml");
    assertThat(spec.mtiEncoding()).isEqualTo(MtiEncoding.BCD);
    assertThat(spec.bitmapEncoding()).isEqualTo(BitmapEncoding.BINARY);
    assertThat(spec.field(2).orElseThrow().valueEncoding())
        .isEqualTo(ValueEncoding.BCD_RIGHT_PADDED);
    assertThat(spec.field(2).orElseThrow().lengthEncoding()).isEqualTo(LengthEncoding.BCD);
    assertThat(spec.field(3).orElseThrow().valueEncoding())
        .isEqualTo(ValueEncoding.BCD_LEFT_PADDED);
    assertThat(spec.field(28).orElseThrow().valueEncoding())
        .isEqualTo(ValueEncoding.BCD_LEFT_PADDED);
    assertThat(spec.field(55).orElseThrow().lengthEncoding()).isEqualTo(LengthEncoding.BCD);
  }

  @Test
  void loadedFilesReadWhatTheBuiltInSpecsWrite() {
    String[][] pairs = {
      {"iso87ascii.xml", Specs.ISO87_ASCII}, {"iso87binary.xml", Specs.ISO87_BINARY}
    };
    for (String[] pair : pairs) {
      IsoSpec builtIn = Specs.builtIn(pair[1]).orElseThrow();
      IsoSpec loaded = resource(pair[0]);
      IsoMessage m = SampleMessages.preAuth(builtIn);
      byte[] bytes = IsoCodec.of(builtIn).encode(m);

      DecodedMessage d = IsoCodec.of(loaded).decode(bytes);
      Map<Integer, String> expected = IsoCodec.of(builtIn).decode(bytes).readAll();
      for (int f : m.fields()) {
        if (f == 55) {
          // jPOS types field 55 as LLLCHAR: the same bytes, read as ISO-8859-1 text.
          assertThat(d.readBytes(55)).isEqualTo(SampleMessages.emvData());
        } else {
          assertThat(d.readString(f)).as(pair[0] + " field " + f).isEqualTo(expected.get(f));
        }
      }
    }
  }

  @Test
  void dtdIsNeverFetched() {
    // An unreachable address: fetching it would fail the load.
    IsoSpec spec =
        xml(
            "<!DOCTYPE isopackager SYSTEM 'http://127.0.0.1:9/genericpackager.dtd'>"
                + HEAD
                + "</isopackager>");
    assertThat(spec.mtiEncoding()).isEqualTo(MtiEncoding.ASCII);
    IsoSpec pub =
        xml(
            "<!DOCTYPE isopackager PUBLIC '-//jPOS/jPOS Generic Packager DTD 1.0//EN' "
                + "'http://127.0.0.1:9/generic-packager-1.0.dtd'>"
                + HEAD
                + "</isopackager>");
    assertThat(pub.fields()).isEmpty();
  }

  @Test
  void externalEntityIsRefusedAndNotResolved(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.write(secret, "TOP-SECRET-CONTENT".getBytes(StandardCharsets.US_ASCII));
    String xxe =
        "<!DOCTYPE isopackager [<!ENTITY xxe SYSTEM '"
            + secret.toUri()
            + "'>]>"
            + "<isopackager>"
            + "<isofield id='0' length='4' class='org.jpos.iso.IFA_NUMERIC' name='&xxe;'/>"
            + "<isofield id='1' length='16' class='org.jpos.iso.IFA_BITMAP' name='B'/>"
            + "</isopackager>";
    assertThatThrownBy(() -> xml(xxe))
        .isInstanceOf(IsoSpecException.class)
        .hasMessageContaining("entity")
        .hasMessageNotContaining("TOP-SECRET-CONTENT");
  }

  @Test
  void externalParameterEntityIsRefused() {
    String xxe =
        "<!DOCTYPE isopackager [<!ENTITY % ext SYSTEM 'http://127.0.0.1:9/x.dtd'> %ext;]>"
            + HEAD
            + "</isopackager>";
    assertThatThrownBy(() -> xml(xxe))
        .isInstanceOf(IsoSpecException.class)
        .hasMessageContaining("entit");
  }

  @Test
  void entityExpansionBombIsRefused() {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE isopackager [<!ENTITY a 'aaaaaaaaaa'>");
    for (char c = 'b'; c <= 'j'; c++) {
      char prev = (char) (c - 1);
      doctype.append("<!ENTITY ").append(c).append(" '");
      for (int i = 0; i < 10; i++) {
        doctype.append('&').append(prev).append(';');
      }
      doctype.append("'>");
    }
    doctype.append("]>");
    String bomb = doctype + HEAD.replace("name='MTI'", "name='&j;'") + "</isopackager>";
    assertThatThrownBy(() -> xml(bomb))
        .isInstanceOf(IsoSpecException.class)
        .hasMessageContaining("entity declarations are refused");
  }

  @Test
  void unsupportedClassIsNamedWithFieldAndLine() {
    String body =
        HEAD
            + "\n<isofield id='48' length='99' class='org.jpos.iso.IFA_LLBNUM' "
            + "name='X'/></isopackager>";
    assertThatThrownBy(() -> xml(body))
        .isInstanceOf(IsoSpecException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("field 48")
        .hasMessageContaining("org.jpos.iso.IFA_LLBNUM is not supported")
        .hasMessageContaining("IFB_LLNUM");
  }

  @Test
  void subfieldPackagerIsRefusedByName() {
    String body =
        HEAD
            + "<isofieldpackager id='127' length='999' name='X' class='org.jpos.iso.IFA_LLLCHAR'"
            + " packager='org.jpos.iso.packager.GenericSubFieldPackager'>"
            + "</isofieldpackager></isopackager>";
    assertThatThrownBy(() -> xml(body))
        .hasMessageContaining("field 127")
        .hasMessageContaining("isofieldpackager");
  }

  @Test
  void malformedXmlNamesTheLine() {
    assertThatThrownBy(() -> xml(HEAD + "\n\n<isofield id='2'</isopackager>"))
        .isInstanceOf(IsoSpecException.class)
        .hasMessageContaining("line 3");
  }

  @Test
  void missingMtiOrBitmapIsRefused() {
    assertThatThrownBy(() -> xml("<isopackager/>")).hasMessageContaining("field 0");
  }

  @Test
  void headerLengthEncodingAndThirdBitmapAreHonoured() {
    IsoSpec spec =
        xml(
            "<isopackager headerLength='6' thirdBitmapField='65'><isofield id='0' length='4'"
                + " class='org.jpos.iso.IFB_NUMERIC' name='MTI'/><isofield id='1' length='24'"
                + " class='org.jpos.iso.IFB_BITMAP' name='BITMAP'/><isofield id='43' length='40'"
                + " class='org.jpos.iso.IF_CHAR' encoding='GBK' name='N'/><isofield id='150'"
                + " length='10' class='org.jpos.iso.IFE_LLCHAR' name='E'/><isofield id='5'"
                + " length='1' class='org.jpos.iso.IF_NOP' name='unused'/></isopackager>");
    assertThat(spec.headerLength()).isEqualTo(6);
    assertThat(spec.maxBitmaps()).isEqualTo(3);
    assertThat(spec.field(43).orElseThrow().charset().name()).isEqualTo("GBK");
    assertThat(spec.field(150).orElseThrow().valueEncoding()).isEqualTo(ValueEncoding.EBCDIC);
    assertThat(spec.field(5)).isEmpty();
  }

  @Test
  void loadsFromAFileNamedAfterIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("acquirer.xml");
    Files.write(file, (HEAD + "</isopackager>").getBytes(StandardCharsets.UTF_8));
    assertThat(GenericPackagerLoader.load(file).name()).isEqualTo("acquirer");
  }
}
