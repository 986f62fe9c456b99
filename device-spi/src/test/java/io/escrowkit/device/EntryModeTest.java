package io.escrowkit.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryModeTest {

  @Test
  void posEntryModeCodesAreTheIso8583Field22PanEntryModes() {
    assertThat(EntryMode.MAGSTRIPE.posEntryModeCode()).isEqualTo("90");
    assertThat(EntryMode.CHIP.posEntryModeCode()).isEqualTo("05");
    assertThat(EntryMode.CONTACTLESS.posEntryModeCode()).isEqualTo("07");
    assertThat(EntryMode.MANUAL.posEntryModeCode()).isEqualTo("01");
    assertThat(EntryMode.FALLBACK.posEntryModeCode()).isEqualTo("80");
  }

  @Test
  void onlyChipReadsAreChip() {
    assertThat(EntryMode.CHIP.isChip()).isTrue();
    assertThat(EntryMode.CONTACTLESS.isChip()).isTrue();
    assertThat(EntryMode.FALLBACK.isChip()).isFalse();
  }
}
