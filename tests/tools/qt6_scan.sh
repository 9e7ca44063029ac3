#!/bin/bash
# Qt6 / QGIS 4 readiness of the plugin, checked with QGIS's own tools (run by `make lint`):
#   1. QGIS's migration script (pyqt5to6, from the PyPI package qgis-pyqt5to6) runs on a copy of eo_connector/ and
#      must propose no change: the copy is compared with the original and any difference (or warning) fails, with the
#      diff printed. PyQt6 and PyQt6-QScintilla are installed so that its tables of Qt enums are complete; QGIS's
#      own classes cannot be introspected outside a QGIS 4, so QGIS enums are not part of this check.
#   2. Every .ui file under resources/ui loads with Qt6's uic (PyQt6.uic.loadUiType), offscreen (qt6_ui_check.py).
#
# The tools live in their own venv (.venv-qt6, pinned below) on a Python >= 3.12, which the migration script needs:
# $PYTHON312, else pyenv's newest 3.12+, else a python3.12+ on PATH or /usr/bin/python3 (Debian 13 and later).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-qt6
pins=(qgis-pyqt5to6==0.0.0.dev0 astpretty==3.0.0 tokenize-rt==6.2.0
      PyQt6==6.11.0 PyQt6-Qt6==6.11.2 PyQt6-sip==13.13.0 PyQt6-QScintilla==2.14.1)

is_312() { [ -n "$1" ] && "$1" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null; }
python=""
for candidate in "${PYTHON312:-}" $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.*/bin/python3.* 2>/dev/null | grep -E 'python3\.[0-9]+$' \
    | sort -V -r) $(command -v python3.14 python3.13 python3.12 2>/dev/null) /usr/bin/python3; do
  if is_312 "$candidate"; then python=$candidate; break; fi
done
if [ -z "$python" ]; then
  echo "qt6_scan.sh: no Python >= 3.12 found for QGIS's migration script (set PYTHON312=/path/to/python3.12)" >&2
  exit 2
fi

stamp=$venv/.installed-$(cat tests/tools/qt6_scan.sh | md5sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
  if ! "$venv/bin/python" -m pip install -q --disable-pip-version-check --pre "${pins[@]}" >"$venv/pip.log" 2>&1; then
    grep -v "^WARNING: Location" "$venv/pip.log" >&2
    exit 2
  fi
  touch "$stamp"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/a" "$work/b"
cp -r eo_connector "$work/a/" && cp -r eo_connector "$work/b/"
find "$work" -name __pycache__ -prune -exec rm -rf {} +

status=0
# pyqt5to6 rewrites the files in place and exits 1 when it changed one; what it says beyond its notice that QGIS
# classes are not available (warnings it cannot fix, errors) is a finding too.
(cd "$work/b" && QT_QPA_PLATFORM=offscreen "$OLDPWD/$venv/bin/pyqt5to6" eo_connector) >"$work/said" 2>&1 || true
if ! (cd "$work" && diff -ru a b); then
  echo "qt6 scan: QGIS's migration script (pyqt5to6) proposes the changes above to eo_connector/"
  status=1
fi
if grep -v "^QGIS classes not available for introspection" "$work/said"; then
  echo "qt6 scan: pyqt5to6 reported the lines above"
  status=1
fi
[ "$status" = 0 ] && echo "qt6 scan: pyqt5to6 proposes no change to eo_connector/"

QT_QPA_PLATFORM=offscreen "$venv/bin/python" tests/tools/qt6_ui_check.py resources/ui/*.ui || status=1
exit $status
