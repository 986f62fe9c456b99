package io.escrowkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.tlv.Tlv;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a message, the same for {@code decode} output and {@code encode} input: {@code
 * {"mti":"0100","tpdu":"...","header":"...","fields":{"2":"...","3":"030000"}}}, with {@code tpdu}
 * and {@code header} as upper-case hex where the spec has them, field keys as field numbers, binary
 * fields as upper-case hex and other fields as their characters (padding removed, leading zeros
 * kept). A text field holding bytes that are not readable text (UnionPay's working keys in field
 * 62) is given as hex under {@code "hex"} too, a view {@code encode} ignores, as it does {@code
 * "tlv"}. Threadsafe.
 */
final class MessageJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private MessageJson() {}

  /** A decoded message as JSON; with {@code tlv}, field 55's data objects under {@code "tlv"}. */
  static ObjectNode of(DecodedMessage m, boolean mask, boolean tlv) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("mti", m.mti());
    if (m.spec().hasTpdu()) {
      root.put("tpdu", HexText.of(m.tpdu()));
    }
    if (m.spec().headerLength() > 0) {
      root.put("header", HexText.of(m.header()));
    }
    ObjectNode fields = root.putObject("fields");
    ObjectNode unreadable = MAPPER.createObjectNode();
    for (int f = m.nextField(0); f > 0; f = m.nextField(f)) {
      String value = m.readString(f);
      String shown = mask ? Masking.field(f, value) : value;
      fields.put(Integer.toString(f), shown);
      if (shown.equals(value) && isText(m.spec(), f) && !isReadable(value)) {
        unreadable.put(Integer.toString(f), HexText.of(m.readBytes(f)));
      }
    }
    if (!unreadable.isEmpty()) {
      root.set("hex", unreadable);
    }
    if (tlv && m.has(55)) {
      tlvArray(root.putArray("tlv"), m.readTlv(55), mask);
    }
    return root;
  }

  private static boolean isText(IsoSpec spec, int field) {
    return spec.field(field).map(f -> f.type() != FieldType.B).orElse(false);
  }

  /** False for text with control characters or characters its charset could not decode. */
  private static boolean isReadable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\uFFFD') {
        return false;
      }
    }
    return true;
  }

  private static void tlvArray(ArrayNode out, List<Tlv> objects, boolean mask) {
    for (Tlv t : objects) {
      ObjectNode o = out.addObject().put("tag", t.tagHex()).put("length", t.length());
      if (!t.children().isEmpty()) {
        tlvArray(o.putArray("children"), t.children(), mask);
      } else if (mask && t.isConstructed()) {
        // Kept whole because its contents did not parse: masked as field 55 is, card data in it
        // masked and whatever does not parse hidden.
        o.put("value", EmvMasking.field55(t.valueHex()));
      } else {
        o.put("value", mask ? EmvMasking.value(t.tagHex(), t.valueHex()) : t.valueHex());
      }
    }
  }

  /** A decoding failure as JSON: {@code {"error":"...","field":N,"offset":M}}. */
  static ObjectNode error(IsoFormatException e) {
    return MAPPER
        .createObjectNode()
        .put("error", e.getMessage())
        .put("field", e.field())
        .put("offset", e.offset());
  }

  /** Input that is not a message at all (not hex): no field, no offset. */
  static ObjectNode error(String message) {
    return MAPPER.createObjectNode().put("error", message).put("field", -1).put("offset", -1);
  }

  /**
   * A message to encode from its JSON form. The {@code "tlv"} and {@code "hex"} views are ignored
   * (the fields carry the bytes); other unknown keys are refused.
   *
   * @throws UsageException if the JSON does not have the shape above
   * @throws io.escrowkit.iso8583.IsoValueException if a value does not fit the spec
   */
  static IsoMessage toMessage(JsonNode root, IsoSpec spec) {
    if (!root.isObject()) {
      throw new UsageException("each input must be a JSON object with \"mti\" and \"fields\"");
    }
    IsoMessage.Builder b = IsoMessage.builder(spec).mti(text(root, "mti"));
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      switch (e.getKey()) {
        case "mti":
        case "tlv":
        case "hex":
          break;
        case "tpdu":
          b.tpdu(HexText.parse(text(root, "tpdu"), "\"tpdu\""));
          break;
        case "header":
          b.header(HexText.parse(text(root, "header"), "\"header\""));
          break;
        case "fields":
          setFields(b, e.getValue());
          break;
        default:
          throw new UsageException("unknown key \"" + e.getKey() + "\"");
      }
    }
    return b.build();
  }

  private static void setFields(IsoMessage.Builder b, JsonNode fields) {
    if (!fields.isObject()) {
      throw new UsageException("\"fields\" must be an object of field number to value");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int field;
      try {
        field = Integer.parseInt(e.getKey());
      } catch (NumberFormatException notNumber) {
        throw new UsageException("field key \"" + e.getKey() + "\" is not a field number");
      }
      JsonNode v = e.getValue();
      if (v.isIntegralNumber() && v.canConvertToLong()) {
        b.set(field, v.asLong());
      } else if (v.isTextual()) {
        b.set(field, v.textValue());
      } else {
        throw new UsageException("field " + field + " must be a string or an integer");
      }
    }
  }

  private static String text(JsonNode root, String key) {
    JsonNode v = root.get(key);
    if (v == null || !v.isTextual()) {
      throw new UsageException("\"" + key + "\" must be a string");
    }
    return v.textValue();
  }
}
