"""Fixtures: local platform emulators on 127.0.0.1.

- `beod_emulator`: a started BrightEarth On Demand emulator with fast defaults (scenarios finish in 0.5 s).
- `beod_emulator_factory(**kwargs)`: start one with other BeodEmulator options (see tests/emulators/beod.py).
Every emulator started here is stopped at teardown, and a test fails if the emulator itself crashed on a request
(its tracebacks are in `emulator.errors`).
"""

import pytest

from tests.emulators.beod import BeodEmulator

FAST_BEOD = {"run_seconds": 0.5}


def _stop_and_check(emulators):
    crashes = []
    for emulator in emulators:
        emulator.stop()
        crashes += emulator.errors
    assert not crashes, "the emulator crashed while answering:\n" + "\n".join(crashes)


def started_emulators(make):
    """The body of an emulator factory fixture: yields start(**options), which builds one with make(**options) and
    starts it; at teardown every one started is stopped and checked for crashes."""
    started = []

    def start(**options):
        emulator = make(**options)
        emulator.start()
        started.append(emulator)
        return emulator

    yield start
    _stop_and_check(started)


@pytest.fixture
def beod_emulator_factory():
    yield from started_emulators(lambda **options: BeodEmulator(**{**FAST_BEOD, **options}))


@pytest.fixture
def beod_emulator(beod_emulator_factory):
    return beod_emulator_factory()
