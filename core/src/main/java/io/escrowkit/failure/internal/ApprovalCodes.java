package io.escrowkit.failure.internal;

import static io.escrowkit.failure.internal.CatalogBuilder.text;
import static io.escrowkit.failure.internal.SharedRemedies.APPROVED_WITH_DEFECT;

/**
 * The approvals: {@code 00}, the ISO 8583 approvals with conditions ({@code 08} honour with
 * identification, {@code 10} partial amount, {@code 11} VIP, {@code 16} approved with a track 3
 * update) and UnionPay's "approved with defect" answers {@code A2}, {@code A4}, {@code A5},
 * {@code A6} (Q/CUP 006.6 annex A.2: the switch or the receiving bank honoured the transaction
 * without the issuer's confirmation). All of them are approvals, never declines. Stateless and
 * threadsafe.
 */
final class ApprovalCodes {

  private ApprovalCodes() {}

  static void addTo(CatalogBuilder catalog) {
    catalog
        .approved(
            "00",
            text("Approved or completed successfully", "承兑或交易成功"),
            text("Approved: print the receipt and carry on.", "交易成功，请打印签购单并继续办理"))
        .approvedWithConditions(
            "08",
            text("Honour with identification", "验证身份后承兑"),
            text("Approved: check the cardholder's identification before handing over the goods.",
                "交易成功，请核实持卡人身份证件后再交付商品"))
        .approvedWithConditions(
            "10",
            text("Approved for partial amount", "部分金额批准"),
            text(
                "Only part of the amount was approved: check the approved amount on the receipt"
                    + " and collect the rest another way, or cancel if a partial hold will not do.",
                "仅批准部分金额：请核对签购单上的批准金额，差额请用其他方式收取；如不接受部分批准，请撤销该笔交易"))
        .approvedWithConditions(
            "11",
            text("Approved (VIP)", "重要人物批准（VIP）"),
            text(
                "Approved; the card's bank marks the cardholder as a VIP customer. Carry on as"
                    + " normal.",
                "交易成功，发卡行提示此持卡人为VIP客户，请照常办理"))
        .approvedWithConditions(
            "16",
            text("Approved, update track 3", "批准，更新第三磁道"),
            text("Approved; the card's bank asks for its track 3 to be updated, which this terminal"
                    + " does not do. Carry on as normal.",
                "交易成功（发卡行要求更新第三磁道，本终端不处理），请照常办理"))
        .approvedWithConditions(
            "A2",
            text(
                "Approved with defect: the switch forwarded the original request, got no answer"
                    + " from the issuer, and approved it to the acquirer itself",
                "有缺陷的成功：银联转发了原交易请求但未收到发卡方应答，由银联直接向受理方应答成功"),
            APPROVED_WITH_DEFECT)
        .approvedWithConditions(
            "A4",
            text(
                "Approved with defect: the related confirmation was honoured although the"
                    + " original request never arrived",
                "有缺陷的成功：未收到原交易请求，对关联的确认交易予以承兑"),
            APPROVED_WITH_DEFECT)
        .approvedWithConditions(
            "A5",
            text(
                "Approved with defect: the related confirmation was honoured although the"
                    + " original request had been declined",
                "有缺陷的成功：原交易已被拒绝，对关联的确认交易予以承兑"),
            APPROVED_WITH_DEFECT)
        .approvedWithConditions(
            "A6",
            text(
                "Approved with defect: the switch forwarded the original request but got no"
                    + " answer from the issuer; the acquirer's related confirmation was honoured",
                "有缺陷的成功：银联转发了原交易请求但未收到发卡方应答，对受理方发来的关联确认交易予以承兑"),
            APPROVED_WITH_DEFECT);
  }
}
