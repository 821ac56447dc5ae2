# lagebild — the commands a user and CI run. `make demo` to see it work, `make test` to check it.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: install demo test lint eval bench reliability fuzz clean

$(BIN)/lagebild: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,postgres,ray]'
	@touch $@

install: $(BIN)/lagebild  ## create .venv with the lagebild command and everything it needs; build the map page
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "make install: npm not found: the map page is not built (the API and the CLI work without it;" \
	       "install Node.js 20.19+ with npm, then run make install again)"; \
	elif [ -f src/lagebild/web/static/index.html ] && [ -z "$$(find frontend/index.html \
	       frontend/package-lock.json frontend/vite.config.js frontend/src frontend/public \
	       -newer src/lagebild/web/static/index.html 2>/dev/null)" ]; then \
	  echo "make install: the map page is up to date"; \
	else \
	  cd frontend && npm ci --no-audit --no-fund && npm run build; \
	fi

demo: install  ## ingest the demo corpus, show its events, then serve the map and watch the news feeds
	$(BIN)/lagebild ingest --db sqlite:///$(DEMO_DB) $$($(BIN)/python -c 'import lagebild.demo as d; print(d.corpus_path())')
	$(BIN)/lagebild events --db sqlite:///$(DEMO_DB) --format table
	@echo "Starting the map on http://127.0.0.1:8765 and the watcher on the default feeds (Ctrl-C stops)."
	$(BIN)/lagebild up --db sqlite:///$(DEMO_DB)

test: install  ## the whole test suite
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

eval: install  ## every public gold set -> docs/QUALITY.md
	$(BIN)/lagebild eval report --out docs/QUALITY.md

bench: install  ## speed and memory -> docs/PERFORMANCE.md
	$(BIN)/python benchmarks/run.py --out docs/PERFORMANCE.md

reliability: install  ## bad inputs, faults, schemathesis, a load test on 1M events -> docs/RELIABILITY.md
	$(BIN)/python benchmarks/reliability.py --out docs/RELIABILITY.md

FUZZ_SECONDS ?= 60
fuzz: install  ## fuzz the document pipeline for FUZZ_SECONDS (atheris if installed, else hypothesis)
	$(BIN)/python benchmarks/fuzz_pipeline.py --seconds $(FUZZ_SECONDS) .fuzz-corpus

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache $(DEMO_DB)*
