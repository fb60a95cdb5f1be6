# Two commands do all the set-up on a fresh machine:  make serve  and  make test
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench nieuw check privacy system clean

$(BIN)/mkdocs: requirements.txt requirements-test.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-test.txt
	touch $@

## Debian packages: Chromium (PDFs, browser tests), Dutch hunspell (spelling), poppler (PDF to PNG), Node.js (JS parity tests)
system:
	@if ! command -v chromium >/dev/null || ! command -v hunspell >/dev/null || ! command -v pdftoppm >/dev/null || ! command -v node >/dev/null || [ ! -f /usr/share/hunspell/nl.dic ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium hunspell hunspell-nl poppler-utils $$(command -v node >/dev/null || echo nodejs) >/dev/null; \
	fi

## Install and serve the site on http://127.0.0.1:8000 (PDFs and print page off for fast rebuilds)
serve: $(BIN)/mkdocs
	KS_PDF=0 KS_PRINT_SITE=false $(BIN)/mkdocs serve

## Build the whole site with PDFs into site/
build: $(BIN)/mkdocs system
	$(BIN)/mkdocs build --strict

## Install everything and run all tests (catalogue, build, PDFs, spelling, browser, accessibility)
test: $(BIN)/mkdocs system
	$(BIN)/python -m pytest

## Benchmarks: build overhead, scale, page weight, PDFs, Lighthouse, serve loop
bench: $(BIN)/mkdocs system
	$(BIN)/python tests/bench.py

## A new situation from the template (asks for collection and title)
nieuw: $(BIN)/mkdocs
	$(BIN)/python -m ks.tools.new_situation

## Validate the catalogue / scan for personal data
check: $(BIN)/mkdocs
	$(BIN)/python -m ks.tools.check
privacy: $(BIN)/mkdocs
	$(BIN)/python -m ks.tools.privacy

clean:
	rm -rf site test-artifacts .pytest_cache
