# lesen — set-up, run, test, benchmark.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench lint dictionary word-table language-table clean

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

# Rebuild the shipped table of HanTa analyses for frequent words (reader/nlp/word_table.py), ~10 min.
word-table: $(STAMP)
	$(BIN)/python scripts/build_word_table.py

# Rebuild reader/nlp/data/not-german.json (the language check's votes) from the installed wordfreq, ~10 s.
language-table: $(STAMP)
	$(BIN)/python -c "from reader.nlp.language import write_table; print(write_table())"

lint: $(STAMP)
	$(BIN)/ruff check reader tests bench

clean:
	rm -rf $(VENV) build *.egg-info
