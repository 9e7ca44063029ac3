#!/bin/bash
# A virtual environment of its own for rs-client-libraries 0.2, RS-Server's real client, used only by the contract
# test (tests/test_rs_server_contract.py) through tests/contract/rs_client_run.py. Prints the environment's python.
#
# Why apart from .venv: the library needs Python >= 3.11 and pins prefect[aws] 3.2, opentelemetry and pydantic 2,
# which would replace what QGIS's own Python packages (and the test tools) rely on. Its metadata also misses two
# packages it imports (opentelemetry-instrumentation-asyncio and -requests): they are added here.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-rs-client
requirements="rs-client-libraries==0.2 opentelemetry-instrumentation-asyncio==0.57b0 opentelemetry-instrumentation-requests==0.57b0"
python=${RS_CLIENT_PYTHON:-/usr/bin/python3}
if ! "$python" -c 'import sys; assert sys.version_info[:2] >= (3, 11)' 2>/dev/null; then
  echo "rs_client_env.sh: rs-client-libraries 0.2 needs Python 3.11 or newer ($python is older)" >&2
  exit 2
fi
stamp=$venv/.installed-$(echo "$requirements" | cat - tests/tools/rs_client_env.sh | md5sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  rm -rf "$venv"
  "$python" -m venv "$venv" >&2
  # shellcheck disable=SC2086
  "$venv/bin/python" -m pip install -q --disable-pip-version-check $requirements >&2
  "$venv/bin/python" -c "import rs_client.stac.cadip_client, rs_client.ogcapi.staging_client" >&2
  touch "$stamp"
fi
echo "$venv/bin/python"
