"""Shared test set-up. Fixtures live in tests/support/ modules, one per subject."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = [
    "tests.support.keyring_fixtures",
    "tests.support.emulator_fixtures",
]
