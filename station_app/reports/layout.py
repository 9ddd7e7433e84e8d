"""A page as a list of things to draw, in millimetres from the top-left corner.

Labels, lists and manifests are laid out once here; :mod:`station_app.reports.pdf` draws them with
reportlab and the GUI draws the same items with QPainter on the system printer, so paper and PDF
never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float  # points
    bold: bool = False
    align: str = "left"  # left | center | right


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.3  # mm


@dataclass(frozen=True)
class QR:
    x: float
    y: float
    size: float
    data: str

    @property
    def matrix(self) -> tuple[tuple[bool, ...], ...]:
        return qr_matrix(self.data)


@dataclass
class Page:
    width: float
    height: float
    items: list = field(default_factory=list)

    def text(self, *args, **kw) -> None:
        self.items.append(Text(*args, **kw))

    def line(self, *args, **kw) -> None:
        self.items.append(Line(*args, **kw))

    def qr(self, *args, **kw) -> None:
        self.items.append(QR(*args, **kw))


@lru_cache(maxsize=256)
def qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """Modules of the QR code including a 2-module quiet zone (medium error correction)."""
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def text_units(text: str) -> float:
    """Rough width in em: CJK and full-width characters are 1, the rest about 0.55."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def fit(text: str, size_pt: float, width_mm: float) -> str:
    """Cut ``text`` with an ellipsis so it fits ``width_mm`` at ``size_pt``."""
    em_mm = size_pt * 0.3528
    if text_units(text) * em_mm <= width_mm:
        return text
    while text and (text_units(text) + 1) * em_mm > width_mm:
        text = text[:-1]
    return text + "…"


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # mm
    align: str = "left"


def table_pages(title: str, subtitle: str, columns: list[Column], rows: list[list[str]],
                footer_lines: list[str] = (), width: float = 210, height: float = 297,
                margin: float = 15, size: float = 10.5, numbered: bool = True) -> list[Page]:
    """A titled table over as many A4 pages as it needs, headers repeated, pages numbered
    (``numbered=False``: part of a longer document, numbered whole by number_pages)."""
    line_h = size * 0.3528 * 1.9
    pages: list[Page] = []
    top_first = margin + 22
    per_first = int((height - margin - 12 - top_first) // line_h)
    per_next = int((height - margin - 12 - margin - 6) // line_h)
    chunks, rest = [], list(rows)
    chunks.append(rest[:per_first])
    rest = rest[per_first:]
    while rest:
        chunks.append(rest[:per_next])
        rest = rest[per_next:]
    for number, chunk in enumerate(chunks, start=1):
        page = Page(width, height)
        y = margin + 6
        if number == 1:
            page.text(margin, y + 2, title, 16, bold=True)
            page.text(margin, y + 10, subtitle, 10)
            y = top_first
        x = margin
        for col in columns:
            page.text(_aligned_x(x, col), y, col.title, size, bold=True, align=col.align)
            x += col.width
        page.line(margin, y + 2, width - margin, y + 2, 0.4)
        for row in chunk:
            y += line_h
            x = margin
            for col, cell in zip(columns, row):
                page.text(_aligned_x(x, col), y, fit(cell, size, col.width - 2), size, align=col.align)
                x += col.width
        if number == len(chunks):
            for extra in footer_lines:
                y += line_h * 1.4
                page.text(margin, y, extra, size + 1)
        pages.append(page)
    return number_pages(pages, margin) if numbered else pages


def number_pages(pages: list[Page], margin: float = 15) -> list[Page]:
    """"n / N" at the foot of each page, counted over the whole document."""
    for number, page in enumerate(pages, start=1):
        page.text(page.width - margin, page.height - margin + 4, f"{number} / {len(pages)}", 8,
                  align="right")
    return pages


def _aligned_x(x: float, col: Column) -> float:
    return {"left": x, "center": x + col.width / 2, "right": x + col.width - 2}[col.align]
