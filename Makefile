# Dossier: `make run` opens the app on the bundled corpus; `make test` runs the whole suite.
# Both create .venv when missing and (re)install the project when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-fast test-slow bench bench-deps build lint format clean

run: $(STAMP)
	$(BIN)/dossier build
	$(BIN)/dossier

test: $(STAMP)
	$(BIN)/python -m pytest

# The long variants: many more fuzzing examples, the 50,000-line documents.
test-slow: $(STAMP)
	DOSSIER_FUZZ=slow $(BIN)/python -m pytest tests/unit/test_fuzz.py
	$(BIN)/python -m pytest -m slow tests

# The unit tests alone (store and UI models, no Pilot, no tmux): seconds, for the edit loop.
test-fast: $(STAMP)
	$(BIN)/python -m pytest tests/unit

build: $(STAMP)
	$(BIN)/dossier build

# Benchmarks are never part of `make test`. ripgrep and tantivy are baselines: install them
# first (`make bench-deps`); without them their columns say n/a.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_pile.py --docs 1000 10000 --reps 5 --doc
	$(BIN)/python benchmarks/tempeval3.py
	$(BIN)/python benchmarks/bench_segment.py --mb 20
	$(BIN)/python benchmarks/bench_timex.py
	$(BIN)/python benchmarks/bench_entities.py --mb 20
	$(BIN)/python benchmarks/bench_tui.py --runs 5
	$(BIN)/python benchmarks/tui_keys.py --runs 5 --burn
	$(BIN)/python benchmarks/bench_hostile.py
	$(BIN)/python benchmarks/run_all.py

bench-deps: $(STAMP)
	command -v rg >/dev/null || { apt-get update && apt-get install -y ripgrep; }
	$(BIN)/python -m pip install --quiet -e '.[bench]'

# Lint, formatting, types and the import contracts; CI runs it before the tests.
lint: $(STAMP)
	$(BIN)/ruff check store tui tests benchmarks
	$(BIN)/ruff format --check store tui tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo

format: $(STAMP)
	$(BIN)/ruff check --fix store tui tests benchmarks
	$(BIN)/ruff format store tui tests benchmarks

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
