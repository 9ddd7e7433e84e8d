# Two commands set everything up on a fresh machine: `make run` and `make test`.
VENV      ?= .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
DATA      ?= demo-data
TS        := $(wildcard resources/i18n/*.ts)
QM        := $(TS:.ts=.qm)

.PHONY: run test setup translations lupdate bench build clean

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
	$(VENV)/bin/pyside6-lupdate $$(find station_app -name '*.py') -ts $(TS) -no-obsolete -locations none

run: setup
	test -f $(DATA)/station.sqlite3 || $(PY) -m station_app --data-dir $(DATA) demo --days 14 --seed 1
	$(PY) -m station_app --data-dir $(DATA)

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: setup
	$(PY) bench/parcels.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/startup.py

build: setup
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec

clean:
	rm -rf build dist $(QM)
