"""The county workspace in a real browser: Debian's Chromium, driven by Selenium through
Debian's chromedriver (tools/setup-system.sh installs both; nothing is downloaded), against the
center as its own process on loopback. An officer signs in, filters the stations (htmx), opens a
station, downloads a month's XLSX, adds a station and prints its card, and publishes rules.
Screenshots of each page (1366×768, Chinese) are left in the test's folder. Waiting is on
conditions in the page or on disk, never on fixed sleeps."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from sync import client
from sync.center.bundles import import_bundle
from sync.center.storage import open_center
from sync.center.web import accounts
from tests.centers import CenterProcess, new_center
from tests.sync_helpers import STATION, activity
from tests.xsession import wait_for

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
PASSWORD = "a-long-password-1"
# As the machine's notes say Chromium must start here: no first-run, no background traffic.
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1366,768",
         "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--lang=zh-CN")


@pytest.fixture
def county(tmp_path, store, keeper):
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        raise RuntimeError("browser tests need chromium and chromium-driver: run "
                           "tools/setup-system.sh")
    url = new_center(str(tmp_path / "county.sqlite3"))
    db = open_center(url)
    code = db.add_station(STATION, "石门村电商服务站", "石门村", "城关镇")
    db.add_station("610102-002", "杨家庄服务站", "杨家庄", "北塬乡")
    activity(store, keeper.id, 15)
    import_bundle(db, client.export_bundle(store, STATION, code)[0])
    accounts.add_user(db, "wangke", "admin", PASSWORD)
    center = CenterProcess(url).start()
    yield center, db
    center.stop()
    db.close()


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "intl.accept_languages": "zh-CN"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.downloads = downloads
    driver.shots = tmp_path
    yield driver
    driver.quit()


def shot(driver, name: str) -> None:
    driver.save_screenshot(str(driver.shots / f"{name}.png"))


def until(driver, condition, what: str, timeout: float = 20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: condition(d), message=what)


def test_an_officer_works_through_the_workspace(county, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    center, db = county
    browser.get(center.url + "/stations")
    until(browser, lambda d: d.find_elements(By.NAME, "username"), "the sign-in form")
    assert "登录" in browser.title
    shot(browser, "01-sign-in")
    browser.find_element(By.NAME, "username").send_keys("wangke")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    until(browser, lambda d: d.current_url.endswith("/stations"), "the stations page")
    rows = browser.find_elements(By.CSS_SELECTOR, "#stations tbody tr")
    assert len(rows) == 2 and "站点" in browser.title
    shot(browser, "02-stations")

    # The township filter swaps the table in place (htmx) and keeps the address in step.
    Select(browser.find_element(By.NAME, "township")).select_by_visible_text("北塬乡")
    until(browser, lambda d: "township=" in d.current_url
          and len(d.find_elements(By.CSS_SELECTOR, "#stations tbody tr")) == 1,
          "the filtered table")
    assert "杨家庄服务站" in browser.find_element(By.ID, "stations").text

    browser.get(center.url + f"/stations/{STATION}")
    assert "石门村电商服务站" in browser.find_element(By.TAG_NAME, "h1").text
    shot(browser, "03-station")
    ledger_link = browser.find_element(By.CSS_SELECTOR, "table.grid td a[href*='/ledger/']")
    month = ledger_link.text
    ledger_link.click()
    until(browser, lambda d: "月度台账" in d.find_element(By.TAG_NAME, "h1").text, "the ledger")
    shot(browser, "04-ledger")
    browser.find_element(By.LINK_TEXT, "XLSX").click()
    name = f"ledger-{STATION}-{month}.xlsx"
    wait_for(lambda: (browser.downloads / name).exists()
             and not list(browser.downloads.glob("*.crdownload")), what="the XLSX download")
    from openpyxl import load_workbook
    assert load_workbook(browser.downloads / name).sheetnames[0].endswith(month)

    # An admin adds a station and gets its card; the QR code on it is the one to scan.
    browser.find_element(By.LINK_TEXT, "新增站点").click()
    browser.find_element(By.NAME, "station_id").send_keys("610102-050")
    browser.find_element(By.NAME, "name").send_keys("河湾村服务站")
    browser.find_element(By.NAME, "township").send_keys("北塬乡")
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    until(browser, lambda d: "站点加入卡" in d.page_source, "the enrollment card")
    shot(browser, "05-card")
    qr = browser.find_element(By.CSS_SELECTOR, ".enroll-card img").screenshot_as_png
    (tmp_path / "qr.png").write_bytes(qr)
    if shutil.which("zbarimg"):
        decoded = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "qr.png")],
                                 capture_output=True, text=True).stdout.strip()
        assert decoded.startswith(f"VSENROLL|{center.url}|610102-050|")
        assert decoded.endswith(db.fingerprint)

    # Rules: free days and a fee from the form, signed and published.
    browser.get(center.url + "/config/edit")
    free = browser.find_element(By.NAME, "free_days")
    free.clear()
    free.send_keys("5")
    fee = browser.find_element(By.NAME, "fee_yuan")
    fee.clear()
    fee.send_keys("1.00")
    shot(browser, "06-config-edit")
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    until(browser, lambda d: "将要改动的内容" in d.page_source, "the preview")
    assert db.config_version() == 0
    shot(browser, "07-config-preview")
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    until(browser, lambda d: "/config" in d.current_url and "现行版本：v1" in d.page_source,
          "the published version")
    shot(browser, "08-config")
    assert db.config_document()["body"]["overdue"] == {"free_days": 5, "fee_per_day_fen": 100}
    browser.get(center.url + "/audit")
    assert "核对无误" in browser.page_source and "发布配置" in browser.page_source
    shot(browser, "09-audit")
