package io.escrowkit.benchmarks.codec;

import org.jpos.iso.ISOBasePackager;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;

/**
 * The pre-authorization built with jPOS 2.1.9, field 55 as the LLLCHAR text its ISO 8583:1987
 * packagers define. Not threadsafe (jPOS messages are mutable): one per benchmark state.
 */
final class JposSide {

  private JposSide() {}

  static ISOMsg build(ISOBasePackager packager, byte[] pinBlock, byte[] mac, String emvLatin1)
      throws ISOException {
    ISOMsg m = new ISOMsg(PreAuth.MTI);
    m.setPackager(packager);
    for (int f : PreAuth.FIELDS) {
      if (f == 52) {
        m.set(52, pinBlock);
      } else if (f == 55) {
        m.set(55, emvLatin1);
      } else if (f == 64) {
        m.set(64, mac);
      } else {
        m.set(f, PreAuth.TEXT[f]);
      }
    }
    return m;
  }

  static ISOMsg unpack(ISOBasePackager packager, byte[] bytes) throws ISOException {
    ISOMsg m = new ISOMsg();
    m.setPackager(packager);
    m.unpack(bytes);
    return m;
  }
}
