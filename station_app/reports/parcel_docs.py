"""Paper for the parcel desk: shelf labels, the arrival list, the courier hand-over manifest.

Printed words are marked for lupdate (context "reports"); callers pass ``t`` to translate them
(the GUI passes Qt's translate, tests may pass nothing for English).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from station_app.core.carriers import carrier_name
from station_app.core.clock import from_utc_text
from station_app.core.messages import QT_TRANSLATE_NOOP
from station_app.core.validate import Weight, format_fen, mask_name, mask_phone
from station_app.reports.layout import Column, Page, fit, table_pages

if TYPE_CHECKING:  # the GUI imports these layouts before the services (and SQLAlchemy) load
    from station_app.core.parcels import ParcelInfo
    from station_app.core.sends import Manifest

Translate = Callable[[str], str]
LABEL_W, LABEL_H = 60.0, 40.0  # the common 60×40 mm thermal label


def _identity(s: str) -> str:
    return s


def _lang(t: Translate) -> str:
    return "zh" if t(QT_TRANSLATE_NOOP("reports", "Pickup code")) != "Pickup code" else "en"


def _local(utc_text: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return from_utc_text(utc_text).astimezone().strftime(fmt)


def shelf_labels(parcels: list[ParcelInfo], station_name: str, t: Translate = _identity) -> list[Page]:
    """One 60×40 mm label per parcel: the pickup code big, its QR code to scan at pickup."""
    lang = _lang(t)
    pages = []
    for p in parcels:
        page = Page(LABEL_W, LABEL_H)
        page.text(3, 6, fit(station_name, 7, 54), 7)
        page.text(3, 17, p.pickup_code, 17, bold=True)
        page.text(3, 24.5, f"{mask_name(p.recipient_name)}  {p.masked_phone}", 9)
        page.text(3, 30, fit(carrier_name(p.carrier, lang), 7.5, 32), 7.5)
        page.text(3, 34.5, p.tracking_no, 7)
        page.text(3, 38.5, _local(p.checked_in_at, "%m-%d %H:%M"), 6.5)
        page.qr(37, 14, 21, p.pickup_code)
        pages.append(page)
    return pages


def arrival_list(parcels: list[ParcelInfo], station_name: str, day: str,
                 t: Translate = _identity) -> list[Page]:
    """The day's arrivals for the notice board: names and phones masked."""
    lang = _lang(t)
    waiting = [p for p in parcels if p.status == "in_stock"]
    columns = [Column(t(QT_TRANSLATE_NOOP("reports", "Pickup code")), 34),
               Column(t(QT_TRANSLATE_NOOP("reports", "Recipient")), 34),
               Column(t(QT_TRANSLATE_NOOP("reports", "Phone")), 40),
               Column(t(QT_TRANSLATE_NOOP("reports", "Courier")), 36),
               Column(t(QT_TRANSLATE_NOOP("reports", "Arrived")), 36)]
    rows = [[p.pickup_code, mask_name(p.recipient_name), mask_phone(p.recipient_phone, p.phone_last4),
             carrier_name(p.carrier, lang), _local(p.checked_in_at, "%m-%d %H:%M")] for p in waiting]
    title = t(QT_TRANSLATE_NOOP("reports", "Parcels waiting — {station}")).format(station=station_name)
    subtitle = t(QT_TRANSLATE_NOOP("reports", "Arrived on {day}. Bring your phone or pickup code.")).format(day=day)
    footer = [t(QT_TRANSLATE_NOOP("reports", "Total: {n} parcel(s)")).format(n=len(rows))]
    return table_pages(title, subtitle, columns, rows, footer)


def manifest_pages(manifest: Manifest, station_name: str, t: Translate = _identity) -> list[Page]:
    """The hand-over sheet the courier signs when collecting the station's sends."""
    lang = _lang(t)
    columns = [Column("#", 8), Column(t(QT_TRANSLATE_NOOP("reports", "Tracking no.")), 36),
               Column(t(QT_TRANSLATE_NOOP("reports", "Sender")), 20),
               Column(t(QT_TRANSLATE_NOOP("reports", "Receiver")), 20),
               Column(t(QT_TRANSLATE_NOOP("reports", "Destination")), 38),
               Column(t(QT_TRANSLATE_NOOP("reports", "Item")), 22),
               Column(t(QT_TRANSLATE_NOOP("reports", "Weight")), 16, "right"),
               Column(t(QT_TRANSLATE_NOOP("reports", "Fee")), 20, "right")]
    rows = [[str(i), s.tracking_no or "—", mask_name(s.sender_name), mask_name(s.receiver_name),
             s.receiver_address, s.item, Weight(s.weight_g).text(t), format_fen(s.fee_fen)]
            for i, s in enumerate(manifest.sends, start=1)]
    total_g = sum(s.weight_g for s in manifest.sends)
    title = t(QT_TRANSLATE_NOOP("reports", "Courier hand-over — {carrier}")).format(
        carrier=carrier_name(manifest.carrier, lang))
    subtitle = f"{station_name}   {_local(manifest.at)}   " + t(QT_TRANSLATE_NOOP(
        "reports", "No. {n}")).format(n=manifest.id[:8].upper())
    footer = [
        t(QT_TRANSLATE_NOOP("reports", "{n} item(s), {weight} in all. Real-name and inspection checked for every item.")).format(
            n=len(rows), weight=Weight(total_g).text(t)),
        t(QT_TRANSLATE_NOOP("reports", "Handed over by: ____________    Courier ({name}): ____________    Time: ____________")).format(
            name=manifest.courier_name or "—"),
    ]
    return table_pages(title, subtitle, columns, rows, footer)
