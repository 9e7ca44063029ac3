"""Fixtures: the Earth Engine emulator (REST API, Google token endpoint, SEPAL) on 127.0.0.1, and connections to it.

- `ee_emulator_factory(**options)`: start an EarthEngineEmulator with other options (token_ttl, map_ttl,
  max_request_bytes, max_concurrent, operation_seconds, ...); stopped and checked for crashes at teardown.
- `ee_emulator`: one with its defaults (fast exports).
- `ee_context`: a PlatformContext with an in-memory secret store, plain HTTP sessions and the GDAL raster tools.
- `ee_connection(emulator, tmp_path, **options)`: a Connection signing in with a credentials file the emulator
  issued (as `earthengine authenticate` would leave), pointing every URL at the emulator.
"""

import pytest

from tests.support.emulator_fixtures import started_emulators


class MemorySecrets:
    """A SecretStore stand-in for pure tests."""

    def __init__(self):
        self.values = {}

    def get(self, key):
        return self.values.get(key)

    def set(self, key, value):
        if value:
            self.values[key] = value
        else:
            self.values.pop(key, None)

    def delete(self, key):
        self.values.pop(key, None)


@pytest.fixture
def ee_emulator_factory():
    from tests.emulators.earth_engine import EarthEngineEmulator

    yield from started_emulators(lambda **options: EarthEngineEmulator(**{"operation_seconds": 0.3, **options}))


@pytest.fixture
def ee_emulator(ee_emulator_factory):
    return ee_emulator_factory()


@pytest.fixture
def ee_context():
    from eo_connector.core.http import HttpSession
    from eo_connector.core.platform import PlatformContext
    from eo_connector.qgis_glue.rasters import GdalRasters

    return PlatformContext(secrets=MemorySecrets(), http=lambda url="", **kw: HttpSession(url, backoff=0.01, **kw),
                           rasters=GdalRasters())


def emulator_options(emulator, **options):
    from tests.emulators.earth_engine_data import PROJECT

    return {"sign_in": "credentials", "project": PROJECT, "token_url": emulator.token_url,
            "auth_url": emulator.auth_url, "catalog_url": emulator.catalog_url, **options}


@pytest.fixture
def ee_connection(tmp_path):
    from eo_connector.core.models import Connection

    def make(emulator, name="EE test", **options):
        values = emulator_options(emulator, **options)
        if values["sign_in"] == "credentials" and "credentials_file" not in values:
            path = tmp_path / f"credentials-{name.replace(' ', '_')}"
            emulator.write_credentials(path)
            values["credentials_file"] = str(path)
        return Connection("earth_engine", name, emulator.url, options.get("username", ""), values)

    return make
