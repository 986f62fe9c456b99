package io.escrowkit.failure.internal;

import static io.escrowkit.failure.internal.CatalogBuilder.text;

import io.escrowkit.failure.FailureCategory;
import io.escrowkit.failure.ResponseCode;
import io.escrowkit.failure.ResponseDisposition;
import java.util.Map;
import java.util.Optional;

/**
 * The response code catalog, assembled once from its parts. Immutable and threadsafe (built during
 * class initialization, which the JVM makes safe).
 *
 * <p>Sources: ISO 8583:1987 field 39 values, and China UnionPay's response code table (Q/CUP 006.6
 * annex A.2, and the UnionPay POS terminal table for {@code 77}); where UnionPay's meaning differs
 * from ISO's, UnionPay's is used.
 */
public final class ResponseCodeTable {

  private static final Map<String, ResponseCode> ENTRIES = assemble();

  private ResponseCodeTable() {}

  /** Every catalogued code, ordered by code. Unmodifiable. */
  public static Map<String, ResponseCode> entries() {
    return ENTRIES;
  }

  /** The generic decline for a well-formed {@code code} the catalog does not know. */
  public static ResponseCode unknown(String code) {
    return new ResponseCode(
        code,
        ResponseDisposition.DECLINED,
        Optional.of(FailureCategory.ACQUIRER_GATEWAY),
        false,
        text(
            "unknown response code '" + code + "' (not in the response code catalog)",
            "未知应答码“" + code + "”（不在应答码表中）"),
        text(
            "The transaction was not approved (unknown response code '"
                + code
                + "'). Do not retry; note the code and call the acquirer's helpdesk.",
            "交易未成功（未知应答码" + code + "），请勿重试，请记下应答码并联系收单机构客服"));
  }

  private static Map<String, ResponseCode> assemble() {
    CatalogBuilder catalog = new CatalogBuilder();
    ApprovalCodes.addTo(catalog);
    IssuerDeclineCodes.addTo(catalog);
    FraudAndRiskCodes.addTo(catalog);
    GatewayCodes.addTo(catalog);
    OperatorAndProtocolCodes.addTo(catalog);
    return catalog.build();
  }
}
