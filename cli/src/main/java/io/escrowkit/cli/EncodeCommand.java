package io.escrowkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoValueException;
import io.escrowkit.iso8583.LengthPrefix;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * {@code encode --spec iso87ascii|iso87binary|cup|PATH.xml [--header-length N] [--length-prefix
 * none|2|4a]}: reads messages as JSON from stdin ({@link MessageJson}; several objects in a row,
 * such as the lines of {@code decode --hex -}, are encoded in turn) and prints each as one line of
 * upper-case hex. A
 * value that does not fit the spec prints one line on stderr naming the field, exit status 2. Not
 * threadsafe; one per run.
 */
final class EncodeCommand implements Main.Command {

  static final String USAGE =
      "encode --spec iso87ascii|iso87binary|cup|PATH.xml [--header-length N]"
          + " [--length-prefix none|2|4a] < JSON";

  private final Supplier<InputStream> stdin;

  /** Reads {@code System.in} as it is when the command runs. */
  EncodeCommand() {
    this(() -> System.in);
  }

  EncodeCommand(Supplier<InputStream> stdin) {
    this.stdin = stdin;
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    IsoCodec codec;
    LengthPrefix prefix;
    try {
      CodecArgs parsed = CodecArgs.parse(args);
      if (!parsed.rest().isEmpty()) {
        throw new UsageException("unknown argument '" + parsed.rest().get(0) + "'");
      }
      codec = parsed.codec();
      prefix = parsed.prefix();
    } catch (UsageException e) {
      err.println("escrowkit encode: " + e.getMessage());
      err.println("usage: " + USAGE);
      return 2;
    }
    int count = 0;
    try (MappingIterator<JsonNode> it =
        MessageJson.MAPPER.readerFor(JsonNode.class).readValues(stdin.get())) {
      while (it.hasNextValue()) {
        JsonNode message = it.nextValue();
        count++;
        out.println(HexText.of(codec.encode(MessageJson.toMessage(message, codec.spec()), prefix)));
      }
    } catch (JsonProcessingException e) {
      err.println(
          "escrowkit encode: message "
              + (count + 1)
              + " is not JSON: "
              + e.getOriginalMessage().replace('\n', ' ')
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
      return 2;
    } catch (IsoValueException | UsageException e) {
      err.println("escrowkit encode: message " + count + ": " + e.getMessage());
      return 2;
    }
    if (count == 0) {
      err.println("escrowkit encode: no JSON message on stdin");
      return 2;
    }
    return 0;
  }
}
