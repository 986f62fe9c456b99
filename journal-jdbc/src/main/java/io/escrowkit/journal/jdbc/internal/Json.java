package io.escrowkit.journal.jdbc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the journal needs for its documents: objects, arrays, strings, whole numbers
 * ({@code long}), booleans and null, as a tree of {@link Map} (insertion-ordered), {@link List},
 * {@link String}, {@link Long} and {@link Boolean}. No floating point: amounts are minor units.
 * Parsing is bounded ({@link #MAX_LENGTH} characters, {@link #MAX_DEPTH} levels) and reports the
 * offset of what it could not read. Threadsafe (stateless).
 */
public final class Json {
  /** Longest document accepted; a stored escrow is a few kilobytes. */
  public static final int MAX_LENGTH = 1 << 20;

  /** Deepest nesting accepted; the journal's documents are four levels deep. */
  public static final int MAX_DEPTH = 16;

  private Json() {}

  /** The tree as compact JSON text. */
  public static String write(Object tree) {
    StringBuilder out = new StringBuilder(256);
    write(tree, out);
    return out.toString();
  }

  /**
   * The tree the text holds.
   *
   * @throws DocumentException if the text is not JSON of the kinds above, or is over the limits
   */
  public static Object parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new DocumentException(
          "$", "document of " + text.length() + " characters is over the limit of " + MAX_LENGTH);
    }
    Parser parser = new Parser(text);
    Object value = parser.value(0);
    parser.skipSpace();
    if (parser.at < text.length()) {
      throw parser.error("unexpected text after the document");
    }
    return value;
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      quote((String) value, out);
    } else if (value instanceof Long || value instanceof Integer) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote((String) entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) value) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(item, out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append("\\u");
            String hex = Integer.toHexString(c);
            for (int pad = hex.length(); pad < 4; pad++) {
              out.append('0');
            }
            out.append(hex);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /** A recursive-descent reader over one text. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nesting deeper than " + MAX_DEPTH);
      }
      skipSpace();
      if (at >= text.length()) {
        throw error("document ends where a value was expected");
      }
      char c = text.charAt(at);
      switch (c) {
        case '{':
          return object(depth);
        case '[':
          return array(depth);
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw error("unexpected character '" + c + "'");
      }
    }

    private Map<String, Object> object(int depth) {
      Map<String, Object> object = new LinkedHashMap<>();
      at++;
      skipSpace();
      if (peek() == '}') {
        at++;
        return object;
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw error("expected a member name");
        }
        String name = string();
        skipSpace();
        expect(':');
        if (object.containsKey(name)) {
          throw error("member '" + name + "' appears twice");
        }
        object.put(name, value(depth + 1));
        skipSpace();
        char next = peek();
        at++;
        if (next == '}') {
          return object;
        }
        if (next != ',') {
          at--;
          throw error("expected ',' or '}'");
        }
      }
    }

    private List<Object> array(int depth) {
      List<Object> array = new ArrayList<>();
      at++;
      skipSpace();
      if (peek() == ']') {
        at++;
        return array;
      }
      while (true) {
        array.add(value(depth + 1));
        skipSpace();
        char next = peek();
        at++;
        if (next == ']') {
          return array;
        }
        if (next != ',') {
          at--;
          throw error("expected ',' or ']'");
        }
      }
    }

    private String string() {
      at++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (at >= text.length()) {
          throw error("string not closed");
        }
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          at--;
          throw error("control character in a string");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (at >= text.length()) {
          throw error("string not closed");
        }
        char escaped = text.charAt(at++);
        switch (escaped) {
          case '"':
          case '\\':
          case '/':
            out.append(escaped);
            break;
          case 'n':
            out.append('\n');
            break;
          case 'r':
            out.append('\r');
            break;
          case 't':
            out.append('\t');
            break;
          case 'b':
            out.append('\b');
            break;
          case 'f':
            out.append('\f');
            break;
          case 'u':
            out.append(unicodeEscape());
            break;
          default:
            at--;
            throw error("unknown escape '\\" + escaped + "'");
        }
      }
    }

    private char unicodeEscape() {
      if (at + 4 > text.length()) {
        throw error("\\u escape cut short");
      }
      int code = 0;
      for (int i = 0; i < 4; i++) {
        int digit = Character.digit(text.charAt(at + i), 16);
        if (digit < 0) {
          throw error("\\u escape with a non-hex digit");
        }
        code = code * 16 + digit;
      }
      at += 4;
      return (char) code;
    }

    private Long number() {
      int start = at;
      if (text.charAt(at) == '-') {
        at++;
      }
      int digits = at;
      while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
        at++;
      }
      if (at == digits) {
        throw error("a number needs digits");
      }
      if (at < text.length()
          && (text.charAt(at) == '.' || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
        throw error("only whole numbers are stored");
      }
      try {
        return Long.parseLong(text.substring(start, at));
      } catch (NumberFormatException tooLarge) {
        at = start;
        throw error("number out of range for a long");
      }
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, at)) {
        throw error("unexpected word");
      }
      at += word.length();
      return value;
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    private char peek() {
      if (at >= text.length()) {
        throw error("document ends too early");
      }
      return text.charAt(at);
    }

    void skipSpace() {
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          return;
        }
        at++;
      }
    }

    DocumentException error(String what) {
      return new DocumentException("$", what + " at offset " + at);
    }
  }
}
