# The two commands a newcomer needs: `make serve` and `make test`.
# Each sets up what it needs first (virtual environment, pip, npm).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHIM   := docs/assets/vendor/iframe-worker/shim.js
SETUP  := $(VENV)/.installed node_modules/.installed $(SHIM)

export DISABLE_MKDOCS_2_WARNING := true
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test check bench offline clean

setup: $(SETUP)

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# The shim that lets search run from file:// comes from the pinned npm package,
# not from a CDN, and is not committed.
$(SHIM): node_modules/.installed
	mkdir -p $(dir $@)
	cp node_modules/iframe-worker/shim/index.js $@

serve: setup
	$(BIN)/mkdocs serve --livereload

build: setup
	$(BIN)/mkdocs build --strict

check: setup
	$(BIN)/python scripts/check_docs.py

test: setup
	sh scripts/ensure_chromium.sh
	$(BIN)/ruff check scripts tests examples
	$(BIN)/python scripts/check_docs.py
	$(BIN)/python -m pytest

offline: build
	$(BIN)/python scripts/make_offline_zip.py site dist/aws-field-guide-offline.zip

bench: setup
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site dist $(VENV) node_modules docs/assets/vendor
