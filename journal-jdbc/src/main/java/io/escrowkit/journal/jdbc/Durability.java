package io.escrowkit.journal.jdbc;

/**
 * How far a journal write has gone when {@code write} returns.
 *
 * <ul>
 *   <li>{@link #DURABLE}: on stable storage. SQLite: WAL with {@code synchronous=FULL} (the WAL is
 *       synced at every commit); PostgreSQL: {@code synchronous_commit=on}. A crash, kill or power
 *       cut after the return loses nothing.
 *   <li>{@link #RELAXED}: handed to the operating system. SQLite: WAL with {@code
 *       synchronous=NORMAL}; PostgreSQL: {@code synchronous_commit=off}. A process crash or kill
 *       loses nothing; a power cut or OS crash may lose the last commits (never corrupts the
 *       journal). Then an intent may be missing for a request that reached the host: the host's own
 *       timeout reversal is the safety net. Use only where that is acceptable.
 * </ul>
 */
public enum Durability {
  DURABLE,
  RELAXED
}
