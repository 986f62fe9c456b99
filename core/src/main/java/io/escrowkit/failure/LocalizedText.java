package io.escrowkit.failure;

import java.util.Locale;
import java.util.Objects;

/**
 * A short text in English and Simplified Chinese, the two languages an operator at the till reads.
 * Immutable and threadsafe.
 *
 * <p>{@link #text(Locale)} picks Chinese for {@code zh}, {@code zh-CN} and {@code zh-Hans} (with or
 * without a region) and English for every other locale, including {@code zh-TW} and {@code
 * zh-Hant}: there is no Traditional Chinese text, and the choice is made explicit rather than
 * guessed.
 *
 * @param en the English text, never blank
 * @param zh the Simplified Chinese text, never blank
 */
public record LocalizedText(String en, String zh) {

  public LocalizedText {
    requireNotBlank(en, "en");
    requireNotBlank(zh, "zh");
  }

  /** The text for {@code locale}: Chinese for zh, zh-CN and zh-Hans, English otherwise. */
  public String text(Locale locale) {
    return isSimplifiedChinese(locale) ? zh : en;
  }

  /** True for {@code zh}, {@code zh-CN}, {@code zh-Hans} and {@code zh-Hans-*}. */
  static boolean isSimplifiedChinese(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    if (!"zh".equals(locale.getLanguage())) {
      return false;
    }
    String script = locale.getScript();
    if (!script.isEmpty()) {
      return "Hans".equals(script);
    }
    String country = locale.getCountry();
    return country.isEmpty() || "CN".equals(country);
  }

  private static void requireNotBlank(String text, String name) {
    Objects.requireNonNull(text, name);
    if (text.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " text must not be blank");
    }
  }
}
