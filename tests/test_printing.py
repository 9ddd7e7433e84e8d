"""Paper: every PDF's text extracts (Chinese included), every QR code decodes, and the printer
path paints the same pages."""

import shutil
import subprocess

import pytest

from station_app.core import parcels, sends
from station_app.reports.parcel_docs import arrival_list, manifest_pages, shelf_labels
from station_app.reports.pdf import write_pdf

ZH = {"Pickup code": "取件码", "Parcels waiting — {station}": "到件通知 —— {station}",
      "Courier hand-over — {carrier}": "揽收交接单 —— {carrier}"}


def zh(text):
    return ZH.get(text, text)


def need(tool):
    if not shutil.which(tool):
        pytest.fail(f"{tool} is missing: `make` installs it (tools/setup-system.sh)")


def pdf_text(path):
    need("pdftotext")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def qr_codes(pdf, tmp_path):
    need("pdftoppm")
    need("zbarimg")
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp_path / "page")], check=True)
    out = subprocess.run(["zbarimg", "-q", "--raw", *map(str, sorted(tmp_path.glob("page*.png")))],
                         capture_output=True, text=True).stdout
    return out.split()


@pytest.fixture
def stock(shelved, keeper):
    return [parcels.check_in(shelved, keeper.id, n, phone="13812345678", name="张三明").parcel
            for n in ("SF1234567890123", "YT1234567890456")]


def test_shelf_labels_carry_the_code_and_a_qr_that_scans_to_it(stock, tmp_path):
    pdf = write_pdf(shelf_labels(stock, "石门村电商服务站", zh), tmp_path / "labels.pdf")
    text = pdf_text(pdf)
    assert "A-1-0123" in text and "石门村电商服务站" in text and "张*明" in text
    assert "13812345678" not in text  # masked on the shelf
    assert qr_codes(pdf, tmp_path) == ["A-1-0123", "A-1-0456"]


def test_fonts_are_embedded(stock, tmp_path):
    pdf = write_pdf(shelf_labels(stock, "站"), tmp_path / "l.pdf")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "WenQuanYiMicroHei" in fonts
    line = next(row for row in fonts.splitlines() if "WenQuanYi" in row)
    assert " yes " in line  # emb


def test_arrival_list_runs_over_pages_with_masked_names(shelved, keeper, tmp_path):
    from station_app.core import shelves
    shelves.add_shelf(shelved, keeper.id, "C", 9, 20)
    many = [parcels.check_in(shelved, keeper.id, f"SF{i:013d}", phone=f"139{i:08d}",
                             name="欧阳明月").parcel for i in range(70)]
    pages = arrival_list(many, "石门村电商服务站", "2026-11-20", zh)
    assert len(pages) >= 2
    text = pdf_text(write_pdf(pages, tmp_path / "arr.pdf"))
    assert "到件通知" in text and "欧**月" in text and "139****0069" in text
    assert "欧阳明月" not in text


def test_manifest(store, keeper, tmp_path):
    for i in range(3):
        sends.accept_send(store, keeper.id, sender_name="赵六", sender_phone="13900001111",
                          receiver_name="钱七", receiver_phone="021-5555", receiver_address="上海市浦东新区",
                          item="枸杞", weight_g=2500, carrier="SF", fee_fen=1800,
                          id_checked=True, inspected=True)
    manifest = sends.hand_over(store, keeper.id, "SF", courier_name="刘师傅")
    text = pdf_text(write_pdf(manifest_pages(manifest, "石门村电商服务站", zh), tmp_path / "m.pdf"))
    assert "揽收交接单" in text and "7.5 kg" in text and "¥18.00" in text and "刘师傅" in text


def test_the_printer_path_paints_the_same_labels(qapp, stock, tmp_path):
    from PySide6.QtGui import QPdfWriter

    from station_app.ui.app import make_app
    from station_app.ui.printing import paint_pages

    make_app()
    out = tmp_path / "printed.pdf"
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    paint_pages(writer, shelf_labels(stock, "石门村电商服务站", zh))
    del writer
    text = pdf_text(out)
    assert "A-1-0123" in text and "石门村电商服务站" in text
    assert qr_codes(out, tmp_path) == ["A-1-0123", "A-1-0456"]
