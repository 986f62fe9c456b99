package io.escrowkit.cli;

/** Entry point of {@code escrowkit.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("escrowkit: commands arrive with the demo");
  }
}
