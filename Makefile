# Two commands do everything on a fresh machine:
#   make run   create .venv, install groupctl, show the 2023 funding of the bundled data
#   make test  create .venv if missing, install with test extras, lint, run the whole suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/groupctl funding 2023

lint: $(VENV)/.installed-test
	$(BIN)/ruff check groupctl tests scripts
	$(BIN)/ruff format --check groupctl tests scripts
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -n auto

bench: $(VENV)/.installed
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
