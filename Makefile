# docclean: one entry point for people and CI. GNU make; needs only Python 3.11 and make.
#
#   make run     create .venv, install, run the Prefect flow over seeds/ into output/
#   make test    install (with dev tools) and run the whole test suite
#   make check   ruff lint + format check, mypy on pipeline/, then the tests
#   make bench   the benchmarks under benchmarks/ (quick variants; see docs/evaluation.md)
#   make rules-table   re-derive the shipped rules' prefilter table (after editing a rule pack)
#   make clean   remove outputs, caches and Prefect's local database (keeps .venv)
#
# Variables: PY (the interpreter that creates the venv), INPUTS, OUTPUT, FLOW_ARGS.

PY ?= $(shell command -v python3.11 2>/dev/null || echo python3)
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
STAMP := $(VENV)/.installed

INPUTS ?= seeds
OUTPUT ?= output
FLOW_ARGS ?=

# Prefect: keep its database and settings inside the checkout (never ~/.prefect), no telemetry,
# and give the temporary local server time for its first start (it migrates a fresh database).
# Set PREFECT_API_URL to use a real server instead (docs/orchestration.md).
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180
export PREFECT_LOGGING_EXTRA_LOGGERS ?= pipeline
# library code also runs outside flows (CLI, tests): its logs then just stay local
export PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW ?= ignore

.DEFAULT_GOAL := help
.PHONY: help install run test check lint format bench bench-quick rules-table clean distclean

help:
	@sed -n 's/^#   make /make /p' $(firstword $(MAKEFILE_LIST))

# The venv is (re)installed whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 13) else \
	  "docclean needs Python 3.11 or 3.12; run make PY=/path/to/python3.11")'
	$(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

install: $(STAMP)

run: $(STAMP)
	$(PYTHON) -m flows.clean_documents $(INPUTS) --output $(OUTPUT) $(FLOW_ARGS)

test: $(STAMP)
	$(PYTHON) -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: lint $(STAMP)
	$(BIN)/mypy pipeline
	$(MAKE) --no-print-directory test

# Each benchmark runs only if its script is present. The quality gate needs ../shared/data.
bench: $(STAMP)
	@set -e; \
	if [ -f benchmarks/throughput.py ]; then $(PYTHON) -m benchmarks.throughput --quick; fi; \
	if [ -f benchmarks/dedup_scale.py ]; then $(PYTHON) benchmarks/dedup_scale.py --n 10000; fi; \
	if [ -f benchmarks/rule_stress.py ]; then $(PYTHON) -m benchmarks.rule_stress; fi; \
	if [ -f benchmarks/quality/gate.py ]; then $(PYTHON) benchmarks/quality/gate.py; fi

rules-table: $(STAMP)
	$(PYTHON) -c 'from pipeline.boilerplate.plan import write_requirement_table as w; print(w())'

clean:
	find $(OUTPUT) -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} + 2>/dev/null || true
	rm -rf .prefect .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist .bench
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} + 2>/dev/null || true

distclean: clean
	rm -rf $(VENV) *.egg-info
