# DikaS — two commands on a fresh machine:
#   make run    build the Helsinki twin, compute every indicator, serve the map
#   make test   lint, format check, type check (mypy) and the whole test suite
#   make docs   build the documentation (Python API reference, examples) into site/
# Both create .venv and install the pinned dependencies (requirements.lock) first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The local data mirror replaces downloading where ../shared/data exists (CI, dev machines).
MIRROR := $(abspath ../shared/data)
ifeq ($(wildcard $(MIRROR)),)
else
export DIKAS_DATA_DIR ?= $(MIRROR)
endif
OUT ?= out
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install bench docs clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

run: install
	$(BIN)/dikas run --out $(OUT) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

docs: install
	$(BIN)/mkdocs build --strict --site-dir site

bench: install
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(OUT) .pytest_cache
