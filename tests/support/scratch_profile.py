"""A scratch QGIS profile for headless runs (tests, demo, benchmark): the user's own profile is never touched.

Two things point QGIS at a folder of ours, and both must happen before the QgsApplication exists:
- QGIS_CUSTOM_CONFIG_PATH, which QgsApplication reads to choose its profile folder (on 3.40 QgsSettings follow the
  profile folder, so without it settings land in ~/.local/share/QGIS/QGIS3/profiles/default);
- the QSettings path of the IniFormat user scope, which QgsSettings use on 3.22.
"""

import os


def use_scratch_settings(folder: str) -> str:
    from qgis.PyQt.QtCore import QCoreApplication, QSettings

    os.makedirs(folder, exist_ok=True)
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = folder
    QCoreApplication.setOrganizationName("QGIS")
    QCoreApplication.setApplicationName("QGIS3")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    return folder


def user_profile_root() -> str:
    """Where QGIS keeps the user's own profiles (~/.local/share/QGIS/QGIS3 on Linux)."""
    from qgis.PyQt.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return os.path.join(location, "QGIS", "QGIS3")


def files_in_user_profile() -> list:
    """QgsSettings, the auth database or the profile folder of this process when they are the user's own."""
    from qgis.core import QgsApplication, QgsSettings

    QgsSettings().sync()
    used = [QgsSettings().fileName(), QgsApplication.qgisAuthDatabaseFilePath(), QgsApplication.qgisSettingsDirPath()]
    root = os.path.realpath(user_profile_root())
    return [path for path in used if path and os.path.realpath(path).startswith(root)]
