"""Shared test set-up. Fixtures live in tests/support/ modules, one per subject."""
import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# QGIS settings of the test session go to a scratch folder, never the developer's own profile. This runs before
# pytest-qgis creates the QgsApplication (in pytest_configure), which is what makes it take effect.
from qgis.PyQt.QtCore import QCoreApplication, QSettings  # noqa: E402

SETTINGS_DIR = tempfile.mkdtemp(prefix="eo-connector-test-settings-")
QCoreApplication.setOrganizationName("QGIS")
QCoreApplication.setApplicationName("QGIS3")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, SETTINGS_DIR)

pytest_plugins = [
    "tests.support.keyring_fixtures",
    "tests.support.emulator_fixtures",
    "tests.support.terrascope_fixtures",
    "tests.support.state_fixtures",
]
