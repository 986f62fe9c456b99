package io.escrowkit;

/**
 * What one recovery sweep found and did. Immutable.
 *
 * @param requestsInDoubt pending requests whose sender was gone, now in doubt and being reversed
 * @param holdsExpired holds marked expired because their validity passed
 * @param workOwed reversals and advices still owed to the host after the sweep started them
 */
public record RecoveryReport(int requestsInDoubt, int holdsExpired, int workOwed) {}
