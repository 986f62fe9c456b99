package io.escrowkit.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailureCategoryTest {

  @ParameterizedTest
  @EnumSource(FailureCategory.class)
  void everyCategoryHasAnEnglishAndAChineseLabel(FailureCategory category) {
    String en = category.label(Locale.ENGLISH);
    String zh = category.label(Locale.SIMPLIFIED_CHINESE);

    assertThat(en).isNotBlank();
    assertThat(Texts.containsHan(en)).isFalse();
    assertThat(Texts.containsHan(zh)).isTrue();
  }
}
