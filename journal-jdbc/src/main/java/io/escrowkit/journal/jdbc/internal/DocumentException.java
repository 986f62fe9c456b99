package io.escrowkit.journal.jdbc.internal;

/**
 * A stored document the journal cannot read back: not JSON, a member missing or of the wrong kind,
 * or a value this version does not know (an enum constant, a currency). Carries where in the
 * document ({@code $.snapshot.held.currency}). Immutable.
 */
public final class DocumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;
  private final boolean unknownValue;

  public DocumentException(String path, String message) {
    this(path, message, false, null);
  }

  DocumentException(String path, String message, boolean unknownValue, Throwable cause) {
    super(path + ": " + message, cause);
    this.path = path;
    this.problem = message;
    this.unknownValue = unknownValue;
  }

  /** The same problem in a document stored at {@code where} (e.g. {@code $escrow[esc_1]}). */
  public DocumentException within(String where) {
    return new DocumentException(where + path.substring(1), problem, unknownValue, this);
  }

  /** Where in the document, as {@code $.member.member}. */
  public String path() {
    return path;
  }

  /** True when the document is well-formed but holds a value this version does not know. */
  public boolean unknownValue() {
    return unknownValue;
  }
}
