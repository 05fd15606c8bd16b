PY ?= .venv/bin/python
PYBABEL ?= .venv/bin/pybabel
export QT_QPA_PLATFORM ?= offscreen

.PHONY: help install run test lint i18n bench screenshot

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

install:  ## create .venv and install thbdesk with its test and dev tools
	python3 -m venv .venv && .venv/bin/pip install -e ".[test,dev]"

run:  ## open the window (needs a display; unset QT_QPA_PLATFORM)
	QT_QPA_PLATFORM= $(PY) -m thbdesk

test:  ## the whole suite, offscreen
	$(PY) -m pytest

lint:  ## ruff on everything, mypy (strict) on the Qt-free core
	$(PY) -m ruff check src tests bench hatch_build.py
	$(PY) -m ruff format --check src tests bench hatch_build.py
	$(PY) -m mypy

i18n:  ## extract messages, update the ar/fr/en catalogues, compile them
	$(PYBABEL) extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 -k Nn_:1,2 --no-location --sort-output \
		--project thbdesk -o translations/thbdesk.pot .
	$(PYBABEL) update -i translations/thbdesk.pot -d translations -D thbdesk --no-fuzzy-matching --ignore-obsolete
	$(PYBABEL) compile -d translations -D thbdesk

bench:  ## performance figures (ratios against baselines measured in the same run)
	$(PY) bench/startup.py
	$(PY) bench/import.py
	$(PY) bench/search.py
	$(PY) bench/docgen.py
	$(PY) bench/register.py

screenshot:  ## docs/ screenshots of the window (offscreen grab)
	$(PY) tools/screenshot.py docs
