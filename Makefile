# Order Desk — every target sets itself up first, so each works on a fresh clone.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
CATALOG ?= data/catalog.duckdb
HOST   ?= 127.0.0.1
PORT   ?= 5006

.PHONY: setup catalog browser serve test test-fast notebooks lint bench soak eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

catalog: $(CATALOG)

$(CATALOG): $(STAMP) $(wildcard pipeline/catalog/*.py)
	$(PY) -m pipeline catalog build --out $(CATALOG)

# What pip cannot install, from Debian: Chromium, dovecot and openssl for the browser and mailbox
# tests (apt when root, else one line saying what to run).
browser:
	@sh tools/ensure-system-packages

# Every page and the HTTP API in one server (see dashboard/server.py), with the sample emails'
# customers in the ledger (demo data; a ledger starts with none).
serve: setup catalog
	$(PY) -m pipeline customers load-samples
	$(PY) -m dashboard serve --address $(HOST) --port $(PORT)

test: setup catalog browser lint
	$(PY) -m pytest

test-fast: setup catalog
	$(PY) -m pytest -m "not ui and not slow"

# JupyterLab (the `notebooks` extra, which `setup` installs with the test tools) on notebooks/;
# its kernel runs this environment's Python, so the dashboard's components are live there.
# LAB_ARGS adds JupyterLab options (e.g. --no-browser --ServerApp.port=8899).
LAB_ARGS ?=
notebooks: setup catalog
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks --ServerApp.ip=$(HOST) \
		$(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

LINT_DIRS := $(wildcard pipeline dashboard tests benchmarks notebooks)

lint: setup
	$(VENV)/bin/ruff check $(LINT_DIRS)
	$(VENV)/bin/ruff format --check $(LINT_DIRS)

bench: setup catalog
	$(PY) benchmarks/run_all.py

# The load run of issue 8 at full length: browser sessions and HTTP clients for three minutes
# (make bench runs it for 30 s). SOAK_S, SOAK_PAGES, SOAK_CLIENTS change it.
SOAK_S       ?= 180
SOAK_PAGES   ?= 15
SOAK_CLIENTS ?= 6
# Issue 8's faults again and again: the server, batch workers and an exporter killed mid-job
# SOAK_ROUNDS times each (make test kills 3 times), the ledger checked after every round.
SOAK_ROUNDS ?= 10
# Issue 14's probe (tests/probe) with PROBE_EXAMPLES new inputs per property (make test: 40, the same
# ones every run).
PROBE_EXAMPLES ?= 500
soak: setup catalog
	PYTHONPATH=. $(PY) benchmarks/bench_load.py --duration $(SOAK_S) --pages $(SOAK_PAGES) --clients $(SOAK_CLIENTS)
	ORDERDESK_SOAK_ROUNDS=$(SOAK_ROUNDS) $(PY) -m pytest -q -m slow tests/test_faults.py
	ORDERDESK_PROBE_EXAMPLES=$(PROBE_EXAMPLES) HYPOTHESIS_PROFILE=explore $(PY) -m pytest -q tests/probe

# The project's own labels, then the outside sets: shared development sets and tests/outside/.
SCORER := ../shared/eval/score.py
OUTSIDE_SETS := $(wildcard ../shared/eval/seed20 ../shared/eval/dev40) $(wildcard tests/outside/*/)
eval: setup catalog
	$(PY) -m pipeline eval tests/labels --fail-under 0.95
	@for set in $(OUTSIDE_SETS); do \
		printf '%-24s ' "$$(basename $$set)"; \
		$(PY) $(SCORER) $$set/labels.json $$set --project . | tail -1; \
	done

clean:
	rm -rf $(VENV) data/*.duckdb data/*.sqlite* .pytest_cache
