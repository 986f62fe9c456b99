package io.escrowkit.iso8583.xml;

import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.IsoSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Loads a jPOS GenericPackager XML file as an {@link IsoSpec}, so existing definitions work
 * unchanged.
 *
 * <p>Supported: the common {@code IFA_*}, {@code IFB_*}, {@code IFE_*}, {@code IF_CHAR} field
 * classes (see the module README for the list), {@code IFA_BITMAP}/{@code IFB_BITMAP}/{@code
 * IFE_BITMAP}, the MTI as field 0, the {@code pad} attribute of BCD classes, {@code headerLength},
 * {@code thirdBitmapField="65"}, and an {@code encoding} attribute naming the charset of a text
 * field (for example GBK). jPOS numeric classes on data elements 35 and 36 (track 2 and 3) load as
 * {@code z}, since real track data carries the {@code '='} separator. Text fields read and write
 * ISO-8859-1, as jPOS does.
 *
 * <p>An unsupported class, a subfield packager ({@code isofieldpackager}) or an unsupported
 * packager attribute is an {@link IsoSpecException} naming the field, the class and the line. Both
 * jPOS DOCTYPE forms ({@code SYSTEM "genericpackager.dtd"} and the {@code PUBLIC} one) load
 * offline: the DTD is never fetched. External entities and entity declarations are refused.
 *
 * <p>Threadsafe (stateless).
 */
public final class GenericPackagerLoader {

  private GenericPackagerLoader() {}

  /** Loads a file; the spec is named after the file, without its extension. */
  public static IsoSpec load(Path file) {
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, dot > 0 ? fileName.substring(0, dot) : fileName);
    } catch (IOException e) {
      throw new IsoSpecException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads XML from a stream (not closed here).
   *
   * @param specName the name of the resulting spec
   */
  public static IsoSpec load(InputStream xml, String specName) {
    Objects.requireNonNull(xml, "xml");
    Objects.requireNonNull(specName, "specName");
    PackagerHandler handler = new PackagerHandler();
    try {
      SafeXml.reader(handler).parse(new InputSource(xml));
    } catch (SAXParseException e) {
      throw new IsoSpecException(
          "spec '" + specName + "' line " + e.getLineNumber() + ": " + e.getMessage(), e);
    } catch (SAXException e) {
      throw new IsoSpecException(
          "spec '" + specName + "' line " + handler.line() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IsoSpecException("spec '" + specName + "': " + e.getMessage(), e);
    }
    return new SpecAssembler(specName, handler).assemble();
  }
}
