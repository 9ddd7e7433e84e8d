"""Sync in the background of the counter: the core's SyncLoop on a thread of its own (network
waits never touch the DB worker or the GUI thread), its status re-emitted as a Qt signal
(Electrum's pattern: plain callbacks in the core, signals only here)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal

from station_app.ui.widgets import local_time
from station_app.ui.worker import DbWorker

POLL_SECONDS = 60.0  # with nothing failing, look for new records and configuration this often


class SyncRunner(QObject):
    changed = Signal(object)  # sync.client.Status, after every round; on the GUI thread
    _from_loop = Signal(object)  # emitted on the sync thread

    def __init__(self, store, parent: QObject | None = None):
        super().__init__(parent)
        from sync.client import SyncLoop

        self.store = store
        # Queued onto this object's (the GUI) thread: a slot without a receiver object, such as
        # a lambda, would otherwise run on the sync thread and touch widgets from there.
        self._from_loop.connect(self.changed.emit, Qt.ConnectionType.QueuedConnection)
        self.loop = SyncLoop(store, on_change=self._from_loop.emit, idle_poll=POLL_SECONDS)
        # Enrolling and writing a bundle wait on the network or a USB stick: their own worker.
        self.net = DbWorker(self)
        self._thread = threading.Thread(target=self.loop.run, name="station-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def sync_now(self) -> None:
        self.loop.wake()

    def stop(self) -> None:
        """The loop ends at its next wait; a round in flight is safe to abandon (nothing moves
        the mark but a verified ack)."""
        self.loop.stop()
        self.net.shutdown()


def tr_sync(text: str) -> str:
    """Words of the sync status and errors, in the keeper's language."""
    return QCoreApplication.translate("sync", text)


def status_text(status) -> str:
    """One line for the status bar and the page: synced / N pending / offline since / problem."""
    if not status.enrolled:
        return tr_sync(QT_TRANSLATE_NOOP("sync", "Not joined to a county center"))
    if status.problem:
        return tr_sync(QT_TRANSLATE_NOOP("sync", "Sync problem: call the county center"))
    if status.offline_since:
        return tr_sync(QT_TRANSLATE_NOOP("sync", "Offline since {when} · {n} to upload")).format(
            when=local_time(status.offline_since), n=status.pending)
    if status.pending:
        return tr_sync(QT_TRANSLATE_NOOP("sync", "{n} records to upload")).format(n=status.pending)
    return tr_sync(QT_TRANSLATE_NOOP("sync", "Synced {when}")).format(
        when=local_time(status.last_ok_at))


def reply_error_text(exc: BaseException) -> str:
    """Why a county reply file (from the USB stick) was not taken, in the keeper's words."""
    from sync.protocol import ProtocolError

    if isinstance(exc, OSError):
        return tr_sync(QT_TRANSLATE_NOOP("sync", "Cannot read that file: {error}")).format(
            error=exc.strerror or exc)
    if not isinstance(exc, ProtocolError):
        return sync_error_text(exc)
    known = {
        "malformed": QT_TRANSLATE_NOOP("sync", "That file is not a reply from the county center."),
        "too_large": QT_TRANSLATE_NOOP("sync", "That file is not a reply from the county center."),
        "wrong_station": QT_TRANSLATE_NOOP("sync", "That reply is for another station."),
        "wrong_center": QT_TRANSLATE_NOOP("sync", "That reply is not from the county center this "
                                                  "station joined."),
    }
    if exc.code in known:
        return tr_sync(known[exc.code])
    if exc.code == "too_many_attempts":
        minutes = max(1, round((exc.extra.get("retry_after") or 900) / 60))
        return tr_sync(QT_TRANSLATE_NOOP("sync", "Too many wrong codes were tried for this "
                                                 "station. Wait {minutes} minutes, or ask the "
                                                 "county for a new code.")).format(minutes=minutes)
    return tr_sync(QT_TRANSLATE_NOOP("sync", "That reply does not check out (changed on the way, "
                                             "or not signed by the county center). Nothing was "
                                             "changed."))


def sync_error_text(exc: BaseException) -> str:
    """A sync failure in the keeper's words."""
    from sync.client import Conflict, NotEnrolled, Retry
    from sync.protocol import ProtocolError

    not_joined = QT_TRANSLATE_NOOP("sync", "This station has not joined a county center yet.")
    if isinstance(exc, NotEnrolled):
        return tr_sync(not_joined)
    if isinstance(exc, Retry):
        return tr_sync(QT_TRANSLATE_NOOP("sync", "Cannot reach the county center right now; "
                                           "it will keep trying by itself."))
    if isinstance(exc, Conflict):
        return tr_sync(QT_TRANSLATE_NOOP("sync", "The county center holds different records for this "
                                           "station. Nothing is lost here; call the county center."))
    if not isinstance(exc, ProtocolError):
        from station_app.ui.i18n import error_text

        return error_text(exc)
    known = {
        "bad_code": QT_TRANSLATE_NOOP("sync", "That code was not issued for this station id. "
                                              "Check both."),
        "used_code": QT_TRANSLATE_NOOP("sync", "That code has been used already. "
                                               "Ask the county for a new one."),
        "expired_code": QT_TRANSLATE_NOOP("sync", "That code has expired. "
                                                  "Ask the county for a new one."),
        "revoked": QT_TRANSLATE_NOOP("sync", "The county center has stopped accepting this "
                                             "station's records."),
        "unknown_station": QT_TRANSLATE_NOOP("sync", "The county center does not know this "
                                                     "station id."),
        "not_enrolled": not_joined,
        "wrong_center_key": QT_TRANSLATE_NOOP("sync", "The center at that address is not the "
                                                      "county center on your card: nothing was "
                                                      "sent or kept. Check the center key you "
                                                      "typed, or call the county center."),
        "bad_fingerprint": QT_TRANSLATE_NOOP("sync", "The center key is 16 characters, digits "
                                                     "and the letters A to F, as on the card. "
                                                     "Check what you typed."),
        "replaced_code": QT_TRANSLATE_NOOP("sync", "The county has issued a newer code for this "
                                                   "station since. Use the newest code."),
        "not_a_center": QT_TRANSLATE_NOOP("sync", "What answers at that address is not a county "
                                                  "center. Check the address."),
    }
    if exc.code in known:
        return tr_sync(known[exc.code])
    if exc.code == "too_many_attempts":
        minutes = max(1, round((exc.extra.get("retry_after") or 900) / 60))
        return tr_sync(QT_TRANSLATE_NOOP("sync", "Too many wrong codes were tried for this "
                                                 "station. Wait {minutes} minutes, or ask the "
                                                 "county for a new code.")).format(minutes=minutes)
    if exc.status == 404:
        return tr_sync(QT_TRANSLATE_NOOP("sync", "There is no county center at that address. "
                                                 "Check the address."))
    # The center's own words are English codes: the keeper gets the number to read out.
    return tr_sync(QT_TRANSLATE_NOOP("sync", "The county center did not accept it (answer "
                                             "{status}). Check what you typed, or call the "
                                             "county center.")).format(status=exc.status)
