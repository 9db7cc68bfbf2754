# Afterword: `make run` and `make test` each do their own set-up on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
# This machine's pip configuration names local mirrors that may be absent; hide that noise only.
QUIET_PIP := sed -u '/is ignored: it is neither a file nor a directory/d'
LINT_PATHS := $(wildcard src tests bench)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck schema test-sqlite test-postgres system-packages lock bench bench-worker bench-digest \
	bench-mail bench-meaning bench-phrases bench-drafts bench-replan bench-cli bench-serve bench-planner-output \
	bench-all bench-api bench-today bench-board bench-browser bench-capture clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip 2>&1 | $(QUIET_PIP)
	$(BIN)/python -m pip install --quiet -r requirements.lock 2>&1 | $(QUIET_PIP)
	$(BIN)/python -m pip install --quiet --no-deps -e . 2>&1 | $(QUIET_PIP)
	touch $(STAMP)

venv: $(STAMP)

# The example plans first (what the planner decides, in the terminal), then the web app.
run: $(STAMP)
	$(BIN)/afterword examples
	$(BIN)/afterword demo

system-packages:
	bash scripts/system-packages.sh

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

test-sqlite: $(STAMP)
	$(BIN)/pytest -n 2 -p no:cacheprovider

# The Django tests again, on a throwaway PostgreSQL cluster.
DJANGO_TESTS := tests/tracker tests/site tests/web tests/outbox tests/reminders tests/calendar_feed \
	tests/inbox tests/worker tests/infra tests/delivery tests/security tests/api \
	tests/portability tests/stats

test-postgres: $(STAMP)
	bash scripts/with-postgres.sh $(BIN)/pytest -n 2 -p no:cacheprovider -m "not browser" $(DJANGO_TESTS)

test: system-packages $(STAMP) lint typecheck test-sqlite test-postgres

# Write schema/plan.schema.json again from the kinds in src/afterword/rules/kinds.py.
schema: $(STAMP)
	$(BIN)/python scripts/write_plan_schema.py

bench: $(STAMP)
	$(BIN)/python bench/planner.py

# Emails per second through the outbox with 1, 2 and 4 workers, on a throwaway PostgreSQL.
bench-worker: $(STAMP)
	bash scripts/with-postgres.sh $(BIN)/python bench/worker.py

# The morning digest for 10,000 users on a throwaway PostgreSQL (bench/README.md, "Digest").
bench-digest: $(STAMP)
	bash scripts/with-postgres.sh $(BIN)/python bench/digest.py

# The JSON API's list endpoints with 5,000 users on a throwaway PostgreSQL (bench/README.md).
bench-api: $(STAMP)
	bash scripts/with-postgres.sh $(BIN)/python bench/api.py

# Reading mail, reply meanings, date phrases and drafts: accuracy on the held-out halves.
bench-mail: $(STAMP)
	PYTHONPATH=src $(BIN)/python bench/mail.py
bench-meaning: $(STAMP)
	PYTHONPATH=src $(BIN)/python bench/meaning.py
bench-phrases: $(STAMP)
	PYTHONPATH=src $(BIN)/python bench/phrases.py
bench-drafts: $(STAMP)
	PYTHONPATH=src $(BIN)/python bench/drafts.py

# Re-planning 10,000 stored applications and recording events, on a throwaway PostgreSQL.
bench-replan: $(STAMP)
	bash scripts/with-postgres.sh env PYTHONPATH=src $(BIN)/python bench/replan.py

# `afterword plan` as a whole process next to `python -c pass`.
bench-cli: $(STAMP)
	PYTHONPATH=src $(BIN)/python bench/cli_start.py

# Today for 20 signed-in users: gunicorn next to the development server, on PostgreSQL.
bench-serve: $(STAMP)
	bash scripts/with-postgres.sh env PYTHONPATH=src $(BIN)/python bench/serve.py

# The planner's output for all 100,000 benchmark cases must stay byte for byte the same.
bench-planner-output: $(STAMP)
	PYTHONPATH=src $(BIN)/python bench/planner_output.py --expect -

# Every benchmark above, one after the other (about 15 minutes in all). Benchmarks added by
# other branches (bench-today, bench-board, bench-browser) join by being added to this list.
BENCH_ALL := bench bench-planner-output bench-worker bench-digest bench-replan bench-cli \
	bench-serve bench-mail bench-meaning bench-phrases bench-drafts bench-api \
	bench-today bench-board bench-browser bench-capture

bench-all: $(STAMP)
	@started=$$(date +%s); for target in $(BENCH_ALL); do \
	  echo "== make $$target"; $(MAKE) --no-print-directory $$target || exit 1; \
	done; echo "== bench-all took $$(( $$(date +%s) - started )) s"

# Creating an application and noting its first interview through the services, on SQLite
# then on a throwaway PostgreSQL (bench/README.md, "Capturing").
bench-capture: $(STAMP)
	PYTHONPATH=src $(BIN)/python bench/capture.py
	bash scripts/with-postgres.sh env PYTHONPATH=src $(BIN)/python bench/capture.py

# Today and the board at 100 and 1,000 applications, on SQLite then on a throwaway PostgreSQL
# (bench/README.md, "Today and the board").
bench-today: $(STAMP)
	PYTHONPATH=src $(BIN)/python bench/today.py
	bash scripts/with-postgres.sh env PYTHONPATH=src $(BIN)/python bench/today.py

bench-board: $(STAMP)
	PYTHONPATH=src $(BIN)/python bench/board.py
	bash scripts/with-postgres.sh env PYTHONPATH=src $(BIN)/python bench/board.py

# A draft, Mark sent, Record news and a letter PDF in headless Chromium against `afterword serve`.
bench-browser: $(STAMP)
	PYTHONPATH=src $(BIN)/python bench/browser.py

# Regenerate the lock of exact versions after changing pyproject.toml.
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache artifacts
