"""台账 — the ledger: every line of money, newest first, filtered by dates, category, payment
method or text, with the totals of what the filter selects; a record's receipt; voiding a record
(keeper only, with a reason); and the month's ledger exported for the county."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QWidget)

from station_app.core.ledger import CATEGORIES, METHODS
from station_app.core.ledger_lines import LineFilter
from station_app.ui import services as svc
from station_app.ui.i18n import tr_core
from station_app.ui.lazy_model import LazyTableModel
from station_app.ui.pages.base import Page
from station_app.ui.files import ask_save_path, file_name
from station_app.ui.printing import t_any
from station_app.ui.scanner import make_scan_field
from station_app.ui.widgets import big_edit, coded_combo, lazy_table, money, sized

EXPORTS = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)", "csv": "CSV (*.csv)",
           "json": "JSON (*.json)"}


def date_edit(day: QDate, fmt: str = "yyyy-MM-dd") -> QDateEdit:
    edit = sized(QDateEdit(day), 14)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(fmt)
    return edit


class LedgerPage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        heading = sized(QLabel(self.tr("Ledger (台账)")), 18, bold=True)
        self._defaults: tuple[QDate, QDate] | None = None
        self.first = date_edit(QDate())
        self.last = date_edit(QDate())
        self.category = coded_combo(CATEGORIES, everything=self.tr("All categories"))
        self.method = coded_combo(METHODS, everything=self.tr("All methods"))
        self.text = make_scan_field(big_edit(self.tr("Text in the description, or a record number"), 13))
        show = sized(QPushButton(self.tr("Show")), 13)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("From"), self.first), (self.tr("To"), self.last)):
            filters.addWidget(sized(QLabel(label), 13))
            filters.addWidget(widget)
        filters.addWidget(self.category, 1)
        filters.addWidget(self.method)
        filters.addWidget(self.text, 2)
        filters.addWidget(show)

        self.totals = sized(QLabel(" "), 14, bold=True)
        store = ctx.store
        self.model = LazyTableModel(
            ctx.worker,
            [self.tr("Date"), self.tr("No."), self.tr("Category"), self.tr("Method"), self.tr("In"),
             self.tr("Out"), self.tr("Description"), self.tr("Record")],
            fetch=lambda after, n: svc.ledger_lines.lines(store, self.filter, after, n),
            key=lambda r: r.key,
            cells=self._cells, on_error=self.show_error, parent=self)
        self.table = lazy_table(self.model)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2, 3, 4, 5, 7):  # the description takes what the figures leave
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.receipt_table = self.table
        self.receipt_button = sized(QPushButton(self.tr("Print receipt (Ctrl+P)")), 13)
        self.receipt_pdf_button = sized(QPushButton(self.tr("Receipt as PDF")), 13)
        self.void_button = sized(QPushButton(self.tr("Void record…")), 13)
        self.month = date_edit(QDate(), "yyyy-MM")
        self.export_format = sized(QComboBox(), 13)
        for fmt in EXPORTS:
            self.export_format.addItem(fmt.upper(), fmt)
        self.export_button = sized(QPushButton(self.tr("Export month…")), 13)
        bottom = QHBoxLayout()
        bottom.addWidget(self.receipt_button)
        bottom.addWidget(self.receipt_pdf_button)
        bottom.addWidget(self.void_button)
        bottom.addStretch(1)
        bottom.addWidget(sized(QLabel(self.tr("Month")), 13))
        bottom.addWidget(self.month)
        bottom.addWidget(self.export_format)
        bottom.addWidget(self.export_button)
        self.arrange(heading, filters, self.banner, self.totals, (self.table, 1), bottom)

        self._follow_today()
        self.filter = self._read_filter()
        show.clicked.connect(self.reload)
        self.text.returnPressed.connect(self.reload)
        for combo in (self.category, self.method):
            combo.currentIndexChanged.connect(self.reload)
        self.receipt_button.clicked.connect(self.print_current)
        self.receipt_pdf_button.clicked.connect(lambda: self.print_current(as_pdf=True))
        self.void_button.clicked.connect(self.void)
        self.export_button.clicked.connect(self.export)

    @property
    def rows(self):
        return self.model.rows

    def receipt_id(self, row) -> str | None:
        return row.line.record_id

    def _follow_today(self) -> None:
        """This month so far, by the station's clock; dates the keeper chose stay as chosen, but
        defaults left untouched follow the clock past midnight and month ends."""
        today = self.ctx.store.clock.now().date()
        defaults = (QDate(today.year, today.month, 1), QDate(today.year, today.month, today.day))
        if self._defaults is None or (self.first.date(), self.last.date()) == self._defaults:
            self.first.setDate(defaults[0])
            self.last.setDate(defaults[1])
            self.month.setDate(defaults[1])
        self._defaults = defaults

    def activate(self) -> None:
        self._follow_today()
        self.void_button.setEnabled(bool(self.ctx.operator and self.ctx.operator.is_keeper))
        self.void_button.setToolTip("" if self.void_button.isEnabled()
                                    else self.tr("Only the keeper (站长) may void a record."))
        self.reload()
        self.text.setFocus()

    def _read_filter(self) -> LineFilter:
        return LineFilter(self.first.date().toString("yyyy-MM-dd"),
                          self.last.date().toString("yyyy-MM-dd"), self.category.currentData(),
                          self.method.currentData(), self.text.text())

    def _cells(self, r) -> list[str]:
        line = r.line
        return [line.date, str(line.seq), tr_core(CATEGORIES.get(line.category, line.category)),
                tr_core(METHODS.get(line.method, line.method)),
                money(line.in_fen) if line.in_fen else "", money(line.out_fen) if line.out_fen else "",
                line.description,
                line.record_id[:8].upper() + (self.tr(" (voided)") if r.voided else "")]

    def reload(self) -> None:
        self.filter = f = self._read_filter()
        if f.first > f.last:
            self.banner.error(self.tr("“From” is after “To”: nothing to show."))
            return
        self.banner.clear_message()
        self.model.reload()
        self.call(lambda: svc.ledger_lines.totals(self.ctx.store, f), lambda t: self.totals.setText(
            self.tr("{n} line(s) · in {in_} · out {out} · net {net}").format(
                n=t.lines, in_=money(t.in_fen), out=money(t.out_fen), net=money(t.in_fen - t.out_fen))))

    def void(self) -> None:
        if not (self.ctx.operator and self.ctx.operator.is_keeper):  # before any question
            self.banner.error(self.tr("Only the keeper (站长) may void a record."))
            return
        chosen = self.selected_row(self.table, self.rows, self.tr("Select a line in the list first."))
        if chosen is None:
            return
        line = chosen.line
        reason = self.ask_text(self.tr("Void a record"), self.tr(
            "Void record {record} ({what})? Every line of it is reversed by new lines; nothing is "
            "deleted. Reason:").format(record=line.record_id[:8].upper(), what=line.description),
            required=True)
        if reason is None:
            return
        store, op = self.ctx.store, self.ctx.op_id
        self.call(lambda: svc.voids.void(store, op, line.record_id, reason),
                  self.after_write(self.tr("Record {record} voided: its lines are reversed.").format(
                      record=line.record_id[:8].upper()), self.reload))

    def export(self) -> None:
        month = self.month.date().toString("yyyy-MM")
        fmt = self.export_format.currentData()
        path = ask_save_path(self, self.ctx.files_dir, self.tr("Export the ledger"), file_name(
            QT_TRANSLATE_NOOP("files", "ledger-{month}.{fmt}"), month=month, fmt=fmt), EXPORTS[fmt])
        if path is None:
            return
        store, lang = self.ctx.store, "zh" if self.ctx.lang.startswith("zh") else "en"

        def work():
            from station_app.reports.ledger_docs import export_month

            return export_month(store, month, fmt, Path(path), t_any, lang)

        self.call(work, lambda out: self.banner.saved(self.tr("Ledger {month} written: {path}").format(
            month=month, path=out), out))
