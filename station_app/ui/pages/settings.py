"""设置 — settings: the station (name, overdue rules), shelves, who works the counter, and this
PC (language, idle lock, backup folder). Only the keeper may change them; the services refuse an
assistant, and the page says so."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from station_app.core import messages as m
from station_app.core.errors import UserError
from station_app.core.validate import format_fen, parse_money, parse_pin
from station_app.ui import services as svc
from station_app.ui.i18n import LANGUAGES
from station_app.ui.files import default_files_dir
from station_app.ui.pages.base import Page
from station_app.ui.widgets import fill_table, form, plain_table, right_aligned, sized


def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = sized(QSpinBox(), 13)
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


def _edit(placeholder: str = "", password: bool = False) -> QLineEdit:
    edit = sized(QLineEdit(), 13)
    edit.setPlaceholderText(placeholder)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(8)
    return edit


def _group(title: str, *parts) -> QGroupBox:
    box = sized(QGroupBox(title), 13, bold=True)
    layout = QVBoxLayout(box)
    for part in parts:
        (layout.addLayout if not isinstance(part, QWidget) else layout.addWidget)(part)
    return box


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    return right_aligned(*(sized(b, 13) for b in buttons))


class SettingsPage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.on_idle_changed = None  # set by the window: applies the idle lock at once
        self.on_station_changed = None
        heading = sized(QLabel(self.tr("Settings")), 18, bold=True)

        self.station_name = _edit()
        self.station_id = _edit(self.tr("Given by the county centre"))
        self.free_days = _spin(0, 60, self.tr(" day(s)"))
        self.fee = _edit(self.tr("yuan a day, e.g. 0.5"))
        save_station = QPushButton(self.tr("Save station"))
        self.county_note = sized(QLabel(), 12)
        self.county_note.setWordWrap(True)
        self.county_note.hide()
        station_box = _group(self.tr("Station"), form(
            [(self.tr("Station name"), self.station_name), (self.tr("Station code"), self.station_id),
             (self.tr("Free storage"), self.free_days), (self.tr("Fee after that"), self.fee)], 13),
            self.county_note, _buttons(save_station))

        self.language = sized(QComboBox(), 13)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.idle = _spin(0, 240, self.tr(" min (0 = never)"))
        self.backup_dir = _edit(self.tr("The data folder's “backups”"))
        folder_widget = self._folder_row(self.backup_dir, self.tr("Backup folder"))
        self.files_dir = _edit(str(default_files_dir()))
        files_widget = self._folder_row(self.files_dir, self.tr("Folder for files"))
        self.keep = _spin(1, 365, self.tr(" copies"))
        self.receipt_mm = sized(QComboBox(), 13)
        for mm in (58, 80):
            self.receipt_mm.addItem(self.tr("{mm} mm roll").format(mm=mm), mm)
        save_local = QPushButton(self.tr("Save"))
        backup_now = QPushButton(self.tr("Back up now"))
        local_box = _group(self.tr("This computer"), form(
            [(self.tr("Language"), self.language), (self.tr("Lock when idle"), self.idle),
             (self.tr("Backup folder"), folder_widget), (self.tr("Keep daily backups"), self.keep),
             (self.tr("Files (exports, papers)"), files_widget),
             (self.tr("Receipt printer paper"), self.receipt_mm)],
            13), _buttons(backup_now, save_local))

        self.shelf_table = plain_table([self.tr("Shelf"), self.tr("Layers"), self.tr("Per layer"),
                                        self.tr("Capacity"), self.tr("In stock")])
        self.shelf_code = _edit(self.tr("e.g. D"))
        self.shelf_code.setMaxLength(2)
        self.layers = _spin(1, 9)
        self.per_layer = _spin(1, 500)
        shelf_form = QHBoxLayout()
        for label, w in ((self.tr("Shelf"), self.shelf_code), (self.tr("Layers"), self.layers),
                         (self.tr("Per layer"), self.per_layer)):
            shelf_form.addWidget(sized(QLabel(label), 13))
            shelf_form.addWidget(w)
        save_shelf = sized(QPushButton(self.tr("Add or change shelf")), 13)
        shelf_form.addWidget(save_shelf)
        shelf_box = _group(self.tr("Shelves"), self.shelf_table, shelf_form)

        self.operator_table = plain_table([self.tr("Name"), self.tr("Role")])
        self.op_name = _edit(self.tr("Name"))
        self.op_role = sized(QComboBox(), 13)
        self.op_role.addItem(self.tr("Assistant"), svc.people.ASSISTANT)
        self.op_role.addItem(self.tr("Keeper"), svc.people.KEEPER)
        self.op_pin = _edit(self.tr("PIN, 4–8 digits"), password=True)
        self.op_pin2 = _edit(self.tr("PIN again"), password=True)
        add_op = QPushButton(self.tr("Add operator"))
        op_row = QHBoxLayout()
        for w in (self.op_name, self.op_role, self.op_pin, self.op_pin2):
            op_row.addWidget(w)
        operator_box = _group(self.tr("Operators"), self.operator_table, op_row, _buttons(add_op))

        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(station_box, 0, 0)
        grid.addWidget(local_box, 0, 1)
        grid.addWidget(shelf_box, 1, 0)
        grid.addWidget(operator_box, 1, 1)
        grid.setRowStretch(1, 1)
        self.arrange(heading, self.banner, (grid, 1))
        self.keeper_only = (station_box, local_box, shelf_box, operator_box)

        save_station.clicked.connect(self.save_station)
        save_local.clicked.connect(self.save_local)
        backup_now.clicked.connect(self.backup_now)
        save_shelf.clicked.connect(self.save_shelf)
        add_op.clicked.connect(self.add_operator)
        self.shelf_table.cellClicked.connect(self._shelf_picked)
        self.shelf_list: list[svc.shelves.ShelfInfo] = []

    def activate(self) -> None:
        """An assistant sees the settings but cannot change them: told before filling anything
        in, not refused after."""
        keeper = bool(self.ctx.operator and self.ctx.operator.is_keeper)
        for box in self.keeper_only:
            box.setEnabled(keeper)
        if not keeper:
            self.banner.info(self.tr("Only the keeper (站长) can change the settings."))
        self.load()
        self.station_name.setFocus()

    def load(self) -> None:
        store = self.ctx.store

        def work():
            return (svc.settings.station_settings(store), svc.settings.local_prefs(store),
                    svc.shelves.shelves(store), svc.people.operators(store))

        def show(result):
            s, prefs, shelf_list, ops = result
            self.station_name.setText(s.station_name)
            self.station_id.setText(s.station_id)
            self.free_days.setValue(s.free_days)
            self.fee.setText(format_fen(s.overdue_fee_fen, symbol=False))
            county = store.config
            for field in (self.free_days, self.fee):
                field.setEnabled(county.overdue is None)
            self.county_note.setVisible(county.overdue is not None)
            self.county_note.setText(self.tr(
                "The county center sets the overdue rules (configuration version {version}).")
                .format(version=county.version))
            self.language.setCurrentIndex(max(self.language.findData(prefs.language), 0))
            self.idle.setValue(prefs.idle_lock_min)
            self.backup_dir.setText(prefs.backup_dir)
            self.files_dir.setText(prefs.files_dir)
            self.keep.setValue(prefs.backup_keep)
            self.receipt_mm.setCurrentIndex(max(self.receipt_mm.findData(prefs.receipt_mm), 0))
            self.show_shelves(shelf_list)
            fill_table(self.operator_table, [[o.name, self.tr("Keeper") if o.is_keeper
                                              else self.tr("Assistant")] for o in ops])

        self.call(work, show)

    def show_shelves(self, shelf_list: list[svc.shelves.ShelfInfo]) -> None:
        self.shelf_list = shelf_list
        fill_table(self.shelf_table, [[s.code, str(s.layers), str(s.per_layer), str(s.capacity),
                                       str(s.in_stock)] for s in shelf_list])

    def _shelf_picked(self, row: int, _col: int) -> None:
        s = self.shelf_list[row]
        self.shelf_code.setText(s.code)
        self.layers.setValue(s.layers)
        self.per_layer.setValue(s.per_layer)

    def save_station(self) -> None:
        values = dict(station_name=self.station_name.text().strip(),
                      station_id=self.station_id.text().strip(), free_days=self.free_days.value())
        fee, store, op = self.fee.text(), self.ctx.store, self.ctx.op_id
        field = self.tr("Station name")

        def work():
            if not values["station_name"]:
                raise UserError(m.FIELD_NEEDED, field=field)
            return svc.settings.change_settings(
                store, op, overdue_fee_fen=parse_money(fee, high=100_00), **values)

        def done(_s):
            self.banner.ok(self.tr("Station settings saved."))
            if self.on_station_changed:
                self.on_station_changed()
        self.call(work, done)

    def save_local(self) -> None:
        values = dict(language=self.language.currentData(), idle_lock_min=self.idle.value(),
                      backup_dir=self.backup_dir.text().strip(), backup_keep=self.keep.value(),
                      receipt_mm=self.receipt_mm.currentData(), files_dir=self.files_dir.text().strip())
        store, op = self.ctx.store, self.ctx.op_id

        def done(prefs):
            restart = prefs.language != self.ctx.lang
            self.banner.ok(self.tr("Saved for this computer.") + (
                self.tr(" The language changes the next time the app starts.") if restart else ""))
            if self.on_idle_changed:
                self.on_idle_changed(prefs.idle_lock_min)
            self.ctx.files_dir = prefs.files_dir
        self.call(lambda: svc.settings.change_local_prefs(store, op, **values), done)

    def _folder_row(self, edit: QLineEdit, title: str) -> QWidget:
        """A folder's path with a button that picks it (empty: the default the field shows)."""
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(lambda: self._choose_folder(edit, title))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        layout.addWidget(choose)
        return row

    def _choose_folder(self, edit: QLineEdit, title: str) -> None:
        path = QFileDialog.getExistingDirectory(self, title, edit.text() or edit.placeholderText())
        if path:
            edit.setText(path)

    def backup_now(self) -> None:
        self.call(self.ctx.station.backup_now, lambda path: self.banner.ok(
            self.tr("Backup written: {path}").format(path=str(path))))

    def save_shelf(self) -> None:
        code, layers, per = self.shelf_code.text(), self.layers.value(), self.per_layer.value()
        store, op = self.ctx.store, self.ctx.op_id

        def work():
            shelves = svc.shelves
            known = {s.code for s in shelves.shelves(store)}
            change = shelves.change_shelf if code.strip().upper() in known else shelves.add_shelf
            saved = change(store, op, code, layers, per)
            return saved, shelves.shelves(store)

        def done(result):
            saved, shelf_list = result
            self.show_shelves(shelf_list)
            self.banner.ok(self.tr("Shelf {code} saved: {layers} layers × {per} = {cap} places.").format(
                code=saved.code, layers=saved.layers, per=saved.per_layer, cap=saved.capacity))
        self.call(work, done)

    def add_operator(self) -> None:
        name, role = self.op_name.text(), self.op_role.currentData()
        pin, again = self.op_pin.text(), self.op_pin2.text()
        store, op = self.ctx.store, self.ctx.op_id

        def work():
            parse_pin(pin)
            if pin != again:
                raise UserError(m.PINS_DIFFER)
            return svc.people.create_operator(store, op, name, role, pin)

        def done(created):
            for w in (self.op_name, self.op_pin, self.op_pin2):
                w.clear()
            self.banner.ok(self.tr("{name} can now log in.").format(name=created.name))
            self.load()
        self.call(work, done)
