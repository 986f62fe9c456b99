package io.escrowkit.simulator;

/**
 * Root of the simulator's own exceptions: it could not start (the port is taken) or was set up
 * wrongly. Unchecked.
 */
public class SimulatorException extends RuntimeException {

  public SimulatorException(String message) {
    super(message);
  }

  public SimulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
