"""同步 — the county center: whether this station's records have reached it, "sync now", the
last rounds, announcements from the county, joining a center (scan its QR code or type the
code), and for a station without a link: writing a USB bundle for the county (which enrolls
the station, the first time, with the county's codes) and reading the county's reply from the
stick."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget)

from station_app.ui.pages.base import Page
from station_app.ui.sync_runner import reply_error_text, status_text, sync_error_text
from station_app.ui.widgets import fill_table, form, local_time, main_button, plain_table, sized


class EnrollDialog(QDialog):
    """The county's address, this station's id, the one-time code and the fingerprint of the
    county center's key; a scan of the county's QR code fills them all, and the center's
    answer must then be signed with that key. ``by_bundle``: for a station without a link, whose USB bundle
    carries its enrollment: no address; ``known_id``, a station id this station took with an
    earlier bundle, needs no code again."""

    def __init__(self, parent: QWidget | None = None, by_bundle: bool = False, known_id: str = ""):
        super().__init__(parent)
        self.by_bundle, self.known_id = by_bundle, known_id
        self.setWindowTitle(self.tr("Enroll by USB bundle") if by_bundle
                            else self.tr("Join the county center"))
        self.url = sized(QLineEdit(), 14)
        self.url.setPlaceholderText("http://…")
        self.station_id = sized(QLineEdit(), 14)
        self.code = sized(QLineEdit(), 14)
        self.code.setPlaceholderText("XXXX-XXXX")
        self.center_key = sized(QLineEdit(), 14)
        self.center_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        hint = sized(QLabel(self.tr(
            "The county center has not confirmed this station yet: the bundle carries the codes "
            "the county gave you. Scan its QR code, or type what it says.") if by_bundle else
            self.tr("Scan the QR code the county gave you, or type what it says.")), 13)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        rows = [(self.tr("Station code"), self.station_id),
                (self.tr("One-time code"), self.code),
                (self.tr("Center key"), self.center_key)]
        if not by_bundle:
            rows.insert(0, (self.tr("County center"), self.url))
        self.problem = sized(QLabel(""), 13)
        self.problem.setStyleSheet("color:#b00020;")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form(rows))
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, 240)

    def take_scan(self, text: str) -> bool:
        from sync.protocol import parse_enrollment_text

        found = parse_enrollment_text(text)
        if found is None:
            return False
        if found.url:
            self.url.setText(found.url)
        self.station_id.setText(found.station_id)
        self.code.setText(found.code)
        self.center_key.setText(found.center_key)
        return True

    def accept(self) -> None:
        """OK only with everything filled in; otherwise say what is missing, keep what was
        typed, and put the cursor in the first empty field."""
        url, station_id, code, _center_key = self.values()
        missing = []
        if not self.by_bundle and not url.startswith(("http://", "https://")):
            missing.append((self.url, self.tr("the county center's address (http://…)")))
        if not station_id:
            missing.append((self.station_id, self.tr("the station code")))
        if not code and not (station_id and station_id == self.known_id):
            missing.append((self.code, self.tr("the one-time code")))
        if missing:
            self.problem.setText(self.tr("Still missing: {what}.").format(
                what=self.tr(", ").join(what for _, what in missing)))
            missing[0][0].setFocus()
            missing[0][0].selectAll()
            return
        super().accept()

    def values(self) -> tuple[str, str, str, str]:
        return tuple(field.text().strip() for field in
                     (self.url, self.station_id, self.code, self.center_key))


class SyncPage(Page):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.runner = None  # set by the window once the station is open
        self.dialog: EnrollDialog | None = None
        self._typed: tuple[str, str, str, str] | None = None
        heading = sized(QLabel(self.tr("County center")), 18, bold=True)
        self.state = sized(QLabel(), 16, bold=True)
        self.center = sized(QLabel(), 13)
        self.center.setWordWrap(True)
        self.sync_button = main_button(self.tr("Sync now"), 14, 40)
        self.enroll_button = sized(QPushButton(self.tr("Join a county center…")), 13)
        self.bundle_button = sized(QPushButton(self.tr("Write a USB bundle…")), 13)
        self.reply_button = sized(QPushButton(self.tr("Read the county's reply…")), 13)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.enroll_button)
        buttons.addWidget(self.bundle_button)
        buttons.addWidget(self.reply_button)
        buttons.addStretch(1)
        self.history = plain_table([self.tr("When"), self.tr("Result"), self.tr("Details")])
        self.notices = sized(QListWidget(), 14)
        self.notices.setMaximumHeight(110)
        self.arrange(heading, self.state, self.center, buttons, self.banner,
                     sized(QLabel(self.tr("Announcements from the county")), 14, bold=True),
                     self.notices, sized(QLabel(self.tr("Recent sync rounds")), 14, bold=True),
                     (self.history, 1))
        self.sync_button.clicked.connect(self.sync_now)
        self.enroll_button.clicked.connect(self.enroll)
        self.bundle_button.clicked.connect(self.write_bundle)
        self.reply_button.clicked.connect(self.read_reply)

    def attach(self, runner) -> None:
        self.runner = runner
        runner.changed.connect(self._round_done)

    def _round_done(self, _status) -> None:
        if self.isVisible():
            self.refresh()

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        from sync import client

        def read():
            store = self.ctx.store
            return (client.status(store), client.load_state(store), client.history(store),
                    store.config)

        self.call(read, self._show)

    def _show(self, found) -> None:
        status, state, history, county = found
        self.state.setText(status_text(status))
        self.state.setStyleSheet("color:#b00020;" if status.problem else "")
        linked = state is not None and bool(state.center_url)
        self.sync_button.setEnabled(linked)
        self.sync_button.setToolTip("" if linked else self.tr(
            "Join a county center first: without one there is nothing to sync with."))
        if state is not None:
            self.center.setText(self.tr("Center {url} · station {station} · uploaded up to record "
                                        "{seq}").format(url=state.center_url,
                                                        station=state.station_id,
                                                        seq=state.acked_seq))
            if county.version:
                self.center.setText(self.center.text() + self.tr(
                    " · county rules version {version}").format(version=county.version))
        else:
            self.center.setText(self.tr("Join a county center to send it this station's records; "
                                        "without a link, write a USB bundle for the county."))
        if status.problem:
            self.banner.error(status.problem)
        self.notices.clear()
        for notice in county.announcements:  # checked when the configuration was applied
            head = " ".join(filter(None, [notice.get("date"), notice.get("title")]))
            self.notices.addItem(f"【{head}】{notice['text']}" if head else notice["text"])
        ok, failed = self.tr("Done"), self.tr("Not done")
        fill_table(self.history, [
            [local_time(h.get("at"), "%m-%d %H:%M:%S"), ok if h.get("ok") else failed,
             self._history_details(h)] for h in history])

    def _history_details(self, entry: dict) -> str:
        if not entry.get("ok"):
            return str(entry.get("error", ""))
        if entry.get("reply"):
            return self.tr("County reply read from a USB stick: {n} more records confirmed").format(
                n=entry.get("acked", 0))
        return self.tr("{n} records sent").format(n=entry.get("sent", 0))

    def sync_now(self) -> None:
        if self.runner is not None:
            self.runner.sync_now()
            self.banner.info(self.tr("Syncing in the background; the counter stays free."))

    def handle_scan(self, text: str) -> bool:
        if self.dialog is not None:
            return self.dialog.take_scan(text)
        from sync.protocol import parse_enrollment_text

        if parse_enrollment_text(text) is None:
            return False
        self.enroll(scanned=text)
        return True

    def enroll(self, scanned: str | None = None) -> None:
        self._ask_codes(self._enroll_answered, scanned=scanned)

    def _ask_codes(self, then, by_bundle: bool = False, station_id: str = "",
                   scanned: str | None = None) -> None:
        """The enrollment dialog, for the keeper only; ``then(url, station_id, code,
        center_key)`` once the keeper confirms it (the dialog has checked that nothing is
        missing)."""
        if self.ctx.operator is None or not self.ctx.operator.is_keeper:
            self.banner.error(self.tr("Only the keeper can join a county center."))
            return
        self.dialog = EnrollDialog(self, by_bundle, known_id=station_id if by_bundle else "")
        self.dialog.station_id.setText(station_id)
        if not by_bundle and self._typed:  # what was typed before a join that failed
            for field, value in zip((self.dialog.url, self.dialog.station_id, self.dialog.code,
                                     self.dialog.center_key), self._typed):
                field.setText(value)
        if scanned:
            self.dialog.take_scan(scanned)
        self.dialog.finished.connect(lambda result: self._codes_given(then, result))
        self.dialog.open()

    def _codes_given(self, then, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if result == QDialog.DialogCode.Accepted and dialog is not None:
            then(*dialog.values())

    def _enroll_answered(self, url: str, station_id: str, code: str, center_key: str) -> None:
        from sync import client

        store, op = self.ctx.store, self.ctx.op_id
        self._typed = (url, station_id, code, center_key)  # offered again if joining fails
        self.banner.info(self.tr("Contacting the county center…"))
        self.runner.net.run(
            lambda: client.enroll(store, url, station_id, code, op, center_key=center_key),
            self._joined, self._join_failed, owner=self)

    def _join_failed(self, exc: BaseException) -> None:
        """Joining is one attempt the keeper makes, not a background retry: say what to check."""
        from sync.client import Retry

        self.banner.error(self.tr("Cannot reach a county center at that address. Check the "
                                  "network and the address, then join again.")
                          if isinstance(exc, Retry) else sync_error_text(exc))

    def _joined(self, state) -> None:
        self._typed = None
        self.banner.ok(self.tr("Joined the county center as {station}.").format(
            station=state.station_id))
        self.runner.sync_now()
        self.refresh()

    def write_bundle(self) -> None:
        from station_app.ui.files import ask_save_path, file_name

        day = self.ctx.clock.now().date().isoformat()
        path = ask_save_path(self, self.ctx.files_dir, self.tr("Write a USB bundle"), file_name(
            QT_TRANSLATE_NOOP("files", "bundle-{day}.vsb"), day=day), self.tr("Bundles (*.vsb)"))
        if path is not None:
            self.bundle_to(str(path))

    def bundle_to(self, path: str) -> None:
        """Write the bundle; a station the county has not confirmed (no online enrollment, no
        reply read) first gives the codes the county issued, and the bundle enrolls it."""
        from station_app.core.settings import station_settings
        from sync import client

        store = self.ctx.store
        self.call(lambda: (client.load_state(store), station_settings(store).station_id),
                  lambda found: self._bundle_codes(path, *found))

    def _bundle_codes(self, path: str, state, recorded_id: str) -> None:
        if state is not None:
            self._write_bundle(path, None, None)
            return

        self._ask_codes(lambda _url, station_id, code, center_key: self._write_bundle(
            path, station_id, code or None, center_key), by_bundle=True,
            station_id=recorded_id or "")

    def _write_bundle(self, path: str, station_id: str | None, code: str | None,
                      center_key: str = "") -> None:
        from sync import client

        store, op = self.ctx.store, self.ctx.op_id
        self.runner.net.run(
            lambda: client.write_bundle(store, path, station_id, code, op, center_key),
            lambda count: self.banner.ok(self.tr(
                "Bundle written: {n} records. Take it to the county center.").format(n=count)),
            lambda exc: self.banner.error(sync_error_text(exc)), owner=self)

    def read_reply(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Read the county's reply"), "",
                                              self.tr("County replies (*.vsr)"))
        if path:
            self.take_reply(path)

    def take_reply(self, path: str) -> None:
        from pathlib import Path

        from sync import client

        store = self.ctx.store
        self.runner.net.run(lambda: client.import_reply(store, Path(path).read_bytes()),
                            self._reply_taken,
                            lambda exc: self.banner.error(reply_error_text(exc)), owner=self)

    def _reply_taken(self, result) -> None:
        if result.config_version:
            text = self.tr("The county holds this station's records up to {seq}; {n} waiting for "
                           "the next bundle. County rules version {version}.")
        else:
            text = self.tr("The county holds this station's records up to {seq}; {n} waiting for "
                           "the next bundle.")
        self.banner.ok(text.format(seq=result.acked_seq, n=result.pending,
                                   version=result.config_version))
        self.refresh()
