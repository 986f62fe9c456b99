package io.escrowkit.cli;

import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoException;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.iso8583.xml.GenericPackagerLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options the {@code decode} and {@code encode} commands share: {@code --spec} (a built-in name
 * or a jPOS GenericPackager XML file), {@code --header-length} and {@code --length-prefix}.
 * Collects the other options for the command to read. Not threadsafe; one per run.
 */
final class CodecArgs {

  private IsoSpec spec;
  private LengthPrefix prefix = LengthPrefix.NONE;
  /** The header length asked for; -1 for the spec's own. */
  private int headerLength = -1;
  private final List<String> rest = new ArrayList<>();

  private CodecArgs() {}

  /** Parses the shared options; {@code --spec} is required. */
  static CodecArgs parse(String[] args) {
    CodecArgs parsed = new CodecArgs();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--spec")) {
        parsed.spec = spec(value(args, ++i, arg));
      } else if (arg.equals("--header-length")) {
        parsed.headerLength = headerLength(value(args, ++i, arg));
      } else if (arg.equals("--length-prefix")) {
        try {
          parsed.prefix = LengthPrefix.forName(value(args, ++i, arg));
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
      } else {
        parsed.rest.add(arg);
      }
    }
    if (parsed.spec == null) {
      throw new UsageException(
          "--spec is required: " + String.join("|", Specs.builtInNames()) + "|PATH.xml");
    }
    if (parsed.headerLength >= 0) {
      parsed.spec = parsed.spec.toBuilder().headerLength(parsed.headerLength).build();
    }
    return parsed;
  }

  /**
   * The dialect header's length in bytes, in place of the spec's: acquirers differ (UnionPay's is
   * 6 bytes, some hosts send the TPDU with no header).
   */
  private static int headerLength(String value) {
    try {
      int length = Integer.parseInt(value);
      if (length >= 0 && length <= 255) {
        return length;
      }
    } catch (NumberFormatException notNumber) {
      // refused below
    }
    throw new UsageException("--header-length takes 0 to 255 (bytes), not '" + value + "'");
  }

  /** The value after an option. */
  static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static IsoSpec spec(String name) {
    Optional<IsoSpec> builtIn = Specs.builtIn(name);
    if (builtIn.isPresent()) {
      return builtIn.get();
    }
    Path file = Paths.get(name);
    if (!Files.isRegularFile(file)) {
      throw new UsageException(
          "spec '"
              + name
              + "' is neither a built-in spec ("
              + String.join(", ", Specs.builtInNames())
              + ") nor a readable XML file");
    }
    try {
      return GenericPackagerLoader.load(file);
    } catch (IsoException e) {
      throw new UsageException(e.getMessage());
    }
  }

  IsoSpec spec() {
    return spec;
  }

  IsoCodec codec() {
    return IsoCodec.of(spec);
  }

  LengthPrefix prefix() {
    return prefix;
  }

  /** The arguments that are not shared options, in order. */
  List<String> rest() {
    return rest;
  }
}
