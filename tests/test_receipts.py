"""Receipts on 58 and 80 mm paper: the villager's lines only, text that extracts (Chinese
included), and a QR code that decodes and whose signature checks with the station's key."""

import pytest

from station_app.core import bills, drawer, produce, receipts, signing, voids
from station_app.reports.pdf import write_pdf
from station_app.reports.receipts import receipt_pages, z_report_pages
from tests.test_printing import pdf_text, qr_codes

ZH = {("reports", "Bill payment receipt"): "缴费收据", ("reports", "Received"): "实收",
      ("core", "Bill payment"): "代缴费", ("reports", "VOIDED"): "已作废"}


def zh(context, text):
    return ZH.get((context, text), text)


@pytest.mark.parametrize("width", [58, 80])
def test_bill_receipt_shows_what_the_villager_paid_and_a_signed_qr(store, keeper, tmp_path, width):
    bill = bills.take_payment(store, keeper.id, kind="phone", account="13812345678", holder="张三",
                              amount_fen=10000, fee_fen=100)
    r = receipts.receipt_for(store, bill.id)
    assert [c for c, _, _ in r.lines] == ["bill_amount", "bill_fee"]  # not the platform side
    assert r.total_fen == 10100 and r.operator == "王站长"
    pdf = write_pdf(receipt_pages(r, width, zh), tmp_path / "r.pdf")
    text = pdf_text(pdf)
    assert "缴费收据" in text and "¥101.00" in text and "13812345678" in text
    [code] = qr_codes(pdf, tmp_path)
    fields = receipts.check_qr(signing.public_key_text(store), code)
    assert fields == {"station_id": "", "record_id": bill.id, "amount_fen": 10100,
                      "date": "2026-11-20"}
    forged = code.replace("|10100|", "|99100|")
    assert receipts.check_qr(signing.public_key_text(store), forged) is None


def test_a_voided_record_says_so_and_a_payout_is_paid_out(store, keeper, tmp_path):
    intake = produce.take_in(store, keeper.id, name="李四", phone="13900001111", product="枸杞",
                             gross_g=5400, tare_g=400, unit_price_fen=2000, method="cash")
    voids.void(store, keeper.id, intake.id, "称错了")
    r = receipts.receipt_for(store, intake.id)
    assert r.voided and r.total_fen == 0
    fresh = produce.take_in(store, keeper.id, name="李四", phone="13900001111", product="枸杞",
                            gross_g=5400, tare_g=400, unit_price_fen=2000, method="cash")
    paid = receipts.receipt_for(store, fresh.id)
    assert paid.total_fen == -20000  # 10 斤 at ¥20, paid to the farmer
    text = pdf_text(write_pdf(receipt_pages(r, 58, zh), tmp_path / "v.pdf"))
    assert "已作废" in text


def test_z_report_on_paper(store, keeper, tmp_path):
    bills.take_payment(store, keeper.id, kind="water", account="W-1", holder="王五",
                       amount_fen=3000, method="wechat")
    closed = drawer.close_drawer(store, keeper.id, 20000)
    text = pdf_text(write_pdf(z_report_pages(drawer.z_report(store, closed.id), 80),
                              tmp_path / "z.pdf"))
    assert "Z report" in text and "No. 1" in text and "¥200.00" in text and "¥30.00 / ¥0.00" in text


def test_receipt_paper_is_58_or_80_mm(store, keeper):
    bill = bills.take_payment(store, keeper.id, kind="water", account="W-1", holder="王五",
                              amount_fen=3000)
    with pytest.raises(ValueError):
        receipt_pages(receipts.receipt_for(store, bill.id), 70)


def test_a_consignment_slip_has_no_money_yet_but_a_date_an_operator_and_a_qr(store, keeper, tmp_path):
    intake = produce.take_in(store, keeper.id, name="李四", phone="13900001111", product="核桃",
                             gross_g=10000, unit_price_fen=1500, price_unit="kg",
                             mode=produce.CONSIGN, commission_bp=250)
    r = receipts.receipt_for(store, intake.id)
    assert r.lines == [] and r.total_fen == 0 and r.operator == "王站长" and r.at
    assert ("Consignment commission", "2.5%") in r.details
    pdf = write_pdf(receipt_pages(r, 58), tmp_path / "slip.pdf")
    assert "No money changed hands" in pdf_text(pdf)
    [code] = qr_codes(pdf, tmp_path)
    assert receipts.check_qr(signing.public_key_text(store), code)["date"] == "2026-11-20"
