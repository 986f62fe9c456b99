package io.escrowkit.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalizedTextTest {

  private static final LocalizedText TEXT = new LocalizedText("Insufficient funds", "余额不足");

  @ParameterizedTest
  @ValueSource(strings = {"zh", "zh-CN", "zh-Hans", "zh-Hans-CN", "zh-Hans-HK"})
  void simplifiedChineseLocalesReadChinese(String tag) {
    assertThat(TEXT.text(Locale.forLanguageTag(tag))).isEqualTo("余额不足");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "en-US", "fr-FR", "ja-JP", "zh-TW", "zh-Hant", "zh-HK", "und"})
  void everyOtherLocaleReadsEnglish(String tag) {
    assertThat(TEXT.text(Locale.forLanguageTag(tag))).isEqualTo("Insufficient funds");
  }

  @Test
  void javaLocaleConstantsFollowTheSameRule() {
    assertThat(TEXT.text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("余额不足");
    assertThat(TEXT.text(Locale.CHINESE)).isEqualTo("余额不足");
    assertThat(TEXT.text(Locale.TRADITIONAL_CHINESE)).isEqualTo("Insufficient funds");
    assertThat(TEXT.text(Locale.ROOT)).isEqualTo("Insufficient funds");
  }

  @Test
  void nullLocaleIsRefusedWithItsName() {
    assertThatThrownBy(() -> TEXT.text(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("locale");
  }

  @Test
  void blankTextIsRefused() {
    assertThatThrownBy(() -> new LocalizedText(" ", "余额不足"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("en");
    assertThatThrownBy(() -> new LocalizedText("Insufficient funds", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("zh");
  }
}
