package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.Capture;
import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.Operation;
import io.escrowkit.OperationStatus;
import io.escrowkit.PendingRequest;
import io.escrowkit.failure.Failure;
import io.escrowkit.failure.FailureCategory;
import io.escrowkit.failure.LocalizedText;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Escrow snapshots and operation results to JSON documents and back, field for field, so that a
 * value read back equals the value written. Instants keep their nanoseconds; amounts are minor
 * units with their currency. The snapshot carries the masked PAN and the opaque card token only.
 * Threadsafe (stateless).
 */
public final class RecordCodec {
  private RecordCodec() {}

  public static String snapshotToJson(EscrowSnapshot snapshot) {
    return Json.write(snapshotTree(snapshot));
  }

  /**
   * @throws DocumentException if the document is not a snapshot this version can read
   */
  public static EscrowSnapshot snapshotFromJson(String json) {
    return snapshot(DocReader.root(json));
  }

  public static String resultToJson(EscrowResult result) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("escrowId", result.escrowId());
    tree.put("operation", result.operation().name());
    tree.put("status", result.status().name());
    tree.put("snapshot", snapshotTree(result.snapshot()));
    result.failure().ifPresent(failure -> tree.put("failure", failureTree(failure)));
    result.responseCode().ifPresent(code -> tree.put("responseCode", code));
    tree.put("idempotencyKey", result.idempotencyKey());
    return Json.write(tree);
  }

  /**
   * @throws DocumentException if the document is not a result this version can read
   */
  public static EscrowResult resultFromJson(String json) {
    DocReader doc = DocReader.root(json);
    String escrowId = doc.string("escrowId");
    Operation operation = doc.enumValue("operation", Operation.class);
    OperationStatus status = doc.enumValue("status", OperationStatus.class);
    EscrowSnapshot snapshot = snapshot(doc.object("snapshot"));
    Optional<Failure> failure = doc.optionalObject("failure").map(RecordCodec::failure);
    Optional<String> responseCode = doc.optionalString("responseCode");
    String key = doc.string("idempotencyKey");
    try {
      return new EscrowResult(escrowId, operation, status, snapshot, failure, responseCode, key);
    } catch (RuntimeException rejected) {
      throw doc.invalid(rejected);
    }
  }

  private static Map<String, Object> snapshotTree(EscrowSnapshot s) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("id", s.id());
    tree.put("reference", s.reference());
    tree.put("merchantId", s.merchantId());
    tree.put("terminalId", s.terminalId());
    tree.put("maskedPan", s.maskedPan());
    tree.put("cardToken", s.cardToken());
    tree.put("scheme", s.scheme());
    tree.put("state", s.state().name());
    tree.put("held", moneyTree(s.held()));
    List<Object> captures = new ArrayList<>();
    for (Capture capture : s.captures()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("amount", moneyTree(capture.amount()));
      item.put("at", capture.at().toString());
      item.put("trace", capture.trace());
      captures.add(item);
    }
    tree.put("captures", captures);
    tree.put("refunded", moneyTree(s.refunded()));
    tree.put("createdAt", s.createdAt().toString());
    tree.put("updatedAt", s.updatedAt().toString());
    tree.put("expiresAt", s.expiresAt().toString());
    tree.put("hostReferences", new TreeMap<>(s.hostReferences()));
    s.pending().ifPresent(pending -> tree.put("pending", pendingTree(pending)));
    s.resumeState().ifPresent(state -> tree.put("resumeState", state.name()));
    tree.put("version", s.version());
    return tree;
  }

  private static EscrowSnapshot snapshot(DocReader doc) {
    String id = doc.string("id");
    String reference = doc.string("reference");
    String merchantId = doc.string("merchantId");
    String terminalId = doc.string("terminalId");
    String maskedPan = doc.string("maskedPan");
    String cardToken = doc.string("cardToken");
    String scheme = doc.string("scheme");
    EscrowState state = doc.enumValue("state", EscrowState.class);
    Money held = money(doc.object("held"));
    List<Capture> captures = new ArrayList<>();
    for (DocReader item : doc.objects("captures")) {
      try {
        captures.add(
            new Capture(money(item.object("amount")), item.instant("at"), item.number("trace")));
      } catch (IllegalArgumentException | NullPointerException rejected) {
        throw item.invalid(rejected);
      }
    }
    Money refunded = money(doc.object("refunded"));
    Optional<PendingRequest> pending = doc.optionalObject("pending").map(RecordCodec::pending);
    Optional<EscrowState> resume = doc.optionalEnum("resumeState", EscrowState.class);
    try {
      return new EscrowSnapshot(
          id,
          reference,
          merchantId,
          terminalId,
          maskedPan,
          cardToken,
          scheme,
          state,
          held,
          captures,
          refunded,
          doc.instant("createdAt"),
          doc.instant("updatedAt"),
          doc.instant("expiresAt"),
          doc.stringMap("hostReferences"),
          pending,
          resume,
          doc.number("version"));
    } catch (IllegalArgumentException | NullPointerException rejected) {
      throw doc.invalid(rejected);
    }
  }

  private static Map<String, Object> pendingTree(PendingRequest p) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("operation", p.operation().name());
    tree.put("operationId", p.operationId());
    tree.put("idempotencyKey", p.idempotencyKey());
    tree.put("amount", moneyTree(p.amount()));
    tree.put("finalCapture", p.finalCapture());
    tree.put("trace", p.trace());
    tree.put("sentAt", p.sentAt().toString());
    return tree;
  }

  private static PendingRequest pending(DocReader doc) {
    return new PendingRequest(
        doc.enumValue("operation", Operation.class),
        doc.string("operationId"),
        doc.string("idempotencyKey"),
        money(doc.object("amount")),
        doc.bool("finalCapture"),
        doc.number("trace"),
        doc.instant("sentAt"));
  }

  private static Map<String, Object> moneyTree(Money money) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("minor", money.minorUnits());
    tree.put("currency", money.currency().getCurrencyCode());
    return tree;
  }

  private static Money money(DocReader doc) {
    long minor = doc.number("minor");
    Currency currency = doc.currency("currency");
    try {
      return new Money(minor, currency);
    } catch (RuntimeException rejected) {
      throw doc.invalid(rejected);
    }
  }

  private static Map<String, Object> failureTree(Failure f) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("category", f.category().name());
    tree.put("retryable", f.retryable());
    f.responseCode().ifPresent(code -> tree.put("responseCode", code));
    tree.put("code", f.code());
    tree.put("detail", f.detail());
    tree.put("message", textTree(f.message()));
    tree.put("remedy", textTree(f.remedy()));
    return tree;
  }

  private static Failure failure(DocReader doc) {
    FailureCategory category = doc.enumValue("category", FailureCategory.class);
    try {
      return new Failure(
          category,
          doc.bool("retryable"),
          doc.optionalString("responseCode"),
          doc.string("code"),
          doc.string("detail"),
          text(doc.object("message")),
          text(doc.object("remedy")));
    } catch (DocumentException malformed) {
      throw malformed;
    } catch (RuntimeException rejected) {
      throw doc.invalid(rejected);
    }
  }

  private static Map<String, Object> textTree(LocalizedText text) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("en", text.en());
    tree.put("zh", text.zh());
    return tree;
  }

  private static LocalizedText text(DocReader doc) {
    try {
      return new LocalizedText(doc.string("en"), doc.string("zh"));
    } catch (DocumentException malformed) {
      throw malformed;
    } catch (RuntimeException rejected) {
      throw doc.invalid(rejected);
    }
  }
}
