# lesen — set-up, run, test, benchmark.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench lint dictionary clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

dictionary: $(STAMP)
	$(BIN)/lesen dict ensure || true

run: $(STAMP) dictionary
	$(BIN)/lesen import --if-empty seeds
	$(BIN)/lesen

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check reader tests bench

clean:
	rm -rf $(VENV) build *.egg-info
