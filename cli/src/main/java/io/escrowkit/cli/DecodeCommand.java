package io.escrowkit.cli;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.LengthPrefix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.function.Supplier;

/**
 * {@code decode --spec iso87ascii|iso87binary|cup|PATH.xml [--header-length N] [--length-prefix
 * none|2|4a] [--tlv] [--mask|--no-mask] (--hex HEX | --hex - | --file PATH)}: prints each message
 * as one line of JSON ({@link MessageJson}).
 *
 * <p>{@code --hex -} reads one hex message per line from stdin and answers every line, a line that
 * fails with {@code {"error":"...","field":N,"offset":M}}; the exit status is 2 if any line failed.
 * A single input that fails prints one line on stderr naming the field and offset, exit status 2.
 * {@code --file} reads raw bytes. Fields are printed as they are on the wire, as a decoder of
 * captures must; {@code --mask} masks card data for output that is shared ({@link Masking}).
 * Not threadsafe; one per run.
 */
final class DecodeCommand implements Main.Command {

  static final String USAGE =
      "decode --spec iso87ascii|iso87binary|cup|PATH.xml [--header-length N]"
          + " [--length-prefix none|2|4a] [--tlv] [--mask] (--hex HEX | --hex - | --file PATH)";

  private final Supplier<InputStream> stdin;

  /** Reads {@code System.in} as it is when the command runs. */
  DecodeCommand() {
    this(() -> System.in);
  }

  DecodeCommand(Supplier<InputStream> stdin) {
    this.stdin = stdin;
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    Options o;
    try {
      o = Options.parse(args);
    } catch (UsageException e) {
      err.println("escrowkit decode: " + e.getMessage());
      err.println("usage: " + USAGE);
      return 2;
    }
    if ("-".equals(o.hex)) {
      return batch(o, out);
    }
    try {
      byte[] bytes = o.hex != null ? HexText.parse(o.hex, "--hex") : read(o.file);
      out.println(MessageJson.of(decode(o, bytes), o.mask, o.tlv));
      return 0;
    } catch (IsoFormatException | UsageException e) {
      err.println("escrowkit decode: " + e.getMessage());
      return 2;
    }
  }

  private static byte[] read(String file) {
    try {
      return Files.readAllBytes(Paths.get(file));
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
  }

  private int batch(Options o, PrintStream out) throws IOException {
    boolean failed = false;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(stdin.get(), StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      try {
        out.println(MessageJson.of(decode(o, HexText.parse(line, "the line")), o.mask, o.tlv));
      } catch (IsoFormatException e) {
        out.println(MessageJson.error(e));
        failed = true;
      } catch (UsageException e) {
        out.println(MessageJson.error(e.getMessage()));
        failed = true;
      }
    }
    return failed ? 2 : 0;
  }

  private static DecodedMessage decode(Options o, byte[] bytes) {
    return o.codec.decode(bytes, 0, bytes.length, o.prefix);
  }

  /** The parsed arguments. */
  private static final class Options {
    IsoCodec codec;
    LengthPrefix prefix;
    String hex;
    String file;
    boolean tlv;
    boolean mask;

    static Options parse(String[] args) {
      CodecArgs shared = CodecArgs.parse(args);
      Options o = new Options();
      o.codec = shared.codec();
      o.prefix = shared.prefix();
      String[] rest = shared.rest().toArray(new String[0]);
      for (int i = 0; i < rest.length; i++) {
        switch (rest[i]) {
          case "--hex":
            o.hex = CodecArgs.value(rest, ++i, "--hex");
            break;
          case "--file":
            o.file = CodecArgs.value(rest, ++i, "--file");
            break;
          case "--tlv":
            o.tlv = true;
            break;
          case "--mask":
            o.mask = true;
            break;
          case "--no-mask":
            o.mask = false;
            break;
          default:
            throw new UsageException("unknown argument '" + rest[i] + "'");
        }
      }
      if ((o.hex == null) == (o.file == null)) {
        throw new UsageException("give exactly one of --hex HEX, --hex - or --file PATH");
      }
      return o;
    }
  }
}
