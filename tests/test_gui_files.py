"""Files a keeper can find (issue 19, item 8): one folder, shown in Settings; names that say
what and when; never overwritten; the banner offers to open the folder."""

from PySide6.QtWidgets import QFileDialog

from station_app.core import bills
from tests.gui import wait_idle


def test_exports_and_receipts_go_to_one_folder_under_names_that_never_collide(
        qtbot, gui, store, keeper, tmp_path, monkeypatch):
    window, ctx, keys = gui
    ctx.files_dir = str(tmp_path / "村站文件")
    offered = []

    def save_as_offered(_parent, _title, path, _filter):
        offered.append(path)
        return path, ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as_offered)
    bills.take_payment(store, keeper.id, kind="water", account="W-1", holder="王五", amount_fen=3000)
    window.show_page(window.ledger)
    page = window.ledger
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() > 0)
    for _ in range(2):
        page.export()
        wait_idle(qtbot, ctx)
    folder = tmp_path / "村站文件"
    assert sorted(p.name for p in folder.iterdir()) == ["台账-2026-11.pdf", "台账-2026-11（2）.pdf"]
    assert "打开文件夹" in page.banner.text() and f"file://{folder}\">" in page.banner.text()
    page.table.selectRow(0)
    page.print_current(as_pdf=True)
    wait_idle(qtbot, ctx)
    receipts = [p.name for p in folder.glob("收据-*.pdf")]
    assert len(receipts) == 1 and page.banner.kind == "ok"


def test_settings_show_where_files_go(qtbot, gui, store, tmp_path):
    window, ctx, keys = gui
    window.show_page(window.settings)
    wait_idle(qtbot, ctx)
    page = window.settings
    assert page.files_dir.placeholderText().endswith("村站助手")
    page.files_dir.setText(str(tmp_path / "U盘"))
    page.save_local()
    wait_idle(qtbot, ctx)
    assert ctx.files_dir == str(tmp_path / "U盘")
