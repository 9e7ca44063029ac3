"""The EO Connector dock: collapsible sections (connection, area of interest, the current platform's page, jobs)
wired together. The platform page is the panel of the current connection's platform (gui/platforms), built the
first time that platform is chosen. Building the dock touches no network: remote calls start only from the user's
clicks (or, for a catalogue, from choosing its connection: its collections are listed in the background)."""

from typing import Dict, Optional

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QWidget

from ..core.errors import EOError
from ..core.i18n import tr
from ..core.models import Connection
from ..providers import registry
from ..qgis_glue.connections import Connections
from ..qgis_glue.jobs import JobManager
from .platforms import panel_class
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
        self.panels: Dict[str, QWidget] = {}  # platform id -> its page, built when first needed
        self.setObjectName("EOConnectorDock")
        self.setWindowTitle(tr("EO Connector"))
        self.setWindowIcon(icon("eo_connector"))

        self.connections_panel = ConnectionsPanel(connections, self)
        self.aoi_panel = AoiPanel(iface, self)
        self.jobs_panel = JobsPanel(jobs, self)
        for group, title, panel, key in (
            (self.connectionGroup, tr("Connection"), self.connections_panel, "connection"),
            (self.aoiGroup, tr("Area of interest"), self.aoi_panel, "aoi"),
            (self.jobsGroup, tr("Jobs"), self.jobs_panel, "jobs"),
        ):
            group.setTitle(title)
            group.setSettingGroup("eo_connector/dock/" + key)  # QGIS remembers which sections are collapsed
            group.layout().addWidget(panel)
        self.platformGroup.setSettingGroup("eo_connector/dock/platform")

        self.connections_panel.connectionChanged.connect(self._connection_changed)
        self.connections_panel.accountChanged.connect(self._account_changed)
        self.aoi_panel.aoiChanged.connect(self._aoi_changed)
        self.jobs.jobFinished.connect(self._job_finished)
        self._connection_changed(self.connections_panel.current_connection())

    # -- the platform page
    def platform_panel(self, platform_id: str) -> Optional[QWidget]:
        """The page of a platform (built now if it was not yet)."""
        if platform_id not in self.panels:
            platform = registry.find(platform_id)
            if platform is None:
                return None
            panel = panel_class(platform)(self.iface, platform, self.connections, self.jobs, self)
            panel.jobStarted.connect(self._job_started)
            panel.set_aoi(self.aoi_panel.aoi)
            self.platformStack.addWidget(panel)
            self.panels[platform_id] = panel
        return self.panels[platform_id]

    def current_panel(self) -> Optional[QWidget]:
        connection = self.connections_panel.current_connection()
        return self.panels.get(connection.platform) if connection else None

    def _connection_changed(self, connection: Optional[Connection]):
        """The page of the connection's platform is shown and given the connection; the others are told none."""
        platform_id = connection.platform if connection is not None else ""
        self.aoi_panel.set_platform(registry.find(platform_id))
        current = self.platform_panel(platform_id) if platform_id else None
        for panel in self.panels.values():
            if panel is not current:
                panel.set_connection(None)
        self.platformGroup.setVisible(current is not None)
        if current is not None:
            self.platformStack.setCurrentWidget(current)
            self.platformGroup.setTitle(current.section_title())
            current.set_connection(connection)
            current.set_account(self.connections_panel.current_account())

    def _account_changed(self, account: Optional[dict]):
        panel = self.current_panel()
        if panel is not None:
            panel.set_account(account)

    def _aoi_changed(self, aoi):
        for panel in self.panels.values():
            panel.set_aoi(aoi)

    def _job_started(self, job_id: str):
        self.jobsGroup.setCollapsed(False)
        self.jobs_panel.select_job(job_id)

    def _job_finished(self, job_id: str):
        """A finished job may tell the account's balance after it: show it without asking the server again."""
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
