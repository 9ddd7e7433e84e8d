"""Grab every page of the main window at 1366×768 into PNGs, to look at what a keeper sees.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screens.py [--lang zh_CN|en] [--out shots]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", type=Path, default=Path("shots"))
    args = parser.parse_args()

    import time

    from station_app.core import parcels, people
    from station_app.demo import fill_demo
    from station_app.core.station import open_station
    from station_app.ui.app import build_session, make_app
    from station_app.ui.main_window import MainWindow

    app = make_app()
    tmp = Path(tempfile.mkdtemp())
    fill_demo(tmp, days=5, seed=3)
    station = open_station(tmp)
    ctx, scanner, idle, _ = build_session(app, station, args.lang)
    ctx.operator = people.operators(station.store)[0]
    window = MainWindow(ctx, scanner, idle)
    window.resize(1366, 768)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEventLoop, QTimer

    def wait_until(condition, timeout: float = 10.0) -> None:
        """Run the event loop until ``condition`` holds. Not a processEvents() spin: PySide6
        6.12 on Python 3.11 drops a reference to None on every processEvents() call, and a
        spin of a few seconds crashes the interpreter."""
        deadline = time.monotonic() + timeout
        loop, timer = QEventLoop(), QTimer()
        timer.timeout.connect(lambda: (condition() or time.monotonic() > deadline) and loop.quit())
        timer.start(20)
        loop.exec()
        timer.stop()

    def settle():
        wait_until(lambda: ctx.worker.pending == 0)

    for index, page in enumerate(window.pages):
        window.show_page(page)
        settle()
        if page is window.pickup:  # show a real search: the first villager with parcels waiting
            waiting = parcels.in_stock_page(station.store, limit=1)
            if waiting:
                page.search.setText(waiting[0].phone_last4)
                page.find()
                settle()
        path = args.out / f"{index + 1:02d}-{type(page).__name__}-{args.lang}.png"
        window.grab().save(str(path))
        print(path)

    def grab(widget, name):
        path = args.out / f"{name}-{args.lang}.png"
        widget.grab().save(str(path))
        print(path)

    run_until_idle = settle

    # A finished stock-take: two parcels scanned, one that was never checked in.
    page = window.stocktake
    window.show_page(page)
    for p in parcels.in_stock_page(station.store, limit=2):
        page.handle_scan(p.tracking_no)
        run_until_idle()
    page.handle_scan("ZT7399999999999")
    run_until_idle()
    page.finish()
    run_until_idle()
    grab(window, "10b-StocktakePage-finished")

    # Produce: each tab with the demo's intakes, sales and consignments.
    page = window.produce
    window.show_page(page)
    for index, name in ((1, "sell"), (2, "consignments"), (3, "stock")):
        page.tabs.setCurrentIndex(index)
        run_until_idle()
        grab(window, f"05{'bcd'[index - 1]}-ProducePage-{name}")

    # A villager's history: the first farmer with a consignment.
    from station_app.core import produce

    consigned = produce.consignments(station.store, open_only=False)
    if consigned:
        page = window.villagers
        window.show_page(page)
        page.search.setText(consigned[0].intake.farmer_name)
        page.find()
        run_until_idle()
        ids = [v.id for v in page.found]
        if consigned[0].intake.villager_id in ids:
            page.people.selectRow(ids.index(consigned[0].intake.villager_id))
        run_until_idle()
        grab(window, "08b-VillagersPage-history")

    # The courier collects: the manifest dialog over the sends page.
    page = window.sends
    window.show_page(page)
    run_until_idle()
    if page.waiting:
        page.collect(page.waiting[0].carrier, "")
        run_until_idle()
        page.paper.resize(720, 560)
        grab(page.paper, "03b-Manifest")

    # Joined to a county center (a real one, on loopback): the status bar and the sync page.
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from sync import client
    from sync.center.storage import open_center
    from tests.centers import CenterProcess, new_center

    center = CenterProcess(new_center(str(tmp / "county.sqlite3"))).start()
    county = open_center(center.db_url)
    county.publish_config({
        "announcements": [
            {"date": "2026-11-21", "title": "系统维护",
             "text": "11月25日（周二）县中心系统维护，上午9点至11点暂停同步。"},
            {"text": "年货节代购补贴已开通，详情见县电商中心通知。"}],
        "overdue": {"free_days": 5, "fee_per_day_fen": 30},
        "bill_providers": {"water": ["东河镇自来水厂", "县水务公司"]},
        "produce": [{"name": "苹果", "unit": "jin", "reference_price_fen": 350},
                    {"name": "核桃", "unit": "jin", "reference_price_fen": 1500},
                    {"name": "花椒", "unit": "jin", "reference_price_fen": 4000}]})
    code = county.add_station("610102-001", "演示站")
    page = window.sync
    window.show_page(page)
    run_until_idle()
    page.enroll()
    page.handle_scan(f"VSENROLL|{center.url}|610102-001|{code}")
    page.dialog.resize(560, 240)
    grab(page.dialog, "13a-EnrollDialog")
    page.dialog.reject()
    page.bundle_to(str(args.out / "bundle.vsb"))  # no link: the bundle asks for the codes
    wait_until(lambda: page.dialog is not None, 10)
    page.handle_scan(f"VSENROLL|{center.url}|610102-001|{code}")
    grab(page.dialog, "13a2-EnrollDialog-by-bundle")
    page.dialog.reject()
    client.enroll(station.store, center.url, "610102-001", code, ctx.operator.id)
    window.start_sync()
    wait_until(lambda: window.sync_label.text().startswith(("已同步", "Synced")), 20)
    wait_until(lambda: station.store.config.version == 1, 20)  # and applied its rules
    page.refresh()
    run_until_idle()
    grab(window, "13b-SyncPage-synced")
    window.show_page(window.settings)
    run_until_idle()
    grab(window, "13c-SettingsPage-county-rules")
    page = window.produce
    window.show_page(page)
    page.tabs.setCurrentIndex(0)
    page.product.setCurrentText("核桃")
    run_until_idle()
    grab(window, "13d-ProducePage-county-reference")
    # The same station carrying records by USB stick: the bundle, the county's reply read back.
    from station_app.core import parcels as parcel_desk
    from sync.center.bundles import import_bundle, reply

    for n in range(3):
        parcel_desk.check_in(station.store, ctx.operator.id, f"YT71000000000{n:02d}",
                             phone="13900005555", name="赵六")
    client.write_bundle(station.store, tmp / "bundle.vsb")
    import_bundle(county, (tmp / "bundle.vsb").read_bytes())
    (tmp / "reply.vsr").write_bytes(reply(county, "610102-001"))
    page = window.sync
    window.show_page(page)
    page.take_reply(str(tmp / "reply.vsr"))
    wait_until(lambda: page.banner.kind == "ok", 20)
    run_until_idle()
    grab(window, "13e-SyncPage-county-reply")
    window.sync_runner.stop()
    county.close()
    center.stop()

    # Start-up as the keeper meets it: the window, then the PIN prompt over it.
    from PySide6.QtGui import QPainter

    from station_app.ui.app import start_window

    start = start_window(app, tmp, args.lang)
    wait_until(lambda: start.login_dialog is not None, 20)
    settle()
    shot = start.grab()
    painter = QPainter(shot)
    dialog = start.login_dialog
    at = dialog.frameGeometry().topLeft() - start.geometry().topLeft()
    painter.drawPixmap(at, dialog.grab())
    painter.drawRect(at.x(), at.y(), dialog.width() - 1, dialog.height() - 1)  # offscreen: no frame
    painter.end()
    path = args.out / f"00-Start-LoginDialog-{args.lang}.png"
    shot.save(str(path))
    print(path)
    start.ctx.worker.shutdown()
    ctx.worker.shutdown()


if __name__ == "__main__":
    main()
