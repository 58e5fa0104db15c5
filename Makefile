# Hearth: `make run` starts the whole backend, `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check

.PHONY: run test test-unit test-integration install install-dev migrate lock clean

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Hearth needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install -q -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install -q -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

run: migrate
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py seed_demo
	exec $(PY) -m project.stack

test: test-unit test-integration

test-unit: install-dev
	$(PY) -m pytest tests --ignore=tests/integration

# Against DATABASE_URL / REDIS_URL when set (CI sets Postgres and Redis);
# otherwise SQLite and an embedded Redis-compatible server.
test-integration: install-dev
	$(PY) -m pytest tests/integration -p no:cacheprovider --ds=tests.integration.settings

lock: install-dev
	$(PIP) install -q pip-tools
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links requirements.in -o requirements.txt
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links requirements-dev.in -o requirements-dev.txt

clean:
	rm -rf $(VENV) var .pytest_cache
