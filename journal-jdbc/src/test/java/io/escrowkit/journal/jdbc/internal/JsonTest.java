package io.escrowkit.journal.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @Test
  void writesCompactJsonThatParsesBackToTheSameTree() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("s", "quote \" backslash \\ newline \n tab \t nul \u0000 line-sep \u2028 中文");
    tree.put("n", Long.MIN_VALUE);
    tree.put("b", true);
    tree.put("empty", Map.of());
    tree.put("list", List.of(1L, "two", false, List.of()));
    tree.put("nothing", null);

    String json = Json.write(tree);

    assertThat(json).doesNotContain("\n").startsWith("{\"s\":\"quote \\\" backslash");
    assertThat(Json.parse(json)).isEqualTo(tree);
  }

  @Property
  void anyStringSurvivesTheRoundTrip(@ForAll String text) {
    assertThat(Json.parse(Json.write(text))).isEqualTo(text);
  }

  @Property
  void anyLongSurvivesTheRoundTrip(@ForAll long number) {
    assertThat(Json.parse(Json.write(List.of(number)))).isEqualTo(List.of(number));
  }

  @Test
  void readsWhitespaceAndEscapesItDoesNotWrite() {
    assertThat(Json.parse(" { \"a\" : [ 1 , \"\\u0041\\/\\b\\f\" ] } "))
        .isEqualTo(Map.of("a", List.of(1L, "A/\b\f")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "{\"a\"}",
        "{\"a\":1,}",
        "[1 2]",
        "\"open",
        "tru",
        "1.5",
        "1e3",
        "-",
        "99999999999999999999",
        "{\"a\":1}x",
        "{\"a\":1,\"a\":2}",
        "\"\\q\"",
        "\"\\u12\"",
        "\"bad \u0001 control\"",
        "{1:2}"
      })
  void refusesWhatIsNotTheJournalsJsonWithAnOffset(String text) {
    assertThatThrownBy(() -> Json.parse(text))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("$: ");
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);

    assertThatThrownBy(() -> Json.parse(deep))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("nesting deeper than " + Json.MAX_DEPTH);
  }

  @Test
  void refusesADocumentOverTheLengthLimitBeforeReadingIt() {
    String huge = "\"" + "x".repeat(Json.MAX_LENGTH) + "\"";

    assertThatThrownBy(() -> Json.parse(huge))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("over the limit");
  }
}
