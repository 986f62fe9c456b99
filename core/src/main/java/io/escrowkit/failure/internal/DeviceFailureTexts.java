package io.escrowkit.failure.internal;

import static io.escrowkit.failure.internal.FailureWording.finalFailure;
import static io.escrowkit.failure.internal.FailureWording.retryable;

import java.util.HashMap;
import java.util.Map;

/**
 * Wording for card reader, PIN pad and printer failures, by kind (the names of {@code
 * io.escrowkit.device.DeviceFailure}), with a generic fallback. Immutable and threadsafe.
 */
public final class DeviceFailureTexts {

  /** For a kind this table does not know. */
  private static final FailureWording GENERIC =
      finalFailure(
          "Card reader, PIN pad or printer failure",
          "外接设备故障",
          "Check that the card reader, PIN pad and printer are connected and switched on, then"
              + " try again; if it keeps failing, restart them.",
          "请检查读卡器、密码键盘和打印机的连接及电源后重试；如多次失败，请重启设备");

  /** Wording by device failure kind, with a generic fallback. */
  public static final WordingTable BY_KIND = WordingTable.of(byKind(), GENERIC);

  private DeviceFailureTexts() {}

  private static Map<String, FailureWording> byKind() {
    Map<String, FailureWording> kinds = new HashMap<>();
    kinds.put(
        "NOT_PRESENT",
        retryable(
            "Card reader or PIN pad not connected",
            "读卡器或密码键盘未连接",
            "Check the card reader or PIN pad cable (or Bluetooth pairing) and that it is switched"
                + " on, then try again.",
            "请检查读卡器或密码键盘的连接线（或蓝牙配对）及电源，然后重试"));
    kinds.put(
        "TIMEOUT",
        retryable(
            "Timed out waiting for the card or the PIN",
            "等待刷卡或输入密码超时",
            "Start again and ask the cardholder to present the card and enter the PIN promptly.",
            "请重新发起交易，并提示持卡人及时刷卡或插卡、输入密码"));
    kinds.put(
        "CANCELLED_BY_USER",
        retryable(
            "Cancelled on the card reader or PIN pad",
            "已在读卡器或密码键盘上取消",
            "The transaction was cancelled on the device. Start again if the cardholder still"
                + " wants to pay by card.",
            "交易已在设备上取消，如持卡人仍需刷卡支付，请重新发起"));
    kinds.put(
        "CARD_READ_ERROR",
        retryable(
            "The card could not be read",
            "读卡失败",
            "Swipe or insert the card again (check the stripe's direction, or push the chip card"
                + " fully in). If it keeps failing, ask for another card.",
            "请重新刷卡或插卡（注意磁条方向，芯片卡请插到底）；如多次失败，请持卡人更换其他卡片"));
    kinds.put(
        "CHIP_ERROR",
        retryable(
            "Chip card error",
            "芯片卡读取错误",
            "Take the card out, insert it again fully, and leave it in until the terminal says"
                + " so. If it keeps failing, ask for another card.",
            "请拔出卡片后重新插入并插到底，交易完成前请勿拔卡；如仍失败，请持卡人更换其他卡片"));
    kinds.put(
        "PIN_ENTRY_FAILED",
        retryable(
            "PIN entry failed on the PIN pad",
            "密码输入失败",
            "Ask the cardholder to enter the PIN again on the PIN pad and press Enter.",
            "请持卡人在密码键盘上重新输入密码并按确认键"));
    kinds.put(
        "OUT_OF_PAPER",
        retryable(
            "Printer out of paper",
            "打印机缺纸",
            "Load a new paper roll, then reprint the last receipt from the terminal menu. Do not"
                + " repeat the payment.",
            "请装入新的打印纸，然后在终端菜单中重打印上一笔签购单，切勿重复收款"));
    kinds.put(
        "HARDWARE_FAULT",
        finalFailure(
            "Card reader, PIN pad or printer hardware fault",
            "设备硬件故障",
            "Restart the device. If the fault persists, stop taking card payments on it and call"
                + " technical support.",
            "请重启设备；如故障仍在，请停止使用该设备受理银行卡并联系技术支持"));
    kinds.put(
        "TAMPERED",
        finalFailure(
            "The PIN pad detected tampering and locked itself",
            "密码键盘检测到被拆或被篡改，已自锁",
            "Stop using this device at once and take no more card payments on it. Put it aside,"
                + " do not try to repair it, and call the acquirer's helpdesk.",
            "请立即停止使用该设备受理银行卡，妥善保管、切勿自行拆修，并立即联系收单机构客服"));
    kinds.put(
        "KEY_MISSING",
        finalFailure(
            "The PIN pad has no encryption keys loaded",
            "密码键盘未装载密钥",
            "The device needs its keys: sign the terminal on again; if that fails, call the"
                + " acquirer's helpdesk to have the keys loaded.",
            "设备缺少密钥，请先重新签到；如仍失败，请联系收单机构客服重新灌装密钥"));
    kinds.put(
        "CARD_REMOVED",
        retryable(
            "The card was removed before the chip transaction finished",
            "芯片交易完成前银行卡被拔出",
            "Ask the cardholder to insert the card again and leave it in until the terminal says"
                + " to remove it.",
            "请持卡人重新插卡，并在终端提示拔卡前不要拔出"));
    kinds.put(
        "BUSY",
        retryable(
            "The card reader or PIN pad is busy with another request",
            "读卡器或密码键盘正忙",
            "Wait for the other request on the device to finish, then try again.",
            "请等待设备上的其他操作完成后重试"));
    kinds.put(
        "KEY_INVALID",
        finalFailure(
            "A key in the PIN pad does not suit the request (wrong length or type)",
            "密码键盘中的密钥与本交易不匹配（长度或类型错误）",
            "The terminal's keys or its key settings are wrong: call the acquirer's helpdesk to"
                + " have the keys loaded again, and check the terminal's key configuration.",
            "终端密钥或密钥配置有误，请联系收单机构客服重新灌装密钥，并检查终端的密钥配置"));
    kinds.put(
        "KEY_CHECK_FAILED",
        retryable(
            "The keys from the acquirer failed their check; none were loaded",
            "收单机构下发的密钥校验失败，未装载",
            "Sign the terminal on again to get the keys once more; if it keeps failing, call the"
                + " acquirer's helpdesk (the terminal's master key may not be theirs).",
            "请重新签到以重新获取密钥；如多次失败，请联系收单机构客服（终端主密钥可能与收单机构不一致）"));
    kinds.put(
        "UNSUPPORTED",
        finalFailure(
            "The device cannot do what was asked (a PIN block format or MAC algorithm it lacks)",
            "设备不支持该操作（缺少所需的PIN块格式或MAC算法）",
            "The terminal's settings ask for something its hardware does not offer: check the"
                + " PIN block format and MAC algorithm configured for this acquirer.",
            "终端配置要求的功能硬件不支持，请检查为该收单机构配置的PIN块格式和MAC算法"));
    return kinds;
  }
}
