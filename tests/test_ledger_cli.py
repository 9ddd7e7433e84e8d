"""`station-app ledger`: the JSON document of DESIGN §8 and the same month as CSV, XLSX and a
PDF report whose Chinese text extracts."""

import csv
import io
import json

import pytest

from tests.test_cli import run
from tests.test_printing import pdf_text


@pytest.fixture(scope="module")
def busy_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("ledger") / "data"
    run("--data-dir", data, "demo", "--days", "4", "--seed", "11", "--until", "2026-11-20")
    return data


MONTH = "2026-11"  # the demo's month, whatever the date the tests run on


def test_json_document_has_integer_money_seq_order_and_totals_that_add_up(busy_dir):
    out = run("--data-dir", busy_dir, "ledger", "--month", MONTH, "--format", "json").stdout
    doc = json.loads(out)
    assert set(doc) == {"station_id", "month", "entries", "totals"} and doc["month"] == MONTH
    entries = doc["entries"]
    assert entries and [e["seq"] for e in entries] == sorted(e["seq"] for e in entries)
    assert all(set(e) == {"seq", "record_id", "date", "category", "method", "in_fen", "out_fen",
                          "description"} for e in entries)
    assert all(type(e["in_fen"]) is int and type(e["out_fen"]) is int for e in entries)
    totals = doc["totals"]
    assert totals["in_fen"] == sum(e["in_fen"] for e in entries)
    assert totals["out_fen"] == sum(e["out_fen"] for e in entries)
    assert sum(v["in_fen"] for v in totals["by_method"].values()) == totals["in_fen"]
    assert totals["counts"]["parcel.checked_in"] > 0
    # Canonical bytes: what the county center prints for the same month is byte-identical.
    assert out == json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def test_csv_and_xlsx_carry_the_same_entries(busy_dir, tmp_path):
    doc = json.loads(run("--data-dir", busy_dir, "ledger", "--month", MONTH).stdout)
    raw = run("--data-dir", busy_dir, "ledger", "--month", MONTH, "--format", "csv",
              "--out", tmp_path / "l.csv")
    assert "l.csv" in raw.stdout
    rows = list(csv.reader(io.StringIO((tmp_path / "l.csv").read_text("utf-8-sig"))))
    assert rows[0][0] == "seq" and "日期" in rows[0]
    assert [int(r[4]) for r in rows[1:len(doc["entries"]) + 1]] == [e["in_fen"] for e in doc["entries"]]
    from openpyxl import load_workbook

    run("--data-dir", busy_dir, "ledger", "--month", MONTH, "--format", "xlsx", "--out", tmp_path / "l.xlsx")
    sheet = load_workbook(tmp_path / "l.xlsx").worksheets[0]
    assert sheet.max_row == len(doc["entries"]) + 1
    assert [sheet.cell(row=i + 2, column=6).value for i in range(3)] == \
        [e["out_fen"] for e in doc["entries"][:3]]


def test_pdf_report_text_extracts_in_chinese(busy_dir, tmp_path):
    run("--data-dir", busy_dir, "ledger", "--month", MONTH, "--format", "pdf", "--out", tmp_path / "l.pdf")
    text = pdf_text(tmp_path / "l.pdf")
    for words in (f"月度台账 {MONTH}", "合计", "快递公司结算统计", "农产品上行销售", "台账明细", "服务村民"):
        assert words in text


def test_bad_month_is_refused(busy_dir):
    result = run("--data-dir", busy_dir, "ledger", "--month", "2026-13", check=False)
    assert result.returncode == 2 and "YYYY-MM" in result.stderr
