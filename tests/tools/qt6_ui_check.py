"""Load every .ui file given with Qt6's uic (PyQt6.uic.loadUiType) and build its form offscreen, as QGIS 4 would.

Run by tests/tools/qt6_scan.sh with the PyQt6 of its tool venv (no QGIS there). The QGIS widgets a form uses
(<customwidget>, e.g. QgsFileWidget from qgsfilewidget.h) are stood in for by subclasses of the Qt class they
extend: Qt's own properties are set for real, so an enum or property spelling Qt6 does not know fails here.
Prints what fails and a summary line; exits 1 if any file fails.
"""

import os
import sys
import types
import xml.etree.ElementTree as ET

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt6 import QtWidgets, uic  # noqa: E402
from PyQt6.QtCore import PYQT_VERSION_STR, QtMsgType, qInstallMessageHandler  # noqa: E402


def _accept_anything(*args, **kwargs):
    return None


def stand_in_custom_widgets(path):
    """Modules named after the headers of the file's custom widgets, each with a stand-in class."""
    for widget in ET.parse(path).getroot().iter("customwidget"):
        name, extends, header = widget.findtext("class"), widget.findtext("extends"), widget.findtext("header")
        base = getattr(QtWidgets, extends or "QWidget")
        # QGIS-only setters (e.g. setStorageMode) are accepted; everything Qt has runs for real.
        stand_in = type(name, (base,), {"__getattr__": lambda self, attr: _accept_anything})
        module = types.ModuleType(os.path.splitext(header)[0].replace("/", "."))
        setattr(module, name, stand_in)
        sys.modules[module.__name__] = module


def main(paths):
    warnings = []

    def on_message(kind, context, message):
        if kind != QtMsgType.QtDebugMsg:
            warnings.append(message)

    qInstallMessageHandler(on_message)
    app = QtWidgets.QApplication(sys.argv[:1])  # noqa: F841 (widgets need it)
    failed = 0
    for path in paths:
        warnings.clear()
        try:
            stand_in_custom_widgets(path)
            form_class, base_class = uic.loadUiType(path)
            widget = base_class()
            form_class().setupUi(widget)
            widget.deleteLater()
        except Exception as err:  # any failure of uic or of the generated code is the finding
            failed += 1
            print(f"qt6 uic: {path}: {type(err).__name__}: {err}")
            continue
        if warnings:
            failed += 1
            print(f"qt6 uic: {path}: Qt warned: {'; '.join(warnings)}")
    print(f"qt6 uic: {len(paths) - failed} of {len(paths)} .ui files load with PyQt6 {PYQT_VERSION_STR}'s uic")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
