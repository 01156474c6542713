# Vennlig: `make run` serves the demo desk, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres test-fast lint bench messages clean

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

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	taskset -c 0 $(BIN)/vennlig bench inbox --conversations 100000 --json

# Recompile the committed .mo files after editing the .po files (needs gettext's msgfmt).
messages: $(STAMP)
	cd vennlig && ../$(BIN)/vennlig compilemessages

clean:
	rm -rf $(VENV) var
