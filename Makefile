# Dossier: `make run` opens the app on the bundled corpus; `make test` runs the whole suite.
# Both create .venv when missing and (re)install the project when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench build lint clean

run: $(STAMP)
	$(BIN)/dossier build
	$(BIN)/dossier

test: $(STAMP)
	$(BIN)/python -m pytest

build: $(STAMP)
	$(BIN)/dossier build

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

lint: $(STAMP)
	$(BIN)/python -m ruff check store tui tests benchmarks

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
