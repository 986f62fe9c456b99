package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.Capture;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.journal.jdbc.ExportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes every escrow, oldest first, as JSON lines (the stored document, checksum verified) or as
 * CSV for reconciliation. Reads in one consistent snapshot, a row at a time. Threadsafe
 * (stateless).
 */
final class EscrowExport {
  static final List<String> CSV_HEADER =
      List.of(
          "id",
          "reference",
          "merchant_id",
          "terminal_id",
          "masked_pan",
          "scheme",
          "state",
          "currency",
          "held",
          "captured",
          "refunded",
          "captures",
          "created_at",
          "updated_at",
          "expires_at",
          "version");

  private EscrowExport() {}

  /** Writes the escrows the connection sees and returns how many. */
  static int write(Connection connection, Writer out, ExportFormat format) throws SQLException {
    int count = 0;
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(256);
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT id, document, checksum FROM " + Schema.ESCROW + " ORDER BY created_at, id")) {
        if (format == ExportFormat.CSV) {
          line(out, CSV_HEADER);
        }
        while (rows.next()) {
          String document = rows.getString(2);
          EscrowSnapshot snapshot =
              EscrowQueries.snapshot(rows.getString(1), document, rows.getLong(3));
          if (format == ExportFormat.JSON_LINES) {
            out.write(document);
            out.write('\n');
          } else {
            line(out, csvRow(snapshot));
          }
          count++;
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("export failed after " + count + " escrows", e);
    }
    return count;
  }

  private static List<String> csvRow(EscrowSnapshot s) {
    StringBuilder captures = new StringBuilder();
    for (Capture capture : s.captures()) {
      captures.append(captures.length() == 0 ? "" : " ").append(capture.amount().toPlainString());
    }
    return List.of(
        s.id(),
        s.reference(),
        s.merchantId(),
        s.terminalId(),
        s.maskedPan(),
        s.scheme(),
        s.state().name(),
        s.held().currency().getCurrencyCode(),
        s.held().toPlainString(),
        s.captured().toPlainString(),
        s.refunded().toPlainString(),
        captures.toString(),
        s.createdAt().toString(),
        s.updatedAt().toString(),
        s.expiresAt().toString(),
        Long.toString(s.version()));
  }

  /** One RFC 4180 line: fields with a comma, quote or line break are quoted, quotes doubled. */
  private static void line(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String field = fields.get(i);
      if (field.indexOf(',') >= 0
          || field.indexOf('"') >= 0
          || field.indexOf('\n') >= 0
          || field.indexOf('\r') >= 0) {
        out.write('"');
        out.write(field.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(field);
      }
    }
    out.write("\r\n");
  }
}
