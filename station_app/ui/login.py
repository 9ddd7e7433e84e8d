"""Login at start and after the idle lock; the first-run set-up when there is no keeper yet."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout, QWidget)

from station_app.core.errors import UserError
from station_app.core.messages import FIELD_NEEDED, PINS_DIFFER
from station_app.ui import services as svc
from station_app.ui.context import AppContext
from station_app.ui.i18n import error_text
from station_app.ui.scanner import latin_field
from station_app.ui.widgets import Banner, big_edit, sized


def _pin_edit(placeholder: str) -> QLineEdit:
    edit = latin_field(big_edit(placeholder, 18))
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(8)
    return edit


class LoginDialog(QDialog):
    """Choose who you are, type your PIN. Also the unlock screen after the idle lock."""

    def __init__(self, ctx: AppContext, operators: list[svc.people.OperatorInfo],
                 parent: QWidget | None = None, locked: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.locked = locked
        self.setWindowTitle(self.tr("Log in"))  # Qt adds " — 村站助手"
        self.setMinimumWidth(460)
        self.who = QComboBox()
        sized(self.who, 16)
        for op in operators:
            role = self.tr("Keeper") if op.is_keeper else self.tr("Assistant")
            self.who.addItem(f"{op.name}（{role}）", op)
        if ctx.operator is not None:  # unlocking: the one who was at the counter comes first
            self.who.setCurrentIndex(next(
                (i for i, op in enumerate(operators) if op.id == ctx.operator.id), 0))
        self.pin = _pin_edit(self.tr("PIN"))
        self.banner = Banner()
        title = self.tr("The counter is locked. Enter your PIN to continue.") if locked else \
            self.tr("Who is at the counter?")
        layout = QVBoxLayout(self)
        layout.addWidget(sized(QLabel(title), 15, bold=True))
        form = QFormLayout()
        form.addRow(sized(QLabel(self.tr("Operator")), 14), self.who)
        form.addRow(sized(QLabel(self.tr("PIN")), 14), self.pin)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        if not locked:
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pin.returnPressed.connect(self.try_login)
        self.pin.setFocus()

    def reject(self) -> None:
        """Esc or the close box: at start that means "don't start"; on the lock screen the PIN
        is the only way past."""
        if not self.locked:
            super().reject()

    def try_login(self) -> None:
        op, pin = self.who.currentData(), self.pin.text()
        self.setEnabled(False)

        def done(who):
            self.ctx.operator = who
            self.setEnabled(True)
            self.accept()

        def failed(exc):
            self.setEnabled(True)
            self.banner.error(error_text(exc))
            self.pin.clear()
            self.pin.setFocus()

        self.ctx.worker.run(lambda: svc.people.login(self.ctx.store, op.id, pin), done, failed,
                            owner=self)


class FirstRunDialog(QDialog):
    """A new station: its name, the keeper and a PIN, and three shelves to start with."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Set up this station"))
        self.setMinimumWidth(520)
        self.station_name = big_edit(self.tr("e.g. 石门村电商服务站"), 14)
        self.keeper = big_edit(self.tr("Your name"), 14)
        self.pin = _pin_edit(self.tr("4–8 digits"))
        self.pin2 = _pin_edit(self.tr("The same PIN again"))
        self.banner = Banner()
        layout = QVBoxLayout(self)
        layout.addWidget(sized(QLabel(self.tr("Welcome! Set up the station once; you can change it later in Settings.")), 13))
        form = QFormLayout()
        form.addRow(self.tr("Station name"), self.station_name)
        form.addRow(self.tr("Keeper (站长)"), self.keeper)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin2)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def create(self) -> None:
        if self.pin.text() != self.pin2.text():
            self.banner.error(error_text(UserError(PINS_DIFFER)))
            return
        name, keeper, pin, store = self.station_name.text(), self.keeper.text(), self.pin.text(), self.ctx.store
        station_field = self.tr("Station name")

        def work():
            if not name.strip():
                raise UserError(FIELD_NEEDED, field=station_field)
            people = svc.people
            op = people.create_operator(store, people.SYSTEM, keeper, people.KEEPER, pin)
            svc.settings.change_settings(store, op.id, station_name=name.strip())
            for code in "ABC":
                svc.shelves.add_shelf(store, op.id, code, 4, 30)
            return op

        def done(op):
            self.ctx.operator = op
            self.accept()

        self.ctx.worker.run(work, done, lambda e: self.banner.error(error_text(e)), owner=self)


class IdleWatcher(QObject):
    """Locks the counter after N idle minutes (any key or click counts as activity)."""

    idle = Signal()
    ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}

    def __init__(self, minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() in self.ACTIVITY and self.minutes > 0:
            self.timer.start(self.minutes * 60_000)
        return False

