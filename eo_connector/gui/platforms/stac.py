"""The "STAC API" page: a STAC search section (gui/widgets/stac_search.py) for the current connection."""

from typing import Optional

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QVBoxLayout, QWidget

from ...core.aoi import AOI
from ...core.i18n import tr
from ...core.models import Connection
from .stac_search import StacSearchSection


class StacPanel(QWidget):
    jobStarted = pyqtSignal(str)

    def __init__(self, iface, platform, connections, jobs, parent=None):
        super().__init__(parent)
        self.platform = platform
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.section = StacSearchSection(iface, platform, connections, jobs, self)
        self.section.jobStarted.connect(self.jobStarted)
        layout.addWidget(self.section)
        self.runner, self.browser = self.section.runner, self.section.browser  # the dock's idle checks

    def section_title(self) -> str:
        return tr("STAC search")

    def set_connection(self, connection: Optional[Connection]):
        if connection is not None and connection.platform != self.platform.id:
            connection = None
        self.section.set_connection(connection)

    def set_aoi(self, aoi: Optional[AOI]):
        self.section.set_aoi(aoi)

    def set_account(self, account: Optional[dict]):
        pass


PANEL = StacPanel
