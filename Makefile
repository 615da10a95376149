# Every target sets up its own virtual environment first, so on a fresh
# machine with Python 3.11+ `make demo` and `make test` are all it takes.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_STORE ?= store/demo.db
DEMO_PORT  ?= 8399

.PHONY: demo test quick golden bench accuracy realdata fingerprint lint setup clean

$(BIN)/versioner: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,ui,fast,pg,dask,parquet,web]'
	touch $@

setup: $(BIN)/versioner

demo: setup
	rm -f $(DEMO_STORE) $(DEMO_STORE)-wal $(DEMO_STORE)-shm
	$(BIN)/versioner --store $(DEMO_STORE) import seeds
	$(BIN)/versioner --store $(DEMO_STORE) list
	$(BIN)/versioner --store $(DEMO_STORE) log vessa-landslide
	$(BIN)/versioner --store $(DEMO_STORE) show balochistan-militants
	$(BIN)/versioner --store $(DEMO_STORE) diff balochistan-militants || test $$? -eq 1
	$(BIN)/versioner --store $(DEMO_STORE) diff altair-flight-diversion || test $$? -eq 1
	$(BIN)/versioner --store $(DEMO_STORE) audit
	$(BIN)/versioner --store $(DEMO_STORE) verify
	@echo "== fetch: docs/web-demo served on 127.0.0.1:$(DEMO_PORT) for the demo"
	$(BIN)/python -m http.server $(DEMO_PORT) --bind 127.0.0.1 --directory docs/web-demo >/dev/null 2>&1 & \
	server=$$!; \
	$(BIN)/versioner --store $(DEMO_STORE) fetch --delay 0 http://127.0.0.1:$(DEMO_PORT)/orvel-dam.html \
	  && $(BIN)/versioner --store $(DEMO_STORE) fetch --delay 0 http://127.0.0.1:$(DEMO_PORT)/orvel-dam-corrected.html; \
	status=$$?; kill $$server; test $$status -eq 0
	$(BIN)/versioner --store $(DEMO_STORE) diff dailylantern-orvel-dam-inspection || test $$? -eq 1
	$(BIN)/versioner --store $(DEMO_STORE) audit dailylantern-orvel-dam-inspection

test: setup
	$(BIN)/python -m pytest

# the edit-test loop: everything but the tests marked slow (make test runs them all)
quick: setup
	$(BIN)/python -m pytest -m "not slow"

# after a change meant to change output: rewrite tests/golden/, then read its diff
golden: setup
	VERSIONER_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py -q

accuracy: setup
	$(BIN)/python bench/accuracy.py

realdata: setup
	$(BIN)/python bench/realdata.py $(REALDATA_ARGS)

# after bumping a RULES_VERSION: the outputs the rules give, as tests/test_rules_version.py checks them
fingerprint: setup
	$(BIN)/python bench/rules_fingerprint.py --write

bench: setup
	$(BIN)/python bench/run.py
	$(BIN)/python bench/parse_cost.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/fetch.py

lint: setup
	$(BIN)/python -m pip install -q ruff mypy
	$(BIN)/ruff check versioner tests bench
	$(BIN)/mypy versioner

clean:
	rm -rf $(VENV) build *.egg-info $(DEMO_STORE)*
