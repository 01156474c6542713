# Vennlig: `make run` serves the demo desk, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-deps lint bench screenshots messages clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/vennlig migrate --noinput
	$(BIN)/vennlig demo
	$(BIN)/vennlig serve --host $(HOST) --port $(PORT)

# The whole suite on SQLite. With VENNLIG_DATABASE_URL set, the suite runs on PostgreSQL
# instead, leaving out the slow suites (browser, mail corpus) that need to run only once.
test: $(STAMP)
	$(BIN)/pytest $(if $(VENNLIG_DATABASE_URL),-m "not browser and not slow")

# What the browser and IMAP tests need from Debian (run as root): Chromium and Dovecot.
# The IMAP tests start their own private Dovecot with a test user; no system set-up is needed.
test-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! test -x /usr/sbin/dovecot; then \
	  apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver dovecot-imapd >/dev/null; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	taskset -c 0 $(BIN)/vennlig bench inbox --conversations 100000 --json

# Refresh the README's screenshots (docs/screenshots) with the browser test.
screenshots: $(STAMP)
	VENNLIG_UPDATE_SCREENSHOTS=1 $(BIN)/pytest vennlig/web/tests/test_browser.py

# Recompile the committed .mo files after editing the .po files (needs gettext's msgfmt).
messages: $(STAMP)
	cd vennlig && ../$(BIN)/vennlig compilemessages

clean:
	rm -rf $(VENV) var
