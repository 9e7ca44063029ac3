"""Fixtures: the RS-Server emulator on 127.0.0.1, and pure plugin contexts for its connections.

- `rs_emulator`: a started RsServerEmulator (staging takes 0.3 s); `rs_emulator_factory(**options)` for others.
- `rs_ctx`: a PlatformContext with an in-memory secret store (no keyring, no QGIS).
- `rs_connection(emulator, **form)`: a saved-and-signed-in cluster connection with the demo API key.
"""

import pytest

from tests.support.emulator_fixtures import started_emulators


class MemorySecrets(dict):
    def set(self, key, value):
        self[key] = value

    def delete(self, key):
        self.pop(key, None)


@pytest.fixture
def rs_emulator_factory():
    from tests.emulators.rs_server import RsServerEmulator

    yield from started_emulators(lambda **options: RsServerEmulator(**{"staging_seconds": 0.3, **options}))


@pytest.fixture
def rs_emulator(rs_emulator_factory):
    return rs_emulator_factory()


@pytest.fixture
def rs_ctx():
    from eo_connector.core.platform import PlatformContext

    return PlatformContext(secrets=MemorySecrets())


def rs_form(emulator, **values):
    from tests.emulators.rs_server import DEMO_KEY

    form = {"url": emulator.url, "mode": "cluster", "auth": "api_key", "api_key": DEMO_KEY,
            "check_url": emulator.check_url}
    form.update(values)
    return form


@pytest.fixture
def rs_connection(rs_ctx):
    from eo_connector.providers.rs_server.platform import PLATFORM

    def make(emulator, **values):
        form = rs_form(emulator, **values)
        connection = PLATFORM.connection_from_form("RS test", form)
        PLATFORM.sign_in(rs_ctx, connection, PLATFORM.credentials_from_form(form))
        return connection

    return make
