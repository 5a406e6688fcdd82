# newsdesk: `make run` starts the bot (or the console), `make test` runs the tests.
# Both create the virtual environment in .venv and install the project on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

run: $(VENV)/.installed-run
	$(BIN)/newsdesk run

test: $(VENV)/.installed-test
	$(BIN)/pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check bot retrieval tests
	$(BIN)/ruff format --check bot retrieval tests
	$(BIN)/mypy

bench: $(VENV)/.installed-bench
	$(BIN)/python tests/benchmarks/splitter.py
	$(BIN)/python tests/benchmarks/quality.py
	$(BIN)/python tests/benchmarks/speed.py
	$(BIN)/python tests/benchmarks/answers_speed.py --first-start

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed-run: pyproject.toml $(VENV)/.created
	$(BIN)/python -m pip install --quiet -e '.[webhooks,rerank]'
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.created
	$(BIN)/python -m pip install --quiet -e '.[webhooks,rerank,test]'
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.created
	$(BIN)/python -m pip install --quiet -e '.[webhooks,rerank,test,bench]'
	touch $@ $(VENV)/.installed-test $(VENV)/.installed-run

clean:
	rm -rf $(VENV) .newsdesk .pytest_cache .mypy_cache .ruff_cache
