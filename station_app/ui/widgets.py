"""Small pieces every page uses: the message banner, big fields, money and carrier display."""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableView, QTableWidget, QTableWidgetItem, QWidget)

from station_app.core.carriers import BUILTIN, carrier_name
from station_app.core.clock import from_utc_text
from station_app.core.ledger import METHODS
from station_app.core.validate import UnitPrice, Weight, format_fen
from station_app.ui.i18n import t_reports, tr_core

log = logging.getLogger("station_app.ui.banner")
OK_STYLE = "background:#e3f6e8; color:#14532d; border:1px solid #86c99a;"
ERROR_STYLE = "background:#fde8e8; color:#7f1d1d; border:1px solid #e79a9a;"
INFO_STYLE = "background:#eef3fb; color:#1e3a5f; border:1px solid #a9bfdf;"


def sized(widget: QWidget, points: int, bold: bool = False) -> QWidget:
    font = QFont(widget.font())
    font.setPointSize(points)
    font.setBold(bold)
    widget.setFont(font)
    return widget


class Banner(QLabel):
    """One line that says what just happened: green for done, red for refused."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMinimumHeight(48)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setOpenExternalLinks(True)  # "打开文件夹" after a file was written
        sized(self, 15, bold=True)
        self.clear_message()

    def _show(self, text: str, style: str) -> None:
        """Also logged: what the keeper was told, and when, is what support asks first (and
        what the real-window tests wait on)."""
        log.info("banner %s: %s", {OK_STYLE: "ok", ERROR_STYLE: "error"}.get(style, "info"),
                 text.replace("\n", " / "))
        self.setTextFormat(Qt.TextFormat.PlainText)  # a villager's name is never markup
        self.setText(text)
        self.setStyleSheet(f"QLabel {{{style} padding:8px; border-radius:6px;}}")

    def ok(self, text: str) -> None:
        self._show(text, OK_STYLE)

    def saved(self, text: str, path) -> None:
        """A file was written: say so, with a link that opens its folder."""
        self._show(text, OK_STYLE)
        folder = QUrl.fromLocalFile(str(Path(path).parent)).toString()
        link = QCoreApplication.translate("Banner", "Open folder")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(f'{escape(text)}　<a href="{escape(folder)}">{escape(link)}</a>')

    def error(self, text: str) -> None:
        self._show(text, ERROR_STYLE)

    def info(self, text: str) -> None:
        self._show(text, INFO_STYLE)

    def clear_message(self) -> None:
        self.setText(" ")
        self.setStyleSheet("QLabel { padding:8px; }")

    @property
    def kind(self) -> str:
        style = self.styleSheet()
        return "ok" if OK_STYLE in style else "error" if ERROR_STYLE in style else "info"


def main_button(text: str, points: int = 15, height: int = 44) -> QPushButton:
    """A page's main action: big, bold, easy to hit."""
    button = sized(QPushButton(text), points, bold=True)
    button.setMinimumHeight(height)
    return button


def big_edit(placeholder: str, points: int = 16, max_len: int = 60) -> QLineEdit:
    """A field as the counter has them: big type, a clear button, and a length no record
    takes more of (the services check the exact limits, with a message)."""
    edit = QLineEdit()
    edit.setMaxLength(max_len)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    edit.setMinimumHeight(40)
    sized(edit, points)
    return edit


def enter_moves_on(fields: list[QLineEdit], submit) -> None:
    """Enter in a field takes the cursor to the next one, text selected; in the last it
    submits, as on check-in. Choices (combo boxes) are left out: they keep their value."""
    for here, after in zip(fields, fields[1:]):
        here.returnPressed.connect(lambda after=after: (after.setFocus(), after.selectAll()))
    fields[-1].returnPressed.connect(submit)


def money(fen: int) -> str:
    return format_fen(fen)


def weight_words(grams: int, unit: str = "kg") -> str:
    """A weight in the keeper's words, in the unit of its price: "48 斤（24 公斤）"."""
    return Weight(grams, unit).text(t_reports)


def unit_price(fen: int, unit: str) -> str:
    return UnitPrice(fen, unit).text(t_reports)


def lang_code() -> str:
    from PySide6.QtCore import QLocale

    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def carrier_label(code: str) -> str:
    return carrier_name(code, lang_code())


def carrier_combo() -> QComboBox:
    """The built-in carriers until the page is shown with the station's rules (fill_carriers)."""
    combo = sized(QComboBox(), 14)
    fill_carriers(combo, BUILTIN)
    return combo


def fill_carriers(combo: QComboBox, rules) -> None:
    """The carriers of the rules in force (the county may have changed them since), keeping
    the keeper's choice where it still exists."""
    chosen = combo.currentData()
    if [combo.itemData(i) for i in range(combo.count())] == [c.code for c in rules.carriers]:
        return
    combo.clear()
    for c in rules.carriers:
        combo.addItem(carrier_label(c.code), c.code)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))


def coded_combo(labels: dict[str, str], points: int = 13,
                everything: str | None = None) -> QComboBox:
    """A choice among codes shown by their labels (core's words, in the keeper's language);
    ``everything``: a first entry, with no code, that chooses none in particular."""
    combo = sized(QComboBox(), points)
    if everything is not None:
        combo.addItem(everything, None)
    for code, label in labels.items():
        combo.addItem(tr_core(label), code)
    return combo


def method_combo() -> QComboBox:
    """How the villager paid: cash or one of the keeper's wallets."""
    return coded_combo(METHODS)


def right_aligned(*widgets: QWidget) -> QHBoxLayout:
    """A row of buttons at the right edge, under what they act on."""
    row = QHBoxLayout()
    row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    return row


def form(rows: list[tuple[str, QWidget]], points: int = 14) -> QFormLayout:
    """Label–field rows with the labels right-aligned, as every form at the counter has them."""
    layout = QFormLayout()
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    for label, field in rows:
        layout.addRow(sized(QLabel(label), points), field)
    return layout


def local_time(utc_text: str | None, fmt: str = "%m-%d %H:%M") -> str:
    return from_utc_text(utc_text).astimezone().strftime(fmt) if utc_text else ""


def fill_table(table: QTableWidget, rows: list[list[str]], data: list | None = None) -> None:
    """Small, bounded lists only (a search result); long lists use LazyTableModel."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if data is not None and c == 0:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            table.setItem(r, c, item)


def plain_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    return table_style(table)


def lazy_table(model) -> QTableView:
    """A view on a LazyTableModel: rows arrive as the keeper scrolls."""
    view = QTableView()
    view.setModel(model)
    return table_style(view)


def table_style(table):
    """One look for every list: whole rows selected, columns sharing the width, readable text."""
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # columns share the width
    header.setMinimumSectionSize(36)
    table.setAlternatingRowColors(True)
    sized(table, 12)
    return table
