"""Chinese papers carry no English (issue 19): a month's ledger as PDF, XLSX and CSV, the farmer's
slip, a send's receipt, the courier manifest and the Z report, rendered with the real catalogue.
Data keeps its codes (tracking numbers, pickup codes, the CSV's code columns); words are made
when shown, so a weight reads "48 斤（24 公斤）", never "24 kg"."""

import csv
import io
import re

from station_app.core import drawer, parcels, produce, receipts, sends
from station_app.reports.catalog import ts_translator
from station_app.reports.ledger_docs import export_month
from station_app.reports.parcel_docs import manifest_pages
from station_app.reports.pdf import write_pdf
from station_app.reports.receipts import receipt_pages, z_report_pages
from tests.test_printing import pdf_text

ZH = ts_translator("zh_CN")
# A word of two or more Latin letters that is not part of a code with digits in it (SF123…,
# A-1-0001, JDVA…), nor the one abbreviation a Chinese receipt uses as is.
WORD = re.compile(r"(?<![\w-])[A-Za-z]{2,}(?![\w-])")
ALLOWED = {"QR", "PDF"}


def english_in(text: str) -> list[str]:
    return sorted({w for w in WORD.findall(text) if w not in ALLOWED})


def test_the_rule_finds_english_and_lets_codes_be():
    assert english_in("1 parcel(s) 24.00 kg No. 15 SF SF1234567890123") == ["No", "SF", "kg", "parcel"]
    assert english_in("取件码 A-1-0001 SF1234567890123 JDVA12345678901 ¥8.00/斤") == []


def test_a_busy_month_on_chinese_paper_has_no_english(store, shelved, keeper, tmp_path):
    p = parcels.check_in(store, keeper.id, "SF1234567890123", phone="13812345678", name="张三").parcel
    parcels.pickup(store, keeper.id, [p.id], fee_fen=50, method="cash")
    intake = produce.take_in(store, keeper.id, name="李四", phone="13900001111", product="枸杞",
                             gross_g=24000, unit_price_fen=800, price_unit="jin", mode=produce.BUYOUT,
                             method="wechat")
    produce.sell(store, keeper.id, weight_g=20000, product="枸杞", buyer="县电商中心",
                 unit_price_fen=2000, price_unit="jin", method="wechat")
    send = sends.accept_send(store, keeper.id, sender_name="赵六", sender_phone="13900001111",
                             receiver_name="钱七", receiver_phone="021-5555", receiver_address="上海市",
                             item="核桃", weight_g=2500, carrier="YTO", fee_fen=1800, id_checked=True,
                             inspected=True)
    manifest = sends.hand_over(store, keeper.id, "YTO", courier_name="刘师傅")
    day = drawer.close_drawer(store, keeper.id, 20000 + 50 + 1800 + 1)  # a fen over

    slip = pdf_text(write_pdf(receipt_pages(receipts.receipt_for(store, intake.id), 58, ZH),
                              tmp_path / "slip.pdf"))
    assert "48 斤（24 公斤）" in slip and "¥8.00/斤" in slip
    papers = {
        "slip": slip,
        "send receipt": pdf_text(write_pdf(receipt_pages(receipts.receipt_for(store, send.id), 80, ZH),
                                           tmp_path / "send.pdf")),
        "manifest": pdf_text(write_pdf(manifest_pages(manifest, "石门村电商服务站", lambda s: ZH("reports", s)),
                                       tmp_path / "m.pdf")),
        "Z report": pdf_text(write_pdf(z_report_pages(drawer.z_report(store, day.id), 80, ZH),
                                       tmp_path / "z.pdf")),
        "ledger PDF": pdf_text(export_month(store, "2026-11", "pdf", tmp_path / "l.pdf", ZH, "zh")),
    }
    rows = list(csv.reader(io.StringIO(
        export_month(store, "2026-11", "csv", tmp_path / "l.csv", ZH, "zh").read_text("utf-8-sig"))))
    header = rows[0]
    words = [header.index(h) for h in ("日期", "类别", "支付方式", "摘要")]  # the code columns stay codes
    papers["ledger CSV"] = "\n".join(" ".join(r[i] for i in words) for r in rows if len(r) > max(words))
    from openpyxl import load_workbook
    book = load_workbook(export_month(store, "2026-11", "xlsx", tmp_path / "l.xlsx", ZH, "zh"))
    papers["ledger XLSX totals"] = "\n".join(  # the sheet an officer reads (it said in_fen)
        " ".join(str(c) for c in row if isinstance(c, str))
        for row in book.worksheets[1].iter_rows(values_only=True)) + book.worksheets[1].title
    totals = book.worksheets[1]
    assert [totals["A1"].value, totals["B1"].value, totals["C1"].value] == ["类别", "收入", "支出"]
    assert totals["B2"].number_format == "0.00"  # yuan, as the entries sheet (it was fen)
    leaks = {name: english_in(text) for name, text in papers.items() if english_in(text)}
    assert not leaks, leaks
