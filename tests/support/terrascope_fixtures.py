"""Fixtures: the Terrascope OpenSearch + Keycloak emulator on 127.0.0.1.

- `terrascope_emulator`: a started TerrascopeEmulator with its defaults (see tests/emulators/terrascope.py).
- `terrascope_emulator_factory(**options)`: start one with other TerrascopeEmulator options
  (token_ttl, refresh_ttl, page_size, products, browser_user, faults, port, ...).
Every emulator started here is stopped at teardown, and a test fails if the emulator itself crashed on a request
(its tracebacks are in `emulator.errors`).
"""

import pytest

from tests.support.emulator_fixtures import started_emulators


@pytest.fixture
def terrascope_emulator_factory():
    # imported here so that only the tests using the emulator pay for (or fail on) its import
    from tests.emulators.terrascope import TerrascopeEmulator

    yield from started_emulators(TerrascopeEmulator)


@pytest.fixture
def terrascope_emulator(terrascope_emulator_factory):
    return terrascope_emulator_factory()
