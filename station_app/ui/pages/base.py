"""What all pages share: a banner for results, background calls, scan routing hooks."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLayout, QLineEdit, QVBoxLayout, QWidget

from station_app.core.validate import clean
from station_app.ui import services as svc
from station_app.ui.context import AppContext
from station_app.ui.i18n import error_text
from station_app.ui.widgets import Banner


class Page(QWidget):
    receipt_table = None  # a money page's list: Ctrl+P prints its selected record's receipt
    rows: list = []

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.banner = Banner()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(16, 12, 16, 12)
        self.layout_.setSpacing(10)

    def arrange(self, *parts) -> None:
        """The page top to bottom: widgets and layouts; a (part, 1) pair takes the spare height."""
        for part in parts:
            item, stretch = part if isinstance(part, tuple) else (part, 0)
            add = self.layout_.addLayout if isinstance(item, QLayout) else self.layout_.addWidget
            add(item, stretch)

    def activate(self) -> None:
        """Called when the page is shown: put the cursor where the keeper starts."""

    def leave(self) -> None:
        """The keeper went to another page: this page's message was for that moment."""
        self.banner.clear_message()

    def watch_inputs(self) -> None:
        """A refusal is about what was typed: once the keeper changes it, the red message goes
        (a confirmation stays until the page is left)."""
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(self._input_changed)

    def _input_changed(self, _text: str) -> None:
        if self.banner.kind == "error":
            self.banner.clear_message()

    def handle_scan(self, text: str) -> bool:
        """A scanner burst arrived while this page is shown; False lets the window look it up."""
        return False

    def type_scan(self, field: QLineEdit, text: str) -> None:
        """A scan typed into ``field`` with its Enter, as the keeper would type it."""
        self.window().scanner.deliver(text, field)

    def name_from_phone(self, phone: QLineEdit, name: QLineEdit) -> None:
        """A known villager's full mobile number fills in their name (unless one is typed)."""
        text = clean(phone.text())
        if len(text) == 11 and text.isdigit():
            def fill(found):
                if found and not clean(name.text()):
                    name.setText(found[0].name)
                    name.selectAll()
            self.call(lambda: svc.people.find_villagers(self.ctx.store, text, limit=1), fill)

    @staticmethod
    def person(phone: QLineEdit, name: QLineEdit) -> dict:
        """Who a record is for, as typed in one phone field: a full mobile, or its last 4."""
        text = clean(phone.text())
        last4 = len(text) == 4
        return dict(name=name.text(), phone=None if last4 else text, last4=text if last4 else None)

    def selected_row(self, table, rows: list, hint: str | None):
        """The item behind the table's selected row; ``hint`` in the banner when none is."""
        row = table.currentIndex().row()  # a QTableWidget or a view on a lazy model
        if 0 <= row < len(rows) and table.selectionModel().hasSelection():
            return rows[row]
        if hint is not None:
            self.banner.info(hint)
        return None

    def print_current(self, as_pdf: bool = False) -> None:
        """Ctrl+P: the receipt of the record selected in the page's list (``as_pdf``: saved as
        a PDF in the keeper's files folder instead)."""
        if self.receipt_table is None:
            self.banner.info(QCoreApplication.translate("Page", "Nothing to print on this page."))
            return
        chosen = self.selected_row(self.receipt_table, self.rows, QCoreApplication.translate(
            "Page", "Select a record in the list first, then print its receipt (Ctrl+P)."))
        if chosen is None:
            return
        record_id = self.receipt_id(chosen)
        if record_id is None:
            self.banner.info(QCoreApplication.translate("Page", "No money changed hands on this one: "
                                                        "there is no receipt to print."))
            return
        from station_app.ui.printing import print_receipt, save_receipt_pdf

        (save_receipt_pdf if as_pdf else print_receipt)(self, self.ctx, record_id)

    def receipt_id(self, row) -> str | None:
        """The money record behind a row of ``receipt_table``."""
        return row.id

    def ask_text(self, title: str, label: str, required: bool = False) -> str | None:
        """One line from the keeper (a reason, an order number); None if they cancel. A required
        answer left empty brings the question straight back, saying so, instead of a refusal."""
        asked = label
        while True:
            text, ok = QInputDialog.getText(self, title, asked)
            if not ok:
                return None
            if text.strip() or not required:
                return text
            asked = label + "\n\n" + QCoreApplication.translate("Page", "This cannot be left empty.")

    def ask_method(self, title: str, label: str, default: str = "cash") -> str | None:
        """How money moves (cash or a wallet), picked from a list; None if they cancel."""
        from station_app.core.ledger import METHODS
        from station_app.ui.i18n import tr_core

        codes = list(METHODS)
        labels = [tr_core(METHODS[c]) for c in codes]
        chosen, ok = QInputDialog.getItem(self, title, label, labels, codes.index(default), False)
        return codes[labels.index(chosen)] if ok else None

    def after_write(self, message: str, then: Callable[[], None] | None = None):
        """A done-callback for a write: say so in green, then refresh what shows it."""
        def done(_result):
            if then is not None:
                then()
            self.banner.ok(message)  # after: a refresh may clear the banner
        return done

    def call(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run ``fn`` on the DB worker; a refusal shows in the banner unless handled."""
        self.ctx.worker.run(fn, on_done, on_error or self.show_error, owner=self)

    def show_error(self, exc: BaseException) -> None:
        """A refusal or failure from the DB worker, in the keeper's language."""
        self.banner.error(error_text(exc))
