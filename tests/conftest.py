"""Shared test set-up. Fixtures live in tests/support/ modules, one per subject.

Two ways to run:
- with QGIS (`make test`): everything, on the QGIS Python of the distribution;
- without QGIS (`make test-pure`, e.g. on Python 3.9 as QGIS 3.22-3.34 ship it on Windows and macOS): only what
  does not need QGIS. There a test module (or fixture) that imports qgis or Qt is skipped, not failed: the import
  raises pytest's skip, so which tests are "pure" is decided by what they really import, never by a list.
"""
import importlib.abc
import importlib.util
import os
import sys
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HAS_QGIS = importlib.util.find_spec("qgis") is not None


class _SkipWithoutQgis(importlib.abc.MetaPathFinder):
    """Turns `import qgis` / `import PyQt5` into a skip of the module or fixture that asked for it."""

    NAMES = ("qgis", "PyQt5", "PyQt6", "pytestqt", "pytest_qgis")

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in self.NAMES:
            raise pytest.skip.Exception(f"needs QGIS ({fullname})", allow_module_level=True)
        return None


pytest_plugins = [
    "tests.support.keyring_fixtures",
    "tests.support.emulator_fixtures",
    "tests.support.terrascope_fixtures",
    "tests.support.rs_server_fixtures",
    "tests.support.dock_fixtures",
    "tests.support.earth_engine_fixtures",
]

if HAS_QGIS:
    # QGIS settings of the test session go to a scratch folder, never the developer's own profile. This runs before
    # pytest-qgis creates the QgsApplication (in pytest_configure), which is what makes it take effect.
    from tests.support.scratch_profile import use_scratch_settings

    SETTINGS_DIR = use_scratch_settings(tempfile.mkdtemp(prefix="eo-connector-test-settings-"))
    pytest_plugins.append("tests.support.state_fixtures")
else:
    sys.meta_path.insert(0, _SkipWithoutQgis())

    def _needs_qgis():
        pytest.skip("needs QGIS")

    # The fixtures pytest-qgis and pytest-qt would give: a test asking for one is skipped.
    for _name in ("qgis_app", "qgis_iface", "qgis_canvas", "qgis_parent", "qgis_processing", "qgis_new_project",
                  "qtbot"):
        globals()[_name] = pytest.fixture(_needs_qgis, name=_name)
