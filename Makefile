# Balai — the two commands: `make run` (the demo district served as in production at
# http://127.0.0.1:8000: gunicorn, the task worker and the scheduler) and `make test`.
# `make dev` is the development server (DEBUG on, reloads) with the task worker.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run dev test e2e lint format install demo messages clean bench typecheck

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.lock
	touch $@

install: $(VENV)/.installed

# A random secret key for this machine, made once: the settings refuse the development key
# unless DEBUG is on, and every command below (migrate, demo, the worker) runs without DEBUG.
var/secret_key:
	@mkdir -p var
	@umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@.tmp && mv $@.tmp $@

var/.migrated: $(VENV)/.installed $(wildcard balai/*/migrations/*.py) | var/secret_key
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py createcachetable
	@mkdir -p var && touch $@

demo: var/.migrated
	$(PY) manage.py demo
	@echo "Email demo tersimpan sebagai berkas di var/outbox/"

# Production's own stack (manage.py serve): gunicorn with DEBUG off and hashed static files, the
# task worker and the scheduler. Ctrl+C stops every process it started.
run: var/.migrated
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py demo
	@echo "Balai berjalan di http://127.0.0.1:$(PORT)/  (Ctrl+C untuk berhenti)"
	@echo "Email (undangan, atur ulang kata sandi) tidak dikirim: tiap email menjadi berkas di var/outbox/"
	DEBUG=0 DISTRICT_DOMAIN=$${DISTRICT_DOMAIN:-127.0.0.1:$(PORT)} $(PY) manage.py serve --bind 127.0.0.1:$(PORT)

# The development server (DEBUG on) with the task worker (no scheduler: run
# `manage.py scheduler` beside it when scheduled work matters).
dev: var/.migrated
	$(PY) manage.py demo
	@echo "Balai (pengembangan) berjalan di http://127.0.0.1:$(PORT)/  (Ctrl+C untuk berhenti)"
	DISTRICT_DOMAIN=$${DISTRICT_DOMAIN:-127.0.0.1:$(PORT)} $(PY) manage.py db_worker -v0 & trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
	  DEBUG=$${DEBUG:-1} DISTRICT_DOMAIN=$${DISTRICT_DOMAIN:-127.0.0.1:$(PORT)} $(PY) manage.py runserver 127.0.0.1:$(PORT) --noreload

test: install
	$(PY) -m pytest -q -n 2 --dist loadfile

e2e: install
	$(PY) -m pytest -q -m e2e -p no:xdist

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install | var/secret_key
	$(PY) manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=var --ignore=static
	$(PY) manage.py compilemessages -l en --ignore=.venv

bench: var/.migrated
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py demo >/dev/null
	$(PY) bench/page_weight.py

clean:
	rm -rf $(VENV) var

typecheck: install
	$(VENV)/bin/mypy
