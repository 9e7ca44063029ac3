"""A platform's own Python packages (Platform.python_packages), when missing: a sentence and an Install button that
runs pip in the background (qgis_glue.dependencies.install), where that platform is used. The other platforms never
wait for them."""

from typing import Optional

from qgis.PyQt.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.i18n import tr
from ...core.platform import Platform
from ...qgis_glue import dependencies
from .ui import run_in_background, show_message


class DependencyNotice(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.platform: Optional[Platform] = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.installButton = QPushButton(self)
        self.installButton.clicked.connect(self.install)
        layout.addWidget(self.label)
        layout.addWidget(self.installButton)
        self.set_platform(None)

    def missing(self):
        return dependencies.missing_of(self.platform.python_packages) if self.platform is not None else []

    def set_platform(self, platform: Optional[Platform]):
        self.platform = platform
        missing = self.missing()
        self.setVisible(bool(missing))
        if missing:
            names = ", ".join(self.platform.python_packages[m] for m in missing)
            show_message(self.label, tr("{platform} needs the Python package {names}, which is not installed.",
                                        platform=self.platform.title, names=names), error=True)
            self.installButton.setText(tr("Install {names}", names=names))
            self.installButton.setEnabled(True)

    def install(self):
        platform, missing = self.platform, self.missing()
        if platform is None or not missing:
            return
        self.installButton.setEnabled(False)
        show_message(self.label, tr("Installing… QGIS keeps working meanwhile."))
        run_in_background(self, tr("Installing Python packages for {platform}", platform=platform.title),
                          lambda progress: dependencies.install(missing, progress, platform.python_packages),
                          self._installed)

    def _installed(self, result, error):
        if error is not None:
            show_message(self.label, str(error), error=True)
            self.installButton.setEnabled(True)
            return
        show_message(self.label, tr("Installed. Restart QGIS if something still says it is missing."))
        self.installButton.setVisible(False)
