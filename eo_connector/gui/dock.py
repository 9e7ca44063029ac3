"""The EO Connector dock: collapsible sections (connection, area of interest, BrightEarth scenario or catalogue
search, jobs) wired together. The scenario section shows for BrightEarth connections, the catalogue search for
Terrascope ones. Building it touches no network: remote calls start only from the user's clicks (or, for a
catalogue connection, from choosing it: its collections are listed in the background)."""

from typing import Optional

from qgis.gui import QgsDockWidget

from ..core.errors import EOError
from ..core.i18n import tr
from ..core.models import Connection
from ..providers import brightearth, terrascope
from ..qgis_glue.connections import Connections
from ..qgis_glue.jobs import JobManager
from .platforms.brightearth import BrightEarthPanel
from .platforms.terrascope import TerrascopePanel
from .widgets.aoi_panel import AoiPanel
from .widgets.connections_panel import ConnectionsPanel
from .widgets.jobs_panel import JobsPanel
from .widgets.ui import icon, load_form


class EOConnectorDock(QgsDockWidget, load_form("dock")):
    def __init__(self, iface, connections: Connections, jobs: JobManager, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.connections = connections
        self.jobs = jobs
        self.setObjectName("EOConnectorDock")
        self.setWindowTitle(tr("EO Connector"))
        self.setWindowIcon(icon("eo_connector"))

        self.connections_panel = ConnectionsPanel(connections, self)
        self.aoi_panel = AoiPanel(iface, self)
        self.brightearth_panel = BrightEarthPanel(connections, jobs, self)
        self.terrascope_panel = TerrascopePanel(iface, connections, jobs, self)
        self.jobs_panel = JobsPanel(jobs, self)
        for group, title, panel, key in (
            (self.connectionGroup, tr("Connection"), self.connections_panel, "connection"),
            (self.aoiGroup, tr("Area of interest"), self.aoi_panel, "aoi"),
            (self.scenarioGroup, tr("BrightEarth scenario"), self.brightearth_panel, "scenario"),
            (self.catalogueGroup, tr("Catalogue search"), self.terrascope_panel, "catalogue"),
            (self.jobsGroup, tr("Jobs"), self.jobs_panel, "jobs"),
        ):
            group.setTitle(title)
            group.setSettingGroup("eo_connector/dock/" + key)  # QGIS remembers which sections are collapsed
            group.layout().addWidget(panel)

        self.connections_panel.connectionChanged.connect(self._connection_changed)
        self.connections_panel.accountChanged.connect(self.brightearth_panel.set_account)
        self.aoi_panel.aoiChanged.connect(self.brightearth_panel.set_aoi)
        self.aoi_panel.aoiChanged.connect(self.terrascope_panel.set_aoi)
        self.brightearth_panel.jobStarted.connect(self._job_started)
        self.terrascope_panel.jobStarted.connect(self._job_started)
        self.jobs.jobFinished.connect(self._job_finished)
        self._connection_changed(self.connections_panel.current_connection())
        self.brightearth_panel.set_account(self.connections_panel.current_account())

    def _connection_changed(self, connection: Optional[Connection]):
        """Each platform's section is shown (and given the connection) only when a connection of it is current."""
        platform = connection.platform if connection is not None else ""
        self.scenarioGroup.setVisible(platform == brightearth.PLATFORM)
        self.catalogueGroup.setVisible(platform == terrascope.PLATFORM)
        self.brightearth_panel.set_connection(connection if platform == brightearth.PLATFORM else None)
        self.terrascope_panel.set_connection(connection if platform == terrascope.PLATFORM else None)

    def _job_started(self, job_id: str):
        self.jobsGroup.setCollapsed(False)
        self.jobs_panel.select_job(job_id)

    def _job_finished(self, job_id: str):
        """A finished scenario tells the balance after it: show it without asking the server again."""
        try:
            record = self.jobs.get(job_id)
        except EOError:
            return
        credits = record.remote.get("credits_after")
        if credits is not None and record.connection_id:
            self.connections_panel.set_credits(record.connection_id, credits)

    # The AOI outline lives on the map only while the dock is shown.
    def showEvent(self, event):
        super().showEvent(event)
        if self.aoi_panel.aoi is not None and self.aoi_panel.rubber_band is None:
            self.aoi_panel.highlight()

    def hideEvent(self, event):
        self.aoi_panel.clear_highlight()
        super().hideEvent(event)

    def closeEvent(self, event):
        self.aoi_panel.clear_highlight()
        super().closeEvent(event)
