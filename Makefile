# Set-up is idempotent: the virtualenv is created and kg installed once, then reused
# until pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.kg-installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kg build data/articles -o out

test: $(STAMP)
	$(BIN)/ruff check kg tests
	$(BIN)/mypy
	$(BIN)/pytest -q

clean:
	rm -rf out .pytest_cache
