# Afterword: `make run` and `make test` each do their own set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck test-sqlite test-postgres system-packages lock bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/afterword demo

system-packages:
	bash scripts/system-packages.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy --strict src/afterword/rules

test-sqlite: $(STAMP)
	$(BIN)/pytest -n 2 -p no:cacheprovider

# The Django tests again, on a throwaway PostgreSQL cluster.
test-postgres: $(STAMP)
	bash scripts/with-postgres.sh $(BIN)/pytest -n 2 -p no:cacheprovider -m "not browser" tests/tracker tests/web

test: system-packages $(STAMP) lint typecheck test-sqlite test-postgres

bench: $(STAMP)
	$(BIN)/python bench/planner.py

# Regenerate the lock of exact versions after changing pyproject.toml.
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache artifacts
