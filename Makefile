# EO Connector — every command a developer or CI needs. `make test` and `make demo` set everything up first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
PLUGIN := eo_connector
QGIS_PROFILE ?= default
PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/$(QGIS_PROFILE)
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup test test-pure test-matrix demo package deploy translations bench lint clean screenshots

# Debian's QGIS (its Python bindings live in /usr/bin/python3) with the distribution's numpy, GDAL, shapely and requests,
# then a venv over that interpreter: pip adds the test tools and never replaces what the distribution ships.
# The distribution's shapely is used where it is 2.x (Debian 13 and later); Debian 12's 1.8 is too old, so pip adds 2.x.
DEBIAN_PACKAGES := qgis python3-qgis qgis-providers python3-gdal gdal-bin python3-numpy python3-requests \
  python3-venv qttools5-dev-tools xvfb xauth aria2 curl git
setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt tests/tools/system_constraints.py
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing from Debian (apt-get):" $$missing; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@shapely=$$(apt-cache policy python3-shapely 2>/dev/null | sed -n 's/^ *Candidate: *//p'); \
	if [ -n "$$shapely" ] && dpkg --compare-versions "$$shapely" ge 2 \
	    && ! dpkg-query -W -f='$${Status}' python3-shapely 2>/dev/null | grep -q "ok installed"; then \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-shapely >/dev/null; \
	fi
	@test -x $(PY) || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	/usr/bin/python3 tests/tools/system_constraints.py > $(VENV)/system-constraints.txt
	/usr/bin/python3 tests/tools/system_constraints.py --requirements requirements-dev.txt > $(VENV)/requirements.txt
	$(PY) -m pip install -q --disable-pip-version-check -c $(VENV)/system-constraints.txt -r $(VENV)/requirements.txt
	@touch $@

test: setup translations
	$(PY) -m pytest

# The tests that need no QGIS (core, providers, emulators) on Python 3.9, the oldest Python QGIS users run.
test-pure:
	@py=$$(tests/tools/python39_env.sh) && echo "$$($$py --version) without QGIS" && $$py -m pytest -q

# The other stacks users have: Python 3.9 (above), then the whole suite and the demo on QGIS 3.40 LTR (Debian 13)
# in a chroot built on first use; `make test-matrix MATRIX="trixie sid"` adds the newest QGIS of Debian unstable.
MATRIX ?= trixie
test-matrix: test-pure
	@for suite in $(MATRIX); do tests/tools/qgis_chroot.sh $$suite 'make test && make demo' || exit 1; done

demo: setup translations
	$(PY) tests/demo.py

bench: setup
	$(PY) tests/bench.py

# The dock in every state a user meets, at 400 px, into docs/screenshots/ (linked from README.md).
screenshots: setup translations
	$(PY) tests/screenshots.py

# vermin: no syntax or standard library newer than Python 3.9 in the plugin (annotations count: 3.9 evaluates them);
# ruff's FA102 (pyproject.toml) adds the `X | Y` annotations vermin cannot tell from a bitwise or.
# qt6_scan.sh: QGIS's Qt6 migration script proposes no change to eo_connector/ and Qt6's uic loads every .ui file.
lint: setup
	$(PY) -m ruff check eo_connector tests
	$(VENV)/bin/vermin --target=3.9- --no-tips --violations --eval-annotations eo_connector
	@! grep -rnE "^\s*(from|import) (qgis|PyQt5|PyQt6)" eo_connector/core eo_connector/providers \
	  || (echo "core/ and providers/ must not import qgis or Qt"; exit 1)
	tests/tools/qt6_scan.sh

# Sources i18n/*.ts are kept in git; the compiled .qm files are built here.
translations: setup
	$(PY) tests/tools/update_translations.py
	@for ts in i18n/*.ts; do lrelease -silent $$ts -qm $${ts%.ts}.qm; done

# One folder eo_connector/ with metadata, code, resources and compiled translations: Plugins > Install from ZIP.
package: translations
	rm -rf build/$(PLUGIN) && mkdir -p build/$(PLUGIN)/i18n dist
	cp -r $(PLUGIN)/. build/$(PLUGIN)/
	cp -r resources build/$(PLUGIN)/resources
	cp metadata.txt LICENSE README.md build/$(PLUGIN)/
	cp i18n/*.qm build/$(PLUGIN)/i18n/
	find build/$(PLUGIN) -name __pycache__ -prune -exec rm -rf {} +
	rm -f dist/$(PLUGIN)-$(VERSION).zip && $(PY) -m zipfile -c dist/$(PLUGIN)-$(VERSION).zip build/$(PLUGIN)
	@echo "dist/$(PLUGIN)-$(VERSION).zip"

deploy: package
	mkdir -p $(PROFILE_DIR)/python/plugins
	rm -rf $(PROFILE_DIR)/python/plugins/$(PLUGIN)
	cp -r build/$(PLUGIN) $(PROFILE_DIR)/python/plugins/
	@echo "Deployed to $(PROFILE_DIR)/python/plugins/$(PLUGIN)"

clean:
	rm -rf build dist demo_output bench_output .pytest_cache i18n/*.qm .venv-py39 .venv-qt6 .venv-rs-client
