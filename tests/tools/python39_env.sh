#!/bin/bash
# A virtual environment on Python 3.9 (what QGIS 3.22-3.34 ship on Windows and macOS) for the tests that do not need
# QGIS: core, providers and emulators. Prints the environment's python.
#
# Python 3.9 comes from pyenv (/root/.pyenv/versions/3.9.*) or $PYTHON39. GDAL's Python bindings are built against the
# system's libgdal (the emulators write real GeoTIFFs and GeoPackages with it), so libgdal-dev comes from Debian.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-py39

python39=${PYTHON39:-$(ls -d /root/.pyenv/versions/3.9.*/bin/python3.9 2>/dev/null | sort -V | tail -1 || true)}
if [ -z "$python39" ] || ! "$python39" -c 'import sys; assert sys.version_info[:2] == (3, 9)' 2>/dev/null; then
  echo "python39_env.sh: no Python 3.9 found (set PYTHON39=/path/to/python3.9)" >&2
  exit 2
fi

stamp=$venv/.installed-$(cat requirements.txt requirements-dev.txt tests/tools/python39_env.sh | md5sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  if ! command -v gdal-config >/dev/null; then
    echo "Installing libgdal-dev from Debian (apt-get), for GDAL's Python bindings on Python 3.9..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgdal-dev >/dev/null
  fi
  rm -rf "$venv"
  "$python39" -m venv "$venv"
  pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
  # numpy 1 as the GDAL of Debian 12 was built for it; GDAL's bindings of the same version as the system library.
  "${pip[@]}" wheel setuptools "numpy<2" >&2
  "${pip[@]}" --no-build-isolation "GDAL==$(gdal-config --version)" >&2
  # The runtime requirements and the tools of the pure tests (not the QGIS ones: pytest-qt, pytest-qgis; boto3, which
  # terracatalogueclient needs, in the newest release that still supports 3.9; pystac-client, which needs 3.10:
  # the STAC contract tests skip themselves there).
  grep -vE '^\s*(-r|pytest-qt|pytest-qgis|boto3|botocore|pystac|pystac-client|#|$)' requirements-dev.txt >"$venv/requirements-pure.txt"
  "${pip[@]}" -r requirements.txt -r "$venv/requirements-pure.txt" >&2
  touch "$stamp"
fi
echo "$venv/bin/python"
