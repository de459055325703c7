# One command sets up and runs: `make run` to practise, `make test` for the suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench lock clean

# The venv is rebuilt when the lock changes; installs are hash-checked against it.
# The quiet installs take a while: say so, or the first `make run` looks stuck.
$(BIN)/.installed: requirements/dev.lock pyproject.toml
	@if [ -x $(BIN)/python ]; then echo "Updating $(VENV) (its dependencies changed, about a minute)..."; \
	else echo "Setting up $(VENV) (first run, about 2 minutes)..."; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@
	@echo "$(VENV) is ready."

run: $(BIN)/.installed
	$(BIN)/trainer

test: $(BIN)/.installed
	$(BIN)/ruff check trainer tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check trainer tests benchmarks
	$(BIN)/ruff format --check trainer tests
	$(BIN)/mypy

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench.py

# Re-resolve the locks (needs network access to the package index).
lock:
	$(PYTHON) -m pip install --quiet pip-tools
	$(PYTHON) -m piptools compile --quiet --no-emit-index-url --no-emit-find-links --generate-hashes --allow-unsafe --strip-extras --extra dev -o requirements/dev.lock pyproject.toml
	$(PYTHON) -m piptools compile --quiet --no-emit-index-url --no-emit-find-links --generate-hashes --allow-unsafe --strip-extras -o requirements/run.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info
