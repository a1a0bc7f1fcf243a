# make site    build all three editions into site/
# make check   the fast loop while working: ruff, mypy and the unit tests (under a minute of CPU)
# make test    everything CI runs: ruff, mypy, then the whole suite, browser tests included
# make serve | lock | ingest-check | bench   (see the README's "Two commands")
# Set-up is part of every command: a fresh clone needs nothing but python3 (and root for apt-get).
VENV    := .venv
PYTHON  := $(VENV)/bin/python
MKDOCS  := $(VENV)/bin/mkdocs
STAMP   := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

# Reproducible builds: the sitemap's dates are the last commit's, not the build day's.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: site test check check-static serve bench lock ingest-check review chromium office clean

$(STAMP): pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

# Build all three editions beside the current site, then swap: a failed build leaves site/ intact.
site: $(STAMP)
	$(PYTHON) scripts/build_site.py site
	@echo "built site/ (/, /zh-Hant/, /ja/)"

# Debian's Chromium drives the browser tests (Playwright's own browser download is not used).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q chromium fonts-noto-cjk; }

# LibreOffice opens the CSV and poppler reads the printed PDF in the open-data and print tests.
office:
	@command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || \
	  { apt-get update -q && apt-get install -y -q libreoffice-calc-nogui poppler-utils; }

# The whole suite, after the linter and the type checker (either failing fails it). Two workers share the
# machine's two cores; each test file runs whole on one worker (its fixtures built once).
test: check-static chromium office
	$(PYTHON) -m pytest -n 2 --dist loadfile

# The fast loop while working: lint, types, and the unit tests (those marked `build`, which build whole
# sites, and tests/site/ are left to `make test`).
check: check-static
	$(PYTHON) -m pytest -n 2 --dist loadfile -m "not build" -q

# ruff and mypy (configured in pyproject.toml).
check-static: $(STAMP)
	$(VENV)/bin/ruff check generator tests scripts
	$(VENV)/bin/mypy

serve: $(STAMP)
	$(MKDOCS) serve --livereload --dev-addr 127.0.0.1:8000

# Build benchmark of the real corpus and of 1×, 3× and 10× copies of it; writes bench/results.md.
bench: $(STAMP)
	$(PYTHON) -m scripts.bench $(BENCH_ARGS)

lock: $(STAMP)
	$(PYTHON) -m generator.content.lock --write

ingest-check: $(STAMP)
	$(PYTHON) -m generator.tools.ingest --check

# What the plans still need a person to review; writes content/reports/review.md.
review: $(STAMP)
	$(PYTHON) -m generator.tools.review

clean:
	rm -rf site site.new site.old
