# Centramo: the verbs a newcomer needs. Every target sets itself up.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.lock | cksum | cut -d' ' -f1)
DEV := DJANGO_DEBUG=1
PORT ?= 8000

.PHONY: run test lint fmt messages bench setup db clean

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || { echo "Python 3.11 is required (make PYTHON=/path/to/python3.11)."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json | cksum | cut -d' ' -f1)

$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js 20) is required for the test tools in package.json."; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@rm -f node_modules/.installed-*
	@touch $@

setup: $(STAMP)
	@$(DEV) $(PY) manage.py compile_translations

db: setup
	$(DEV) $(PY) manage.py migrate --noinput -v0
	$(DEV) $(PY) manage.py seed_demo

run: db
	$(DEV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: setup $(NODE_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(DEV) $(PY) manage.py check --fail-level WARNING
	$(DEV) $(PY) manage.py makemigrations --check --dry-run
	$(DEV) $(PY) manage.py check_translations
	DATABASE_URL="$$($(PY) -m portal.dbprobe)" $(PY) -m pytest $(PYTEST_ARGS)

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

fmt: setup
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Refresh the catalogues after changing user-facing strings, then translate
# every new entry in locale/*/LC_MESSAGES/django.po.
messages: setup
	$(DEV) $(PY) manage.py makemessages --no-obsolete --no-location -i ".venv/*" -i "staticfiles/*" \
		$$($(DEV) $(PY) -c "from portal.settings import LANGUAGES, LANGUAGE_CODE; print(' '.join('-l ' + c for c, _ in LANGUAGES if c != LANGUAGE_CODE))")
	$(DEV) $(PY) manage.py check_translations

bench: db
	$(DEV) $(PY) manage.py bench

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles
