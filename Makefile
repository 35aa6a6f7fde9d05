# Set-up is idempotent: the virtualenv is created and kg installed once, then reused
# until pyproject.toml (or the Python it is made with) changes.
#
# kg's default spaCy pipeline, en_core_web_md, installs on Python 3.12 or newer, so the
# first 3.12+ interpreter found is used (on PATH, or one of pyenv's versions); without one,
# python3 (3.11) with en_core_web_sm. `make PYTHON=/path/to/python` picks another.
FIND_PYTHON = for p in python3.12 $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3) \
	python3.13 $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3) python3; do \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 \
	&& { echo "$$p"; break; }; done
PYTHON ?= $(shell $(FIND_PYTHON))
PYVER := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.kg-installed-$(PYVER)

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	@test -n "$(PYVER)" || { echo "no Python 3.11+ found; pass PYTHON=/path/to/python3" >&2; exit 1; }
	@# A virtualenv made with another Python is made again.
	test -f $(STAMP) || rm -rf $(VENV)
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
