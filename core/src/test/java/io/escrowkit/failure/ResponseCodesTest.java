package io.escrowkit.failure;

import static io.escrowkit.failure.FailureCategory.ACQUIRER_GATEWAY;
import static io.escrowkit.failure.FailureCategory.ISSUER_DECLINE;
import static io.escrowkit.failure.FailureCategory.OPERATOR;
import static io.escrowkit.failure.FailureCategory.PROTOCOL;
import static io.escrowkit.failure.FailureCategory.SUSPECTED_FRAUD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseCodesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "01", "03", "05", "12", "13", "14", "25", "30", "33", "41", "43", "51", "54", "55", "57",
        "58", "61", "65", "75", "91", "94", "96", "98", "A0"
      })
  void requiredDeclineIsCatalogued(String code) {
    assertThat(ResponseCodes.lookup(code))
        .hasValueSatisfying(
            rc -> {
              assertThat(rc.disposition()).isEqualTo(ResponseDisposition.DECLINED);
              assertThat(rc.isApproval()).isFalse();
              assertThat(rc.category()).isPresent();
            });
  }

  @Test
  void zeroZeroIsAPlainApproval() {
    ResponseCode approved = ResponseCodes.resolve("00");

    assertThat(approved.disposition()).isEqualTo(ResponseDisposition.APPROVED);
    assertThat(approved.isApproval()).isTrue();
    assertThat(approved.category()).isEmpty();
    assertThat(approved.retryable()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10", "11", "A2", "A4", "A5", "A6"})
  void approvalWithConditionsIsAnApprovalNeverADecline(String code) {
    ResponseCode rc = ResponseCodes.resolve(code);

    assertThat(rc.disposition()).isEqualTo(ResponseDisposition.APPROVED_WITH_CONDITIONS);
    assertThat(rc.isApproval()).isTrue();
    assertThat(rc.category()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"A2", "A4", "A5", "A6"})
  void unionPayApprovedWithDefectSaysSo(String code) {
    ResponseCode rc = ResponseCodes.resolve(code);

    assertThat(rc.meaning(Locale.ENGLISH)).startsWith("Approved with defect");
    assertThat(rc.meaning(Locale.CHINA)).startsWith("有缺陷的成功");
  }

  @Test
  void everyEntryHasMeaningAndRemedyInBothLanguages() {
    assertThat(ResponseCodes.all()).hasSizeGreaterThanOrEqualTo(60);
    for (ResponseCode rc : ResponseCodes.all()) {
      assertThat(rc.meaning(Locale.ENGLISH)).as("%s en meaning", rc.code()).isNotBlank();
      assertThat(rc.remedy(Locale.ENGLISH)).as("%s en remedy", rc.code()).isNotBlank();
      assertThat(Texts.containsHan(rc.meaning(Locale.ENGLISH)))
          .as("%s en meaning", rc.code())
          .isFalse();
      assertThat(Texts.containsHan(rc.remedy(Locale.ENGLISH)))
          .as("%s en remedy", rc.code())
          .isFalse();
      assertThat(Texts.containsHan(rc.meaning(Locale.CHINA)))
          .as("%s zh meaning", rc.code())
          .isTrue();
      assertThat(Texts.containsHan(rc.remedy(Locale.CHINA))).as("%s zh remedy", rc.code()).isTrue();
    }
  }

  @Test
  void catalogIsOrderedByCodeAndCannotBeChanged() {
    assertThat(ResponseCodes.all())
        .extracting(ResponseCode::code)
        .isSorted()
        .doesNotHaveDuplicates();
    assertThatThrownBy(() -> ResponseCodes.all().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void approvalsAreNeverRetryableAndDeclinesAlwaysHaveACategory() {
    for (ResponseCode rc : ResponseCodes.all()) {
      if (rc.isApproval()) {
        assertThat(rc.retryable()).as(rc.code()).isFalse();
        assertThat(rc.category()).as(rc.code()).isEmpty();
      } else {
        assertThat(rc.category()).as(rc.code()).isPresent();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"41", "43", "34", "59", "04", "07"})
  void lostStolenAndSuspectedFraudAreFraudAndNotRetryable(String code) {
    ResponseCode rc = ResponseCodes.resolve(code);

    assertThat(rc.category()).contains(SUSPECTED_FRAUD);
    assertThat(rc.retryable()).isFalse();
    assertThat(rc.remedy(Locale.ENGLISH)).contains("Do not retry");
    assertThat(rc.remedy(Locale.CHINA)).contains("请勿重试");
  }

  @Test
  void insufficientFundsIsAnIssuerDeclineAskingForAnotherCardOrLessMoney() {
    ResponseCode rc = ResponseCodes.resolve("51");

    assertThat(rc.category()).contains(ISSUER_DECLINE);
    assertThat(rc.retryable()).isFalse();
    assertThat(rc.remedy(Locale.ENGLISH)).contains("another card or a smaller amount");
    assertThat(rc.remedy(Locale.SIMPLIFIED_CHINESE)).isEqualTo("余额不足，请持卡人更换其他卡片或降低金额");
  }

  @Test
  void wrongPinIsAnOperatorErrorWorthRetrying() {
    ResponseCode rc = ResponseCodes.resolve("55");

    assertThat(rc.category()).contains(OPERATOR);
    assertThat(rc.retryable()).isTrue();
    assertThat(rc.remedy(Locale.CHINA)).contains("重新输入密码");
  }

  @ParameterizedTest
  @ValueSource(strings = {"75", "38"})
  void pinTriesExceededIsNotRetryable(String code) {
    assertThat(ResponseCodes.resolve(code).retryable()).isFalse();
  }

  @Test
  void formatErrorIsProtocol() {
    assertThat(ResponseCodes.resolve("30").category()).contains(PROTOCOL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "13", "14"})
  void invalidTransactionAmountOrCardIsForTheOperator(String code) {
    assertThat(ResponseCodes.resolve(code).category()).contains(OPERATOR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"91", "96", "98"})
  void switchAndIssuerOutagesAreGatewayFailuresWorthRetrying(String code) {
    ResponseCode rc = ResponseCodes.resolve(code);

    assertThat(rc.category()).contains(ACQUIRER_GATEWAY);
    assertThat(rc.retryable()).isTrue();
  }

  @Test
  void unionPayMeaningsWinWhereTheyDifferFromIso() {
    assertThat(ResponseCodes.resolve("94").meaning(Locale.CHINA)).isEqualTo("重复交易");
    assertThat(ResponseCodes.resolve("96").meaning(Locale.CHINA)).contains("银联处理中心系统异常");
    assertThat(ResponseCodes.resolve("98").meaning(Locale.ENGLISH)).contains("no answer");
    assertThat(ResponseCodes.resolve("A0").meaning(Locale.ENGLISH)).contains("MAC");
  }

  @Test
  void macFailureAndDuplicateAreProtocolAndMacAsksForSignOn() {
    ResponseCode mac = ResponseCodes.resolve("A0");

    assertThat(mac.category()).contains(PROTOCOL);
    assertThat(mac.remedy(Locale.CHINA)).contains("重新签到");
    assertThat(ResponseCodes.resolve("94").category()).contains(PROTOCOL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"61", "65"})
  void amountAndFrequencyLimitsAreIssuerDeclines(String code) {
    assertThat(ResponseCodes.resolve(code).category()).contains(ISSUER_DECLINE);
  }

  @Test
  void unknownWellFormedCodeResolvesToAGenericGatewayDeclineNamingIt() {
    assertThat(ResponseCodes.lookup("Q7")).isEmpty();

    ResponseCode rc = ResponseCodes.resolve("Q7");

    assertThat(rc.code()).isEqualTo("Q7");
    assertThat(rc.disposition()).isEqualTo(ResponseDisposition.DECLINED);
    assertThat(rc.category()).contains(ACQUIRER_GATEWAY);
    assertThat(rc.retryable()).isFalse();
    assertThat(rc.meaning(Locale.ENGLISH)).startsWith("unknown response code 'Q7'");
    assertThat(rc.meaning(Locale.CHINA)).contains("Q7");
    assertThat(Texts.containsHan(rc.remedy(Locale.CHINA))).isTrue();
  }

  @Test
  void nullCodeIsRefusedWithItsName() {
    assertThatThrownBy(() -> ResponseCodes.resolve(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("code");
    assertThatThrownBy(() -> ResponseCodes.lookup(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("code");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "051", "a0", "0a", "5-", " 5", "５１"})
  void malformedCodeIsRefusedNamingTheInput(String code) {
    assertThatThrownBy(() -> ResponseCodes.resolve(code))
        .isInstanceOf(InvalidResponseCodeException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + code + "'");
  }

  @Test
  void longMalformedInputIsNotEchoedInFull() {
    String panLike = "6222021234567890123";

    assertThatThrownBy(() -> ResponseCodes.lookup(panLike))
        .isInstanceOf(InvalidResponseCodeException.class)
        .hasMessageContaining("'622202...'")
        .hasMessageNotContaining("7890123");
  }
}
