"""Drawing laid-out pages into a PDF with the CJK font embedded (reportlab)."""

from __future__ import annotations

from pathlib import Path

from station_app.reports.layout import QR, Line, Page, Text
from station_app.resources import CJK_FONT, resources_dir

FONT = "WenQuanYiMicroHei"
_registered = False


def register_font() -> str:
    """reportlab embeds TrueType outlines only: WenQuanYi Micro Hei is TrueType (Noto CJK is not)."""
    global _registered
    if not _registered:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont(FONT, str(resources_dir() / CJK_FONT), subfontIndex=0))
        _registered = True
    return FONT


def write_pdf(pages: list[Page], path: Path, title: str = "") -> Path:
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    font = register_font()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # invariant: no creation time or random id inside, so the same month prints the same bytes
    # (the county workspace's download and `county-center ledger` are compared byte for byte)
    canvas = Canvas(str(path), pagesize=(pages[0].width * mm, pages[0].height * mm), invariant=1)
    canvas.setTitle(title)
    canvas.setAuthor("村站助手")
    for page in pages:
        canvas.setPageSize((page.width * mm, page.height * mm))
        h = page.height
        for item in page.items:
            if isinstance(item, Text):
                canvas.saveState()  # the text render mode outlives BT/ET: keep bold contained
                text = canvas.beginText()
                text.setFont(font, item.size)
                if item.bold:  # fill + stroke: bold without a bold face
                    text.setTextRenderMode(2)
                    canvas.setLineWidth(item.size * 0.04)
                width = canvas.stringWidth(item.text, font, item.size)
                x = item.x * mm - {"left": 0, "center": width / 2, "right": width}[item.align]
                text.setTextOrigin(x, (h - item.y) * mm)
                text.textOut(item.text)
                canvas.drawText(text)
                canvas.restoreState()
            elif isinstance(item, Line):
                canvas.setLineWidth(item.width * mm)
                canvas.line(item.x1 * mm, (h - item.y1) * mm, item.x2 * mm, (h - item.y2) * mm)
            elif isinstance(item, QR):
                matrix = item.matrix
                cell = item.size / len(matrix)
                for r, row in enumerate(matrix):
                    for c, dark in enumerate(row):
                        if dark:
                            canvas.rect((item.x + c * cell) * mm, (h - item.y - (r + 1) * cell) * mm,
                                        cell * mm + 0.01, cell * mm + 0.01, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return path
