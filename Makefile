# Order Desk — every target sets itself up first, so each works on a fresh clone.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
CATALOG ?= data/catalog.duckdb
HOST   ?= 127.0.0.1
PORT   ?= 5006

.PHONY: setup catalog serve test test-fast lint bench eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

catalog: $(CATALOG)

$(CATALOG): $(STAMP) $(wildcard pipeline/catalog/*.py)
	$(PY) -m pipeline catalog build --out $(CATALOG)

# Every page and the HTTP API in one server (see dashboard/server.py).
serve: setup catalog
	$(PY) -m dashboard serve --address $(HOST) --port $(PORT)

test: setup catalog lint
	$(PY) -m pytest

test-fast: setup catalog
	$(PY) -m pytest -m "not ui and not slow"

LINT_DIRS := $(wildcard pipeline dashboard tests benchmarks notebooks)

lint: setup
	$(VENV)/bin/ruff check $(LINT_DIRS)
	$(VENV)/bin/ruff format --check $(LINT_DIRS)

bench: setup catalog
	$(PY) benchmarks/run_all.py

eval: setup
	$(PY) -m pipeline eval tests/labels --fail-under 0.95

clean:
	rm -rf $(VENV) data/*.duckdb data/*.sqlite* .pytest_cache
