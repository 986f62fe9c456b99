package io.escrowkit.iso8583.xml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Collects the {@code isopackager} attributes and the {@code isofield} elements of a jPOS
 * GenericPackager file, and refuses everything unsafe (see {@link SafeXml}).
 */
final class PackagerHandler extends DefaultHandler2 {

  /** One {@code isofield} element's attributes and line. */
  static final class Field {
    final Map<String, String> attributes;
    final int line;

    Field(Map<String, String> attributes, int line) {
      this.attributes = attributes;
      this.line = line;
    }
  }

  final Map<String, String> packager = new HashMap<>();
  final List<Field> fields = new ArrayList<>();
  private Locator locator;
  private boolean sawRoot;

  @Override
  public void setDocumentLocator(Locator documentLocator) {
    this.locator = documentLocator;
  }

  int line() {
    return locator == null ? -1 : locator.getLineNumber();
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    switch (qName) {
      case "isopackager":
        if (sawRoot) {
          throw new SAXException("nested isopackager elements are not supported");
        }
        sawRoot = true;
        copy(atts, packager);
        break;
      case "isofield":
        Map<String, String> a = new HashMap<>();
        copy(atts, a);
        fields.add(new Field(a, line()));
        break;
      case "isofieldpackager":
        throw new SAXException(
            "field "
                + atts.getValue("id")
                + ": isofieldpackager (subfield packager "
                + atts.getValue("packager")
                + ") is not supported");
      default:
        throw new SAXException("unexpected element <" + qName + ">");
    }
  }

  private static void copy(Attributes from, Map<String, String> to) {
    for (int i = 0; i < from.getLength(); i++) {
      to.put(from.getQName(i), from.getValue(i));
    }
  }

  /** The jPOS DTD resolves to nothing (it is never fetched); any other entity is refused. */
  @Override
  public InputSource resolveEntity(String name, String publicId, String baseUri, String systemId)
      throws SAXException {
    if (systemId != null && isJposDtd(systemId) && (name == null || name.equals("[dtd]"))) {
      return new InputSource(new StringReader(""));
    }
    throw new SAXException("external entity refused: " + (systemId == null ? name : systemId));
  }

  @Override
  public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
    return resolveEntity(null, publicId, null, systemId);
  }

  @Override
  public InputSource getExternalSubset(String name, String baseUri) {
    return null;
  }

  private static boolean isJposDtd(String systemId) {
    return systemId.endsWith("genericpackager.dtd")
        || systemId.endsWith("generic-packager-1.0.dtd");
  }

  @Override
  public void internalEntityDecl(String name, String value) throws SAXException {
    throw new SAXException("entity declarations are refused (entity " + name + ")");
  }

  @Override
  public void externalEntityDecl(String name, String publicId, String systemId)
      throws SAXException {
    throw new SAXException("entity declarations are refused (external entity " + name + ")");
  }

  @Override
  public void skippedEntity(String name) throws SAXException {
    throw new SAXException("entity reference &" + name + "; refused");
  }

  @Override
  public void fatalError(SAXParseException e) throws SAXException {
    throw e;
  }

  @Override
  public void error(SAXParseException e) throws SAXException {
    throw e;
  }
}
