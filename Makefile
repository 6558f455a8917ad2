# Dossier: `make run` opens the app on the bundled corpus; `make test` runs the whole suite.
# Both create .venv when missing and (re)install the project when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench bench-deps build lint clean

run: $(STAMP)
	$(BIN)/dossier build
	$(BIN)/dossier

test: $(STAMP)
	$(BIN)/python -m pytest

build: $(STAMP)
	$(BIN)/dossier build

# Benchmarks are never part of `make test`. ripgrep is a baseline: install it first
# (`make bench-deps`, or your system's package manager); without it its columns stay empty.
bench: $(STAMP)
	$(BIN)/python benchmarks/tempeval3.py
	$(BIN)/python benchmarks/bench_segment.py --mb 20
	$(BIN)/python benchmarks/bench_timex.py
	$(BIN)/python benchmarks/bench_entities.py --mb 20
	$(BIN)/python benchmarks/bench_tui.py --runs 5
	$(BIN)/python benchmarks/run_all.py

bench-deps:
	command -v rg >/dev/null || { apt-get update && apt-get install -y ripgrep; }

lint: $(STAMP)
	$(BIN)/python -m ruff check store tui tests benchmarks

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
