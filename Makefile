# The two commands a newcomer needs: `make serve` and `make test`.
# Set-up comes in layers, each installed the first time a target needs it:
#   site   (make serve, make build, make offline): MkDocs, Material, pymdown-extensions
#          and the 1.4 KB iframe-worker shim (npm, production dependencies only)
#   test   (make test, make check): + pytest, Playwright, moto, the AWS data, Zensical
#   bench  (make bench): + Lighthouse (npm dev dependencies)
# One constraints file pins every transitive Python dependency; package-lock.json pins npm.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip install --quiet --disable-pip-version-check
SHIM   := docs/assets/vendor/iframe-worker/shim.js
ZIP    := aws-field-guide-offline.zip
ARGS   ?=

SITE_LAYER  := $(VENV)/.site $(SHIM)
TEST_LAYER  := $(SITE_LAYER) $(VENV)/.test
BENCH_LAYER := $(TEST_LAYER) node_modules/lighthouse/package.json

export DISABLE_MKDOCS_2_WARNING := true
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test check bench offline clean

setup: $(TEST_LAYER)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# The project itself (scripts/, editable) comes with the site layer: the build uses its
# Markdown extension (static_markup).
$(VENV)/.site: requirements.txt constraints.txt pyproject.toml | $(VENV)/bin/python
	$(PIP) --no-compile --no-deps -r requirements.txt -c constraints.txt
	$(PIP) --no-deps -e .
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-dev.txt constraints.txt
	$(PIP) -r requirements-dev.txt -c constraints.txt
	touch $@

# The site ships only iframe-worker (production dependency); Lighthouse is a dev dependency
# that only the benchmark installs.
node_modules/iframe-worker/package.json: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --silent
	touch $@

node_modules/lighthouse/package.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@ node_modules/iframe-worker/package.json

# The shim that lets search run from file:// comes from the pinned npm package,
# not from a CDN, and is not committed.
$(SHIM): node_modules/iframe-worker/package.json
	mkdir -p $(dir $@)
	cp node_modules/iframe-worker/shim/index.js $@

serve: $(SITE_LAYER)
	$(BIN)/mkdocs serve --livereload

build: $(SITE_LAYER)
	$(BIN)/mkdocs build --strict

# The offline copy: built once, zipped, and published next to the site (site/$(ZIP));
# `make test` searches this very zip from file://.
offline: build
	$(BIN)/python scripts/make_offline_zip.py site dist/$(ZIP)
	cp dist/$(ZIP) site/$(ZIP)

check: $(TEST_LAYER)
	$(BIN)/python scripts/check_docs.py

test: $(TEST_LAYER)
	sh scripts/ensure_chromium.sh
	$(BIN)/ruff check scripts tests examples
	$(BIN)/python scripts/check_docs.py
	$(MAKE) --no-print-directory offline
	# The tests build their own copies and set SITE_URL themselves where they need it.
	env -u SITE_URL OFFLINE_ZIP=$(CURDIR)/dist/$(ZIP) $(BIN)/python -m pytest -n auto --dist load

# Flags for the benchmark: make bench ARGS=--no-lighthouse
bench: $(BENCH_LAYER)
	$(BIN)/python scripts/bench.py $(ARGS)

clean:
	rm -rf site dist $(VENV) node_modules docs/assets/vendor
