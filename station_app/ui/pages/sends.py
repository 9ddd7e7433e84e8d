"""寄件 — sends: take a villager's parcel with the real-name and inspection checks ticked, keep it
until the courier comes, then hand every waiting send of that company over on one signed manifest."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget)

from station_app.core.validate import clean, parse_kg, parse_money
from station_app.reports.parcel_docs import manifest_pages
from station_app.ui import services as svc
from station_app.ui.pages.base import Page
from station_app.ui.files import file_name
from station_app.ui.printing import PaperDialog, t_reports
from station_app.ui.scanner import latin_field, make_scan_field
from station_app.ui.widgets import (big_edit, carrier_combo, carrier_label, fill_carriers, fill_table, form,
                                    local_time, main_button, method_combo, money, plain_table,
                                    sized, weight_words, enter_moves_on)


class SendsPage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.waiting: list[svc.sends.SendInfo] = []
        self.paper: PaperDialog | None = None  # the last manifest shown
        heading = sized(QLabel(self.tr("Send a parcel")), 18, bold=True)
        self.sender_phone = latin_field(big_edit(self.tr("Sender's mobile number"), 14))
        self.sender_name = big_edit(self.tr("Sender's name"), 14)
        self.receiver_name = big_edit(self.tr("Receiver's name"), 14)
        self.receiver_phone = big_edit(self.tr("Receiver's phone"), 14)
        self.address = big_edit(self.tr("Province, city, county, street and number"), 14, 200)
        self.item = big_edit(self.tr("What is inside, e.g. clothes, dried mushrooms"), 14, 80)
        self.weight = big_edit(self.tr("kg, e.g. 1.5"), 14)
        self.carrier = carrier_combo()
        self.fee = big_edit(self.tr("Fee in yuan, e.g. 12"), 14)
        self.method = method_combo()
        self.tracking = make_scan_field(big_edit(self.tr("Scan the waybill (can be added later)"), 14))
        self.id_checked = sized(QCheckBox(self.tr("&ID card seen (实名)")), 14, bold=True)
        self.id_kind = sized(QComboBox(), 13)
        self.id_kind.addItem(self.tr("Resident ID card"), "resident_id")
        self.id_kind.addItem(self.tr("Other ID"), "other_id")
        self.inspected = sized(QCheckBox(self.tr("Contents in&spected (验视)")), 14, bold=True)
        self.accept_button = main_button(self.tr("Accept send (Enter)"))
        # Ticked with Alt+I / Alt+S (or the mouse) while the cursor stays in the form's fields.
        for box in (self.id_checked, self.inspected):
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        checks = QHBoxLayout()
        checks.addWidget(self.id_checked)
        checks.addWidget(self.id_kind)
        checks.addStretch(1)
        checks.addWidget(self.inspected)
        left = form([(self.tr("Sender phone"), self.sender_phone),
                     (self.tr("Sender"), self.sender_name),
                     (self.tr("Receiver"), self.receiver_name),
                     (self.tr("Receiver phone"), self.receiver_phone),
                     (self.tr("Address"), self.address)])
        right = form([(self.tr("Item"), self.item), (self.tr("Weight"), self.weight),
                      (self.tr("Courier"), self.carrier), (self.tr("Fee"), self.fee),
                      (self.tr("Paid by"), self.method), (self.tr("Tracking no."), self.tracking)])
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)

        self.count = sized(QLabel(), 14, bold=True)
        self.set_tracking_button = QPushButton(self.tr("Add tracking no."))
        self.cancel_button = QPushButton(self.tr("Cancel and refund"))
        self.hand_over_button = sized(QPushButton(self.tr("Courier collects…")), 13, bold=True)
        bar = QHBoxLayout()
        bar.addWidget(self.count)
        bar.addStretch(1)
        for b in (self.set_tracking_button, self.cancel_button, self.hand_over_button):
            sized(b, 13)
            bar.addWidget(b)
        self.table = plain_table([self.tr("Accepted"), self.tr("Sender"), self.tr("Receiver"),
                                  self.tr("Destination"), self.tr("Item"), self.tr("Weight"),
                                  self.tr("Courier"), self.tr("Fee"), self.tr("Tracking no.")])

        self.arrange(heading, columns, checks, self.accept_button, self.banner, bar,
                     (self.table, 1))

        # Enter walks down the form, as on paper; the last field accepts.
        enter_moves_on(list(self._form_fields()), self.accept_send)
        self.sender_phone.returnPressed.connect(
            lambda: self.name_from_phone(self.sender_phone, self.sender_name))
        self.accept_button.clicked.connect(self.accept_send)
        self.set_tracking_button.clicked.connect(self.add_tracking)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.hand_over_button.clicked.connect(self.hand_over)

    def activate(self) -> None:
        fill_carriers(self.carrier, self.ctx.store.config.carriers)
        self.refresh()
        self.sender_phone.setFocus()

    def handle_scan(self, text: str) -> bool:
        """A waybill scanned while a send is being written is its tracking number: scanned in
        运单号, it is typed there with its Enter (which accepts the send, as typing would); scanned
        elsewhere in the form, it fills 运单号 and the cursor stays where the keeper was. With an
        empty form the window looks the number up as anywhere else."""
        if self.tracking.hasFocus():
            self.type_scan(self.tracking, text)
            return True
        if any(clean(f.text()) for f in self._form_fields()):
            self.tracking.setText(text)
            return True
        return False

    def _form_fields(self):
        return (self.sender_phone, self.sender_name, self.receiver_name, self.receiver_phone,
                self.address, self.item, self.weight, self.fee, self.tracking)

    def refresh(self) -> None:
        def show(rows):
            self.waiting = rows
            fill_table(self.table, [[local_time(s.accepted_at), s.sender_name, s.receiver_name,
                                     s.receiver_address, s.item, weight_words(s.weight_g),
                                     carrier_label(s.carrier), money(s.fee_fen), s.tracking_no or ""]
                                    for s in rows])
            self.count.setText(self.tr("Waiting for the courier: {n}").format(n=len(rows)))
        self.call(lambda: svc.sends.open_sends(self.ctx.store), show)

    def accept_send(self) -> None:
        values = dict(sender_name=self.sender_name.text(), sender_phone=self.sender_phone.text(),
                      receiver_name=self.receiver_name.text(),
                      receiver_phone=self.receiver_phone.text(), receiver_address=self.address.text(),
                      item=self.item.text(), carrier=self.carrier.currentData(),
                      method=self.method.currentData(), id_checked=self.id_checked.isChecked(),
                      id_kind=self.id_kind.currentData(), inspected=self.inspected.isChecked(),
                      tracking_no=self.tracking.text())
        weight, fee, store, op = self.weight.text(), self.fee.text(), self.ctx.store, self.ctx.op_id

        def work():
            return svc.sends.accept_send(store, op, weight_g=parse_kg(weight),
                                         fee_fen=parse_money(fee), **values)

        def done(s: svc.sends.SendInfo):
            self.banner.ok(self.tr("Accepted: {item} from {sender} to {receiver}, {fee} ({courier}).")
                           .format(item=s.item, sender=s.sender_name, receiver=s.receiver_name,
                                   fee=money(s.fee_fen), courier=carrier_label(s.carrier)))
            for f in self._form_fields():
                f.clear()
            self.id_checked.setChecked(False)
            self.inspected.setChecked(False)
            self.refresh()
            self.sender_phone.setFocus()

        self.call(work, done)

    def selected(self) -> svc.sends.SendInfo | None:
        return self.selected_row(self.table, self.waiting, self.tr("Select a send in the list first."))

    def add_tracking(self) -> None:
        s = self.selected()
        if s is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Tracking no."),
                                        self.tr("Scan or type the waybill number for {item} to {receiver}:")
                                        .format(item=s.item, receiver=s.receiver_name))
        if ok:
            store, op = self.ctx.store, self.ctx.op_id
            self.call(lambda: svc.sends.set_tracking(store, op, s.id, text),
                      lambda _r: (self.banner.ok(self.tr("Tracking number saved.")), self.refresh()))

    def cancel_selected(self) -> None:
        s = self.selected()
        if s is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Cancel send"),
            self.tr("Why is {sender} taking it back? {fee} is refunded by {method}.").format(
                sender=s.sender_name, fee=money(s.fee_fen), method=self.method.itemText(
                    max(self.method.findData(s.method), 0))))
        if ok:
            store, op = self.ctx.store, self.ctx.op_id
            self.call(lambda: svc.sends.cancel_send(store, op, s.id, reason),
                      lambda _r: (self.banner.ok(self.tr("Cancelled. Give back {fee}.").format(
                          fee=money(s.fee_fen))), self.refresh()))

    def hand_over(self) -> None:
        carriers = list(dict.fromkeys(s.carrier for s in self.waiting))
        if not carriers:
            self.banner.info(self.tr("Nothing is waiting for a courier."))
            return
        dialog = HandOverDialog(carriers, self.waiting, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.collect(dialog.carrier.currentData(), dialog.courier.text())

    def collect(self, carrier: str, courier: str) -> None:
        store, op = self.ctx.store, self.ctx.op_id

        def work():
            manifest = svc.sends.hand_over(store, op, carrier, courier)
            name = svc.settings.station_settings(store).station_name
            return manifest, manifest_pages(manifest, name, t_reports)

        def done(result):
            manifest, pages = result
            self.refresh()
            self.banner.ok(self.tr("{n} send(s) handed to {courier}. Print the manifest for signing.")
                           .format(n=len(manifest.sends), courier=carrier_label(manifest.carrier)))
            self.paper = paper = PaperDialog(self, self.tr("Hand-over manifest"), file_name(
                QT_TRANSLATE_NOOP("files", "manifest-{day}-{carrier}.pdf"), day=manifest.at[:10],
                carrier=carrier_label(manifest.carrier)), files_dir=self.ctx.files_dir)
            lines = [f"{i}. {s.tracking_no or '—'}  {s.receiver_name}  {s.receiver_address}  "
                     f"{weight_words(s.weight_g)}" for i, s in enumerate(manifest.sends, 1)]
            head = self.tr("Hand-over to {courier}: {n} send(s)").format(
                courier=carrier_label(manifest.carrier), n=len(manifest.sends))
            paper.show_content("\n".join([head] + lines), pages)
            paper.open()

        self.call(work, done)


class HandOverDialog(QDialog):
    """Which courier is at the counter: every waiting send of that company goes with them."""

    def __init__(self, carriers: list[str], waiting: list[svc.sends.SendInfo], parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Courier collects"))
        self.carrier = sized(QComboBox(), 14)
        for code in carriers:
            n = sum(1 for s in waiting if s.carrier == code)
            self.carrier.addItem(self.tr("{courier}: {n} send(s)").format(
                courier=carrier_label(code), n=n), code)
        self.courier = big_edit(self.tr("Courier's name (optional)"), 14)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form([(self.tr("Courier company"), self.carrier),
                               (self.tr("Courier"), self.courier)]))
        layout.addWidget(buttons)
