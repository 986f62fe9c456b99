package io.escrowkit.iso8583.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * A SAX reader that cannot be made to fetch or expand anything. Defences, in depth:
 *
 * <ol>
 *   <li>External general and parameter entities off, external DTD loading off, secure processing on
 *       (JDK parser features; a parser that lacks one still has the others).
 *   <li>The handler's entity resolver answers the jPOS DTD with an empty document (never fetched)
 *       and refuses every other external entity.
 *   <li>The handler's declaration handler refuses every entity declaration, internal or external,
 *       so neither XXE nor entity-expansion bombs get past the DOCTYPE.
 * </ol>
 */
final class SafeXml {

  private SafeXml() {}

  static XMLReader reader(DefaultHandler2 handler) throws SAXException {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(false);
    factory.setValidating(false);
    XMLReader reader;
    try {
      trySet(factory, XMLConstants.FEATURE_SECURE_PROCESSING, true);
      trySet(factory, "http://xml.org/sax/features/external-general-entities", false);
      trySet(factory, "http://xml.org/sax/features/external-parameter-entities", false);
      trySet(factory, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      reader = factory.newSAXParser().getXMLReader();
    } catch (ParserConfigurationException e) {
      throw new SAXException("no usable SAX parser: " + e.getMessage(), e);
    }
    reader.setContentHandler(handler);
    reader.setErrorHandler(handler);
    reader.setEntityResolver(handler);
    reader.setProperty("http://xml.org/sax/properties/declaration-handler", handler);
    return reader;
  }

  /**
   * Sets a feature where the parser knows it. A parser without the feature is still safe through
   * the resolver and declaration handler, so an unknown feature is not an error.
   */
  private static void trySet(SAXParserFactory factory, String feature, boolean value)
      throws ParserConfigurationException {
    try {
      factory.setFeature(feature, value);
    } catch (SAXNotRecognizedException | SAXNotSupportedException parserLacksFeature) {
      // Deliberately tolerated: defences 2 and 3 above do not depend on parser features.
    }
  }
}
