# The two commands a new user runs: `make demo` and `make test`.
# Both create .venv with the Python found on PATH (3.11 or newer) and install what they need.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TODAY  ?= 2026-11-23

.PHONY: demo test fuzz bench clean pdf-libs locales

# pip is upgraded only when it is too old for an editable install from pyproject.toml (21.3,
# PEP 660): Python 3.11's own pip is newer.
PIP_TOO_OLD := $(BIN)/python -c 'import pip, sys; sys.exit(tuple(map(int, pip.__version__.split(".")[:2])) >= (21, 3))'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ogpctl needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	@! $(PIP_TOO_OLD) || $(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# PDF documents are laid out by Typst (the typst wheel, no system library); its own fonts
# have Latin letters, and Arabic needs a system font. As root one is installed when missing;
# otherwise an Arabic PDF shows empty boxes, and `render -f pdf` says what to install.
PDF_PACKAGES := fonts-dejavu-core
PDF_READY := $(BIN)/python -c 'import sys; from ogpctl.render import fonts; sys.exit(not fonts.typst_families() or not fonts.font_has(0x0627))' >/dev/null 2>&1

pdf-libs: $(STAMP)
	@$(PDF_READY) || \
		( [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		  echo "installing $(PDF_PACKAGES) for PDF documents (apt-get)" && \
		  { apt-get install -y -q $(PDF_PACKAGES) >/dev/null 2>&1 || \
		    { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q $(PDF_PACKAGES) >/dev/null 2>&1; }; } ) || \
		echo "No Arabic font: Arabic PDFs show empty boxes (Debian: apt-get install $(PDF_PACKAGES))"

# The label catalogues compiled once (templates/locales/*/LC_MESSAGES/ogpctl.mo, git-ignored):
# each .mo holds the digest of its .po and is read only while that is the .po's, so a
# stale or missing .mo costs only the 25 ms a command takes to compile the .po itself.
locales: $(STAMP)
	@$(BIN)/python -m ogpctl.base.i18n

demo: $(STAMP) pdf-libs locales
	@echo "== ogpctl rules (the catalogue)"
	@$(BIN)/ogpctl rules
	@echo
	@echo "== ogpctl check -C sample-country --today $(TODAY)"
	@$(BIN)/ogpctl check -C sample-country --today $(TODAY)
	@echo
	@echo "== ogpctl explain S211 (one rule, with its handbook section)"
	@$(BIN)/ogpctl explain S211
	@echo
	@echo "== ogpctl render: the action plan, self-assessment and reasoned response, en + es, md/html/docx/pdf"
	@formats="md html docx"; $(BIN)/python -c 'import typst' >/dev/null 2>&1 && formats="$$formats pdf"; \
	for f in $$formats; do \
		$(BIN)/ogpctl render action-plan --plan 2026-2030 -C sample-country -f $$f -o build/rendered --today $(TODAY) --force >/dev/null && \
		$(BIN)/ogpctl render self-assessment --plan 2023-2025 -C sample-country -f $$f -o build/rendered --today $(TODAY) --force >/dev/null && \
		$(BIN)/ogpctl render reasoned-response --plan 2026-2030 -C sample-country -f $$f -o build/rendered --today $(TODAY) --force >/dev/null || exit 1; \
	done
	@ls build/rendered
	@echo "-- build/rendered/2026-2030-action-plan.es.md, the commitments' first header table:"
	@grep -m1 -A8 '^### 1\.' build/rendered/2026-2030-action-plan.es.md
	@echo
	@echo "== ogpctl status -C sample-country (stage, next deadlines, progress, minimum requirements)"
	@$(BIN)/ogpctl status -C sample-country --today $(TODAY) | head -n 24
	@echo
	@echo "== ogpctl index: the evidence repository (first lines of the Markdown)"
	@$(BIN)/ogpctl index -C sample-country --plan 2026-2030 | head -n 12
	@echo
	@echo "== ogpctl site: the national OGP website with search, into build/site"
	@$(BIN)/ogpctl site -C sample-country --out build/site --today $(TODAY) --force | tail -n 3
	@echo "   open it with: $(BIN)/python -m http.server -d build/site"
	@echo
	@echo "== a new record's whole life from an empty folder (es + en): init, new-plan, new-commitment,"
	@echo "   answers, imported contributions, delivery, progress, an amendment, refresh, end of term"
	@$(BIN)/python docs/demo_journey.py
	@echo
	@echo "== a pull request that breaks the record"
	@$(BIN)/python docs/demo_pull_request.py
	@echo
	@echo "== ogpctl import plan: a tracker spreadsheet brought into a new record (docs/import.md)"
	@$(BIN)/python docs/demo_import.py

# The gates first (CI holds them): ruff's lint (~0.1 s) and mypy, strict on the core
# (~6 s of CPU the first time, under 1 s from its cache); configured in pyproject.toml.
# The website tests open the built site in Debian's Chromium; as root it is installed when
# missing, otherwise (or when apt cannot) those tests are skipped and say why. The workers take
# the test modules in the order tests/conftest.py gives them, the longest first.
test: $(STAMP) pdf-libs locales
	$(BIN)/ruff check ogpctl tests benchmarks docs
	$(BIN)/mypy
	@command -v chromium >/dev/null 2>&1 || \
		( [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		  echo "installing chromium for the website tests (apt-get)" && \
		  { apt-get install -y -q chromium >/dev/null 2>&1 || \
		    { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium >/dev/null 2>&1; }; } ) || \
		echo "chromium not installed: browser tests will be skipped (Debian: apt-get install chromium)"
	$(BIN)/python -m pytest -q -n auto --dist loadfile --no-loadscope-reorder

# The fast YAML path against the precise one on random and mutated record files
# (tests/test_fuzz_yaml.py): `make test` runs 60 examples a test, this 20,000 (minutes).
FUZZ_EXAMPLES ?= 20000
fuzz: $(STAMP)
	OGPCTL_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/test_fuzz_yaml.py

bench: $(STAMP) locales
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache sample-country/.ogpctl-cache templates/locales/*/LC_MESSAGES/*.mo
