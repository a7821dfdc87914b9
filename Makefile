# Rancang: `make run` (portal with demo data) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup lint bench clean

run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_regions
	$(BIN)/python manage.py demo
	scripts/run.sh

# Tests run in file order; `make test ORDER=random` shuffles files and tests (pytest-randomly prints the seed;
# repeat an order with `make test ORDER=random PYTEST_ARGS=--randomly-seed=N`).
ORDER ?= fixed
test: setup
	$(BIN)/pytest -n auto --dist loadfile $(if $(filter random,$(ORDER)),,-p no:randomly) $(PYTEST_ARGS)

setup: $(STAMP) locale/en/LC_MESSAGES/django.mo

$(STAMP): requirements.txt requirements-dev.txt scripts/system-packages.sh
	scripts/system-packages.sh
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 is needed"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

locale/en/LC_MESSAGES/django.mo: locale/en/LC_MESSAGES/django.po $(STAMP)
	$(BIN)/python manage.py compilemessages --ignore=.venv --verbosity 0

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: setup
	$(BIN)/python scripts/bench_rpjmd.py
	$(BIN)/python scripts/bench_books.py

clean:
	rm -rf $(VENV) var staticfiles
