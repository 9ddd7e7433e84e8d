"""What all pages share: a banner for results, background calls, scan routing hooks."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QLayout, QLineEdit, QVBoxLayout, QWidget

from station_app.core.validate import clean
from station_app.ui import services as svc
from station_app.ui.context import AppContext
from station_app.ui.i18n import error_text
from station_app.ui.widgets import Banner


class Page(QWidget):
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

    def handle_scan(self, text: str) -> bool:
        """A scanner burst arrived while this page is shown; False lets the window look it up."""
        return False

    def name_from_phone(self, phone: QLineEdit, name: QLineEdit) -> None:
        """A known villager's full mobile number fills in their name (unless one is typed)."""
        text = clean(phone.text())
        if len(text) == 11 and text.isdigit():
            def fill(found):
                if found and not clean(name.text()):
                    name.setText(found[0].name)
                    name.selectAll()
            self.call(lambda: svc.people.find_villagers(self.ctx.store, text, limit=1), fill)

    def selected_row(self, table, rows: list, hint: str):
        """The item behind the table's selected row; ``hint`` in the banner when none is."""
        row = table.currentRow()
        if 0 <= row < len(rows) and table.selectionModel().hasSelection():
            return rows[row]
        self.banner.info(hint)
        return None

    def call(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run ``fn`` on the DB worker; a refusal shows in the banner unless handled."""
        self.ctx.worker.run(fn, on_done, on_error or (lambda e: self.banner.error(error_text(e))),
                            owner=self)
