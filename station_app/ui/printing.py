"""Paper from the GUI: laid-out pages painted on the system printer (any driver: thermal label
printers, A4 lasers), or saved as PDF for the archive and preview."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QPointF, QSizeF
from PySide6.QtGui import (QFont, QFontMetricsF, QGuiApplication, QPageLayout,
                           QPageSize, QPagedPaintDevice, QPainter, QPen)
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from station_app.reports.layout import QR, Line, Page, Text
from station_app.reports.parcel_docs import arrival_list, shelf_labels
from station_app.reports.pdf import write_pdf
from station_app.ui import services as svc
from station_app.ui.app import FONT_FAMILIES
from station_app.ui.context import AppContext
from station_app.ui.files import ask_save_path, file_name
from station_app.ui.i18n import error_text, t_reports
from station_app.ui.widgets import Banner, sized


def paint_pages(device: QPagedPaintDevice, pages: list[Page]) -> None:
    """Draw ``pages`` on a printer or a QPdfWriter, millimetre for millimetre."""
    def page_layout(page: Page) -> QPageLayout:
        return QPageLayout(QPageSize(QSizeF(page.width, page.height), QPageSize.Unit.Millimeter),
                           QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))

    device.setPageLayout(page_layout(pages[0]))
    painter = QPainter(device)
    try:
        dpmm = device.logicalDpiX() / 25.4
        for index, page in enumerate(pages):
            if index:
                device.setPageLayout(page_layout(page))
                device.newPage()
            for item in page.items:
                if isinstance(item, Text):
                    font = QFont()
                    font.setFamilies(FONT_FAMILIES)
                    font.setPixelSize(max(1, round(item.size * device.logicalDpiY() / 72)))
                    font.setBold(item.bold)
                    painter.setFont(font)
                    width = QFontMetricsF(font).horizontalAdvance(item.text)
                    x = item.x * dpmm - {"left": 0, "center": width / 2, "right": width}[item.align]
                    painter.drawText(QPointF(x, item.y * dpmm), item.text)
                elif isinstance(item, Line):
                    painter.setPen(QPen(painter.pen().color(), item.width * dpmm))
                    painter.drawLine(QPointF(item.x1 * dpmm, item.y1 * dpmm),
                                     QPointF(item.x2 * dpmm, item.y2 * dpmm))
                elif isinstance(item, QR):
                    matrix = item.matrix
                    cell = item.size * dpmm / len(matrix)
                    for r, row in enumerate(matrix):
                        for c, dark in enumerate(row):
                            if dark:
                                painter.fillRect(int(item.x * dpmm + c * cell), int(item.y * dpmm + r * cell),
                                                 int(cell + 1), int(cell + 1), painter.pen().color())
    finally:
        painter.end()


def print_pages(parent: QWidget, pages: list[Page], title: str) -> bool:
    """The system print dialog, then the pages on the chosen printer."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded when first printing

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_pages(printer, pages)
    return True


def t_any(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _print_roll(parent, ctx: AppContext, title: str, lay_out) -> None:
    """Lay out a roll document on the DB worker at this PC's paper width, then print it."""
    def build():
        return lay_out(svc.settings.local_prefs(ctx.store).receipt_mm)

    ctx.worker.run(build, lambda pages: print_pages(parent, pages, title), owner=parent)


def print_receipt(parent, ctx: AppContext, record_id: str) -> None:
    """A money record's receipt on the roll printer."""
    from station_app.reports.receipts import receipt_pages

    _print_roll(parent, ctx, QCoreApplication.translate("reports", "Receipt"), lambda width:
                receipt_pages(svc.receipts.receipt_for(ctx.store, record_id), width, t_any))


def save_receipt_pdf(page, ctx: AppContext, record_id: str) -> None:
    """The receipt as a PDF in the keeper's files folder (收据-<记录号>.pdf), said in the page's
    banner with a link to the folder: the archive copy, or one to send by phone."""
    from station_app.reports.receipts import receipt_pages
    from station_app.ui.files import files_dir, free_name

    folder = files_dir(ctx.files_dir)

    def work():
        receipt = svc.receipts.receipt_for(ctx.store, record_id)
        pages = receipt_pages(receipt, svc.settings.local_prefs(ctx.store).receipt_mm, t_any)
        folder.mkdir(parents=True, exist_ok=True)
        name = file_name(QT_TRANSLATE_NOOP("files", "receipt-{no}.pdf"), no=receipt.short_no)
        return write_pdf(pages, free_name(folder, name), t_reports("Receipt"))

    ctx.worker.run(work, lambda path: page.banner.saved(QCoreApplication.translate(
        "Page", "Receipt saved: {path}").format(path=path), path), page.show_error, owner=page)


def print_z_report(parent, ctx: AppContext, session_id: str) -> None:
    from station_app.reports.receipts import z_report_pages

    _print_roll(parent, ctx, QCoreApplication.translate("reports", "Z report"), lambda width:
                z_report_pages(svc.drawer.z_report(ctx.store, session_id), width, t_any))


def print_labels(parent, ctx: AppContext, items: list[svc.parcels.ParcelInfo]) -> None:
    def build():
        return shelf_labels(items, svc.settings.station_settings(ctx.store).station_name, t_reports)

    title = QCoreApplication.translate("reports", "Shelf label")
    ctx.worker.run(build, lambda pages: print_pages(parent, pages, title), owner=parent)


class PaperDialog(QDialog):
    """A document to look at, copy as text, print, or save as PDF."""

    def __init__(self, parent: QWidget | None, title: str, file_name: str,
                 copy_label: str | None = None, files_dir: str = ""):
        super().__init__(parent)
        self.file_name = file_name
        self.files_dir = files_dir
        self.pages: list[Page] = []
        self.setWindowTitle(title)
        self.resize(720, 560)
        self.text = sized(QPlainTextEdit(), 13)
        self.text.setReadOnly(True)
        self.copy_button = QPushButton(copy_label or self.tr("Copy text"))
        self.print_button = QPushButton(self.tr("Print"))
        self.pdf_button = QPushButton(self.tr("Save PDF"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for b in (self.copy_button, self.print_button, self.pdf_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        self.banner = Banner()  # "saved, 打开文件夹" where the keeper is looking
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(
            lambda: self.pages and print_pages(self, self.pages, self.windowTitle()))
        self.pdf_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.accept)

    def show_content(self, text: str, pages: list[Page]) -> None:
        self.text.setPlainText(text)
        self.pages = pages

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def save_pdf(self) -> None:
        """Into the keeper's files folder, under a name not yet taken; this dialog's banner says
        where, with a link that opens the folder."""
        path = ask_save_path(self, self.files_dir, self.tr("Save PDF"), self.file_name, "PDF (*.pdf)")
        if path is not None and self.pages:
            write_pdf(self.pages, path, self.windowTitle())
            self.banner.saved(self.tr("Saved: {path}").format(path=path), path)


class ArrivalDialog(PaperDialog):
    """Today's arrivals: text to paste into the village WeChat group, or a printed notice."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, day: date | None = None):
        self.ctx = ctx
        self.day = day or ctx.store.clock.now().date()
        super().__init__(parent, QCoreApplication.translate("ArrivalDialog", "Arrival list {day}")
                         .format(day=self.day.isoformat()),
                         file_name(QT_TRANSLATE_NOOP("files", "arrivals-{day}.pdf"), day=self.day.isoformat()),
                         QCoreApplication.translate("ArrivalDialog", "Copy for WeChat"), ctx.files_dir)
        self.load()

    def load(self) -> None:
        day, store = self.day, self.ctx.store

        def work():
            name = svc.settings.station_settings(store).station_name
            found = svc.parcels.arrivals(store, day)
            title = t_reports("Parcels waiting — {station}").format(station=name)
            lang = "zh" if self.ctx.lang.startswith("zh") else "en"
            return (svc.parcels.arrival_text(found, f"{title} {day.isoformat()}", lang),
                    arrival_list(found, name, day.isoformat(), t_reports))

        self.ctx.worker.run(work, lambda result: self.show_content(*result),
                            lambda e: self.text.setPlainText(error_text(e)), owner=self)
