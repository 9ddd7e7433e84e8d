"""The monthly ledger in the four formats of `station-app ledger`: JSON (the exchange document,
canonical bytes, as the county center prints it), CSV and XLSX (for a spreadsheet), PDF (the
monthly report a county officer files: totals, the courier statement, produce sold upward,
villagers served, then every entry).

Money stays integer fen in JSON, CSV and XLSX (plus a yuan column as text or an exact decimal,
never a float); words are marked for lupdate in the "reports" and "core" contexts.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import Callable

from station_app.core.canonical import canonical_json
from station_app.core.carriers import carrier_name
from station_app.core.ledger import CATEGORIES, METHODS
from station_app.core.messages import QT_TRANSLATE_NOOP
from station_app.core.validate import Weight, format_fen
from station_app.reports.layout import Column, number_pages, table_pages

FORMATS = ("json", "csv", "xlsx", "pdf")
Translate = Callable[[str, str], str]  # (context, text) -> text


def _identity(_context: str, text: str) -> str:
    return text


def _category(t: Translate, code: str) -> str:
    return t("core", CATEGORIES[code]) if code in CATEGORIES else code


def _method(t: Translate, code: str) -> str:
    return t("core", METHODS[code]) if code in METHODS else code


def _yuan(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


def ledger_json(doc: dict) -> bytes:
    return canonical_json(doc) + b"\n"


def _entry_header(t: Translate) -> list[str]:
    r = lambda s: t("reports", s)  # noqa: E731
    return ["seq", r(QT_TRANSLATE_NOOP("reports", "Date")), r(QT_TRANSLATE_NOOP("reports", "Category")),
            r(QT_TRANSLATE_NOOP("reports", "Method")), "in_fen", "out_fen",
            r(QT_TRANSLATE_NOOP("reports", "In (yuan)")), r(QT_TRANSLATE_NOOP("reports", "Out (yuan)")),
            r(QT_TRANSLATE_NOOP("reports", "Description")), "record_id", "category", "method"]


def _entry_row(t: Translate, e: dict) -> list:
    return [e["seq"], e["date"], _category(t, e["category"]), _method(t, e["method"]),
            e["in_fen"], e["out_fen"], format_fen(e["in_fen"], symbol=False),
            format_fen(e["out_fen"], symbol=False), e["description"], e["record_id"],
            e["category"], e["method"]]


def ledger_csv(doc: dict, t: Translate = _identity) -> bytes:
    """UTF-8 with a BOM, so Excel on a Chinese Windows opens it without garbling."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(_entry_header(t))
    for e in doc["entries"]:
        writer.writerow(_entry_row(t, e))
    totals = doc["totals"]
    writer.writerow([])
    writer.writerow([t("reports", QT_TRANSLATE_NOOP("reports", "Total")), "", "", "",
                     totals["in_fen"], totals["out_fen"], format_fen(totals["in_fen"], symbol=False),
                     format_fen(totals["out_fen"], symbol=False)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def ledger_xlsx(doc: dict, t: Translate = _identity) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = t("reports", QT_TRANSLATE_NOOP("reports", "Ledger")) + " " + doc["month"]
    sheet.append(_entry_header(t))
    for e in doc["entries"]:
        row = _entry_row(t, e)
        row[6], row[7] = _yuan(e["in_fen"]), _yuan(e["out_fen"])
        sheet.append(row)
    for cells in sheet.iter_cols(min_col=7, max_col=8, min_row=2):
        for cell in cells:
            cell.number_format = "0.00"
    sheet.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHI", (7, 11, 22, 14, 10, 10, 11, 11, 40)):
        sheet.column_dimensions[col].width = width
    # The totals in yuan under the catalogue's words, as on the entries sheet (they were fen
    # under "in_fen": English on a Chinese sheet, and figures an officer had to divide).
    summary = book.create_sheet(t("reports", QT_TRANSLATE_NOOP("reports", "Totals")))
    money = [t("reports", QT_TRANSLATE_NOOP("reports", "In")),
             t("reports", QT_TRANSLATE_NOOP("reports", "Out"))]
    summary.append([t("reports", QT_TRANSLATE_NOOP("reports", "Category")), *money])
    for code, v in doc["totals"]["by_category"].items():
        summary.append([_category(t, code), _yuan(v["in_fen"]), _yuan(v["out_fen"])])
    summary.append([])
    summary.append([t("reports", QT_TRANSLATE_NOOP("reports", "Method")), *money])
    for code, v in doc["totals"]["by_method"].items():
        summary.append([_method(t, code), _yuan(v["in_fen"]), _yuan(v["out_fen"])])
    for cells in summary.iter_cols(min_col=2, max_col=3):
        for cell in cells:
            cell.number_format = "0.00"
    summary.column_dimensions["A"].width = 24
    out = io.BytesIO()
    book.save(out)
    return _fixed_times(out.getvalue(), doc["month"])


def _fixed_times(xlsx: bytes, month: str) -> bytes:
    """The workbook with its save time taken out: openpyxl stamps the document properties and
    every zip entry with the moment of saving, so the same month would give other bytes each
    time. The properties say the month's first day; the entries, the zip format's first day."""
    import re
    import zipfile

    stamp = f"{month}-01T00:00:00Z"
    source, out = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", lambda m: m[1] +
                              stamp.encode(), data)
            target.writestr(zipfile.ZipInfo(item.filename, (1980, 1, 1, 0, 0, 0)), data,
                            zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _summary_pages(doc: dict, head: str, title: str, footer: list[str], t: Translate) -> list:
    r = lambda s: t("reports", s)  # noqa: E731
    totals = doc["totals"]
    money = [Column(r(QT_TRANSLATE_NOOP("reports", "Category")), 80), Column(r(QT_TRANSLATE_NOOP("reports", "In")), 33, "right"),
             Column(r(QT_TRANSLATE_NOOP("reports", "Out")), 33, "right"), Column(r(QT_TRANSLATE_NOOP("reports", "Net")), 34, "right")]

    def money_row(label, v):
        return [label, format_fen(v["in_fen"]), format_fen(v["out_fen"]), format_fen(v["in_fen"] - v["out_fen"])]

    rows = [money_row(_category(t, c), v) for c, v in totals["by_category"].items()]
    rows.append(["", "", "", ""])
    rows += [money_row(_method(t, c), v) for c, v in totals["by_method"].items()]
    rows.append(["", "", "", ""])
    rows.append(money_row(r(QT_TRANSLATE_NOOP("reports", "Total")), totals))
    return table_pages(title, head, money, rows, footer, numbered=False)


def _entry_pages(doc: dict, head: str, t: Translate) -> list:
    r = lambda s: t("reports", s)  # noqa: E731
    entries = [Column("#", 13, "right"), Column(r(QT_TRANSLATE_NOOP("reports", "Date")), 14),
               Column(r(QT_TRANSLATE_NOOP("reports", "Category")), 38),
               Column(r(QT_TRANSLATE_NOOP("reports", "Method")), 21),
               Column(r(QT_TRANSLATE_NOOP("reports", "In")), 22, "right"),
               Column(r(QT_TRANSLATE_NOOP("reports", "Out")), 22, "right"),
               Column(r(QT_TRANSLATE_NOOP("reports", "Description")), 50)]
    erows = [[str(e["seq"]), e["date"][5:], _category(t, e["category"]), _method(t, e["method"]),
              format_fen(e["in_fen"], symbol=False) if e["in_fen"] else "",
              format_fen(e["out_fen"], symbol=False) if e["out_fen"] else "", e["description"]]
             for e in doc["entries"]]
    return table_pages(r(QT_TRANSLATE_NOOP("reports", "Ledger entries {month}")).format(month=doc["month"]),
                       head, entries, erows, size=9, numbered=False)


def _title(doc: dict, t: Translate) -> str:
    return t("reports", QT_TRANSLATE_NOOP("reports", "Monthly ledger {month}")).format(month=doc["month"])


def report_pages(report, t: Translate = _identity, lang: str = "en") -> list:
    """The monthly report: summary, courier statement, produce sold upward, then every entry."""
    r = lambda s: t("reports", s)  # noqa: E731
    doc = report.ledger
    head = f"{report.station_name}  {report.station_id}"
    footer = [r(QT_TRANSLATE_NOOP("reports", "Villagers served: {n}    Entries: {entries}")).format(
        n=report.villagers_served, entries=len(doc["entries"]))]
    pages = _summary_pages(doc, head, _title(doc, t), footer, t)

    carriers = [Column(r(QT_TRANSLATE_NOOP("reports", "Courier")), 60),
                Column(r(QT_TRANSLATE_NOOP("reports", "Checked in")), 30, "right"),
                Column(r(QT_TRANSLATE_NOOP("reports", "Picked up")), 30, "right"),
                Column(r(QT_TRANSLATE_NOOP("reports", "Returned")), 30, "right"),
                Column(r(QT_TRANSLATE_NOOP("reports", "Sent")), 30, "right")]
    crow = [[carrier_name(c.carrier, lang), str(c.checked_in), str(c.picked_up), str(c.returned),
             str(c.sent)] for c in report.carriers]
    pages += table_pages(r(QT_TRANSLATE_NOOP("reports", "Parcels by courier {month}")).format(month=report.month),
                         head, carriers, crow, numbered=False)

    produce = [Column(r(QT_TRANSLATE_NOOP("reports", "Product")), 60),
               Column(r(QT_TRANSLATE_NOOP("reports", "Sales")), 30, "right"),
               Column(r(QT_TRANSLATE_NOOP("reports", "Weight")), 40, "right"),
               Column(r(QT_TRANSLATE_NOOP("reports", "Amount")), 50, "right")]
    prow = [[p.product, str(p.sales), Weight(p.weight_g).text(r), format_fen(p.amount_fen)]
            for p in report.produce]
    pages += table_pages(r(QT_TRANSLATE_NOOP("reports", "Produce sold upward {month}")).format(month=report.month),
                         head, produce, prow, numbered=False)
    return number_pages(pages + _entry_pages(doc, head, t))


def ledger_pages(doc: dict, head: str, t: Translate = _identity) -> list:
    """The ledger document alone (what the county center holds): totals, then every entry."""
    footer = [t("reports", QT_TRANSLATE_NOOP("reports", "Entries: {entries}")).format(
        entries=len(doc["entries"]))]
    return number_pages(_summary_pages(doc, head, _title(doc, t), footer, t)
                        + _entry_pages(doc, head, t))


def write_ledger_pdf(doc: dict, out: Path, head: str = "", t: Translate = _identity) -> Path:
    from station_app.reports.pdf import write_pdf

    return write_pdf(ledger_pages(doc, head or doc["station_id"], t), Path(out),
                     title=f"台账 {doc['station_id']} {doc['month']}")


def ledger_bytes(doc: dict, fmt: str, t: Translate = _identity) -> bytes:
    """The ledger document as JSON, CSV or XLSX (the PDF is the fuller monthly report)."""
    renderers = {"json": ledger_json, "csv": lambda d: ledger_csv(d, t),
                 "xlsx": lambda d: ledger_xlsx(d, t)}
    if fmt not in renderers:
        raise ValueError(fmt)
    return renderers[fmt](doc)


def write_report_pdf(report, out: Path, t: Translate = _identity, lang: str = "en") -> Path:
    from station_app.reports.pdf import write_pdf

    return write_pdf(report_pages(report, t, lang), Path(out), title=f"台账 {report.month}")


def export_month(store, month: str, fmt: str, out: Path, t: Translate = _identity,
                 lang: str = "en") -> Path:
    """The month's ledger to a file: the monthly report as PDF, or the document as JSON, CSV or
    XLSX; the same for the command line and the ledger page."""
    from station_app.core import monthly

    out = Path(out)
    if fmt == "pdf":
        return write_report_pdf(monthly.month_report(store, month), out, t, lang)
    data = ledger_bytes(monthly.ledger_document(store, month), fmt, t)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out
