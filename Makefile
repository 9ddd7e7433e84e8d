# Two commands set everything up on a fresh machine: `make run` and `make test`.
VENV      ?= .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
DATA      ?= demo-data
TS        := $(wildcard resources/i18n/*.ts)
QM        := $(TS:.ts=.qm)

# Tests whose answers depend on the date: run again under libfaketime at dates that have broken
# things (a month end; New Year's Eve in UTC, already New Year in China; the day after February).
DATED_TESTS := tests/test_gui_flows.py tests/test_gui_money.py tests/test_gui_pages.py \
               tests/test_gui_start.py tests/test_money.py tests/test_money_machine.py \
               tests/test_ledger_cli.py tests/test_ledger_lines.py tests/test_backup.py \
               tests/test_parcels.py tests/test_receipts.py tests/test_printing.py
DATES       := "2026-11-30 23:59:30 +0800" "2026-12-31 16:30:00 UTC" \
               "2027-03-01 00:10:00 +0800"

.PHONY: run county test test-dates setup translations lupdate bench build clean

setup: $(STAMP) $(QM)

$(STAMP): pyproject.toml tools/setup-system.sh
	bash tools/setup-system.sh
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Compiled catalogues are build products; the .ts files are the source of truth.
resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Refresh the .ts catalogues from the source (keeps existing translations).
lupdate: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find station_app sync/center/web -name '*.py') -ts $(TS) -no-obsolete -locations none

run: setup
	test -f $(DATA)/station.sqlite3 || $(PY) -m station_app --data-dir $(DATA) demo --days 14 --seed 1
	$(PY) -m station_app --data-dir $(DATA)

# A demo county center with its staff workspace at http://127.0.0.1:8600/ (admin / county-demo-1).
COUNTY ?= county-demo
county: setup
	$(PY) tools/demo_county.py $(COUNTY)
	$(VENV)/bin/county-center --db $(COUNTY)/county.sqlite3 serve --port 8600

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-dates

# The station's clock follows the machine's; faketime moves the machine's, TZ makes it China's.
test-dates: setup
	@for when in $(DATES); do \
	  echo "== date-sensitive tests at $$when"; \
	  TZ=Asia/Shanghai QT_QPA_PLATFORM=offscreen faketime "$$when" \
	    $(PY) -m pytest -q -p no:cacheprovider $(DATED_TESTS) || exit 1; \
	done

bench: setup
	$(PY) bench/parcels.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/startup.py

build: setup
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec

clean:
	rm -rf build dist $(QM)
