package io.escrowkit.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code escrowkit.jar}: {@code java -jar cli/target/escrowkit.jar COMMAND [ARGS]}.
 * Each command returns the process exit status: 0 done, 1 failed, 2 bad usage or input.
 */
public final class Main {
  /** A subcommand: runs with its own arguments and returns the exit status. */
  interface Command {
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;
  }

  private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();
  private static final Map<String, String> HELP = new LinkedHashMap<>();

  static {
    register("demo", new DemoCommand(), "hold -> partial capture, hold -> release, and a lost "
        + "answer -> automatic reversal, each escrow's timeline printed");
    register("simulate", new SimulateCommand(), "run the acquirer simulator until interrupted; "
        + "--port N --profile cup|iso87binary|iso87ascii [--framing 2|4a] [--fault NAME:RATE ...]");
    register("decode", new DecodeCommand(), "ISO 8583 message -> JSON: " + DecodeCommand.USAGE);
    register("encode", new EncodeCommand(), "JSON on stdin -> hex: " + EncodeCommand.USAGE);
  }

  private Main() {}

  private static void register(String name, Command command, String help) {
    COMMANDS.put(name, command);
    HELP.put(name, help);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      usage(args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    Command command = COMMANDS.get(args[0]);
    if (command == null) {
      err.println("escrowkit: unknown command '" + args[0] + "'");
      usage(err);
      return 2;
    }
    try {
      return command.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    } catch (Exception e) {
      err.println("escrowkit " + args[0] + ": " + e.getMessage());
      return 1;
    }
  }

  private static void usage(PrintStream to) {
    to.println("usage: java -jar escrowkit.jar COMMAND [ARGS]");
    HELP.forEach((name, help) -> to.printf("  %-10s %s%n", name, help));
  }
}
