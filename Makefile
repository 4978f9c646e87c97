# `make run` and `make test` do all the set-up themselves; a second call reuses .venv.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.bandtimer-installed

.PHONY: run test bench sounds clean

# compileall keeps bandtimer's bytecode current (about 30 ms when it already is): an editable
# install gets none from pip, and where PYTHONDONTWRITEBYTECODE is set Python never writes it,
# so every start would compile the sources again before the menu could appear.
run: $(STAMP)
	$(BIN)/python -m compileall -q bandtimer
	$(BIN)/bandtimer $(ARGS)

# -n auto: one pytest worker per core, and one for the tests that hold a real process to real
# time; every test keeps its files in its own tmp_path, so the workers share nothing. With
# --dist loadgroup the real-time tests run on their worker from the start while the others
# yield the CPU to them (tests/real_time.py). `.venv/bin/pytest tests/...` runs them all in
# one process.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/pytest -n auto --dist loadgroup

bench: $(STAMP)
	bash scripts/system-deps.sh --bench
	$(BIN)/python -m compileall -q bandtimer
	$(BIN)/python -m bench

sounds: $(STAMP)
	$(BIN)/python scripts/make_sounds.py sounds

$(STAMP): pyproject.toml scripts/system-deps.sh
	bash scripts/system-deps.sh
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) dist build .pytest_cache .ruff_cache
