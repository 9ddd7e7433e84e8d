"""Receipts on 58 mm and 80 mm roll paper (one page as long as the receipt), for every money
record and the Z report. Drawn by reportlab to PDF and by Qt to the receipt printer's driver
from the same layout (:mod:`station_app.reports.layout`)."""

from __future__ import annotations

from typing import Callable

from station_app.core.ledger import CATEGORIES, METHODS
from station_app.core.messages import QT_TRANSLATE_NOOP
from station_app.core.validate import format_fen, shown
from station_app.reports.layout import Page, fit, text_units
from station_app.reports.parcel_docs import _local

Translate = Callable[[str, str], str]
WIDTHS = (58, 80)
TITLES = {
    "send": QT_TRANSLATE_NOOP("reports", "Send receipt"),
    "pickup": QT_TRANSLATE_NOOP("reports", "Storage fee receipt"),
    "purchase": QT_TRANSLATE_NOOP("reports", "Agent purchase receipt"),
    "produce_intake": QT_TRANSLATE_NOOP("reports", "Produce intake slip"),
    "produce_sale": QT_TRANSLATE_NOOP("reports", "Produce sale receipt"),
    "produce_payout": QT_TRANSLATE_NOOP("reports", "Consignment payout slip"),
    "bill_payment": QT_TRANSLATE_NOOP("reports", "Bill payment receipt"),
    "service_record": QT_TRANSLATE_NOOP("reports", "Service receipt"),
    "cash_move": QT_TRANSLATE_NOOP("reports", "Cash drawer slip"),
}


def _identity(_context: str, text: str) -> str:
    return text


class _Roll:
    """A receipt written top to bottom; the page is cut to the length used."""

    def __init__(self, width: float):
        if width not in WIDTHS:
            raise ValueError(f"receipt paper is 58 or 80 mm, not {width}")
        self.width, self.margin, self.y = width, 2.5 if width == 58 else 4.0, 2.0
        self.paper = Page(width, 0)
        self.size = 8.0 if width == 58 else 9.5

    @property
    def inner(self) -> float:
        return self.width - 2 * self.margin

    def centre(self, text: str, size: float, bold: bool = False) -> None:
        self.y += size * 0.3528 * 1.5
        self.paper.text(self.width / 2, self.y, fit(text, size, self.inner), size, bold=bold, align="center")

    def pair(self, left: str, right: str, size: float | None = None, bold: bool = False) -> None:
        size = size or self.size
        self.y += size * 0.3528 * 1.55
        right = fit(right, size, self.inner * 0.62)
        room = self.inner - text_units(right) * size * 0.3528 - 1.5  # the left gets what is left
        self.paper.text(self.margin, self.y, fit(left, size, room), size, bold=bold)
        self.paper.text(self.width - self.margin, self.y, right, size, bold=bold, align="right")

    def rule(self) -> None:
        self.y += 1.6
        self.paper.line(self.margin, self.y, self.width - self.margin, self.y, 0.2)
        self.y += 0.4

    def qr(self, data: str, caption: str) -> None:
        side = min(self.inner - 8, 34.0)
        self.y += 2
        self.paper.qr((self.width - side) / 2, self.y, side, data)
        self.y += side
        self.centre(caption, self.size - 1.5)

    def page(self) -> Page:
        self.paper.height = self.y + 6
        return self.paper


def receipt_pages(receipt, width: int = 58, t: Translate = _identity) -> list[Page]:
    r = lambda s: t("reports", s)  # noqa: E731
    roll = _Roll(width)
    roll.centre(receipt.station_name, roll.size + 1.5, bold=True)
    roll.centre(receipt.station_id, roll.size - 1)
    roll.centre(r(TITLES.get(receipt.table, receipt.table)), roll.size + 2.5, bold=True)
    if receipt.voided:
        roll.centre(r(QT_TRANSLATE_NOOP("reports", "VOIDED")), roll.size + 4, bold=True)
    roll.rule()
    for label, value in receipt.details:
        roll.pair(r(label), shown(value, r))
    roll.rule()
    for category, method, fen in receipt.lines:
        roll.pair(t("core", CATEGORIES.get(category, category)) + " · "
                  + t("core", METHODS.get(method, method)), format_fen(fen))
    if receipt.lines:
        roll.rule()
        total_label = (QT_TRANSLATE_NOOP("reports", "Received") if receipt.total_fen >= 0
                       else QT_TRANSLATE_NOOP("reports", "Paid out"))
        roll.pair(r(total_label), format_fen(abs(receipt.total_fen)), roll.size + 2.5, bold=True)
    else:  # a consignment taken in: paid after the sale
        roll.centre(r(QT_TRANSLATE_NOOP("reports", "No money changed hands")), roll.size, bold=True)
    roll.rule()
    roll.pair(r(QT_TRANSLATE_NOOP("reports", "Time")), _local(receipt.at) if receipt.at else "")
    roll.pair(r(QT_TRANSLATE_NOOP("reports", "Operator")), receipt.operator)
    roll.pair(r(QT_TRANSLATE_NOOP("reports", "No.")), receipt.short_no)
    roll.qr(receipt.qr, r(QT_TRANSLATE_NOOP("reports", "Scan to check this receipt")))
    return [roll.page()]


def z_report_pages(report, width: int = 80, t: Translate = _identity) -> list[Page]:
    """The day's close on roll paper: float, cash per category, counted, difference, and the
    totals per payment method for reconciling the keeper's phone wallets."""
    r = lambda s: t("reports", s)  # noqa: E731
    d = report.drawer
    roll = _Roll(width)
    roll.centre(report.station_name, roll.size + 1.5, bold=True)
    roll.centre(report.station_id, roll.size - 1)
    roll.centre(r(QT_TRANSLATE_NOOP("reports", "Z report")) + ("  " + r(QT_TRANSLATE_NOOP(
        "reports", "No. {n}")).format(n=d.z_no) if d.z_no else ""),
                roll.size + 2.5, bold=True)
    roll.centre(d.business_date, roll.size)
    roll.rule()
    roll.pair(r(QT_TRANSLATE_NOOP("reports", "Float")), format_fen(d.float_fen))
    for total in report.cash_by_category:
        roll.pair(t("core", CATEGORIES.get(total.key, total.key)), format_fen(total.net_fen))
    roll.rule()
    roll.pair(r(QT_TRANSLATE_NOOP("reports", "Cash expected")), format_fen(d.expected_fen or 0), bold=True)
    if d.counted_fen is not None:
        roll.pair(r(QT_TRANSLATE_NOOP("reports", "Cash counted")), format_fen(d.counted_fen), bold=True)
        roll.pair(r(QT_TRANSLATE_NOOP("reports", "Difference")), format_fen(d.difference_fen), bold=True)
    roll.rule()
    roll.centre(r(QT_TRANSLATE_NOOP("reports", "By payment method (in / out)")), roll.size)
    for total in report.by_method:
        roll.pair(t("core", METHODS.get(total.key, total.key)),
                  f"{format_fen(total.in_fen)} / {format_fen(total.out_fen)}")
    roll.rule()
    roll.pair(r(QT_TRANSLATE_NOOP("reports", "Records")), str(report.records))
    roll.pair(r(QT_TRANSLATE_NOOP("reports", "Opened")), _local(d.opened_at))
    if d.closed_at:
        roll.pair(r(QT_TRANSLATE_NOOP("reports", "Closed")), _local(d.closed_at))
    return [roll.page()]
