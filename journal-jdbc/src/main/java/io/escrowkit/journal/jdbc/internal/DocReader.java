package io.escrowkit.journal.jdbc.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads from one JSON object of a stored document, each failure a {@link DocumentException}
 * that names the member's path. Immutable.
 */
final class DocReader {
  private final Map<?, ?> members;
  private final String path;

  private DocReader(Map<?, ?> members, String path) {
    this.members = members;
    this.path = path;
  }

  /** The document's top-level object. */
  static DocReader root(String json) {
    Object tree = Json.parse(json);
    if (!(tree instanceof Map)) {
      throw new DocumentException("$", "expected an object");
    }
    return new DocReader((Map<?, ?>) tree, "$");
  }

  String string(String name) {
    return optionalString(name).orElseThrow(() -> missing(name));
  }

  Optional<String> optionalString(String name) {
    return optional(name, String.class, "a string");
  }

  long number(String name) {
    return optional(name, Long.class, "a whole number").orElseThrow(() -> missing(name));
  }

  boolean bool(String name) {
    return optional(name, Boolean.class, "true or false").orElseThrow(() -> missing(name));
  }

  DocReader object(String name) {
    return optionalObject(name).orElseThrow(() -> missing(name));
  }

  Optional<DocReader> optionalObject(String name) {
    return optional(name, Map.class, "an object").map(map -> new DocReader(map, path + "." + name));
  }

  List<DocReader> objects(String name) {
    List<?> items = optional(name, List.class, "an array").orElseThrow(() -> missing(name));
    List<DocReader> readers = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String where = path + "." + name + "[" + i + "]";
      if (!(items.get(i) instanceof Map)) {
        throw new DocumentException(where, "expected an object");
      }
      readers.add(new DocReader((Map<?, ?>) items.get(i), where));
    }
    return readers;
  }

  Map<String, String> stringMap(String name) {
    Map<?, ?> map = optional(name, Map.class, "an object").orElseThrow(() -> missing(name));
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getValue() instanceof String)) {
        throw new DocumentException(path + "." + name + "." + entry.getKey(), "expected a string");
      }
      strings.put((String) entry.getKey(), (String) entry.getValue());
    }
    return strings;
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    return optionalEnum(name, type).orElseThrow(() -> missing(name));
  }

  <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
    return optionalString(name).map(value -> Codes.parse(type, value, path + "." + name));
  }

  Currency currency(String name) {
    return Codes.currency(string(name), path + "." + name);
  }

  Instant instant(String name) {
    String text = string(name);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new DocumentException(path + "." + name, "not an instant: '" + text + "'", false, e);
    }
  }

  /** Turns a failure of a record's own validation into a document error at this object. */
  DocumentException invalid(RuntimeException rejected) {
    return new DocumentException(path, "rejected: " + rejected.getMessage(), false, rejected);
  }

  private <T> Optional<T> optional(String name, Class<T> type, String expected) {
    Object value = members.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new DocumentException(path + "." + name, "expected " + expected);
    }
    return Optional.of(type.cast(value));
  }

  private DocumentException missing(String name) {
    return new DocumentException(path + "." + name, "missing");
  }
}
