package io.escrowkit.iso8583.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class EbcdicTest {

  @Test
  void tableMatchesTheJdkIbm1047Charset() {
    Charset ibm1047 = Charset.forName("IBM1047");
    for (int b = 0; b < 256; b++) {
      char expected = new String(new byte[] {(byte) b}, ibm1047).charAt(0);
      assertThat(Ebcdic.decode((byte) b)).as("byte %02X", b).isEqualTo(expected);
      assertThat(Ebcdic.encode(expected) & 0xFF).isEqualTo(b);
    }
  }

  @Test
  void digitsAreF0ToF9() {
    assertThat(Ebcdic.encode('0') & 0xFF).isEqualTo(0xF0);
    assertThat(Ebcdic.digitValue((byte) 0xF9)).isEqualTo(9);
    assertThat(Ebcdic.digitValue((byte) 0xC1)).isEqualTo(-1);
    assertThat(Ebcdic.encode(' ')).isEqualTo(Ebcdic.SPACE);
  }
}
