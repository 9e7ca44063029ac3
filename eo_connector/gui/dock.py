"""The EO Connector dock, laid out for a dock from 320 px wide up: the connection on top, then tabs — Area · the
current platform's page · Results · Jobs — each scrolling vertically only, with a help button that opens the
README's section of the tab shown.

The platform page is the panel of the current connection's platform (gui/platforms), built the first time that
platform is chosen. Besides the panel protocol (gui/platforms/__init__.py) the dock uses a panel's optional hooks
when it has them: `results_widget()` (shown in the Results tab), `help_anchor()` (its README section) and a
`resultsShown` signal (bring the Results tab forward). Building the dock touches no network: remote calls start only
from the user's clicks (or, for a catalogue, from choosing its connection: its collections are listed in the
background)."""

from typing import Dict, Optional

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QSizePolicy, QToolButton, QWidget

from ..core.errors import EOError
from ..core.i18n import tr
from ..core.models import Connection
from ..providers import registry
from ..qgis_glue import settings
from ..qgis_glue.connections import Connections
from ..qgis_glue.jobs import JobManager
from .platforms import panel_class
from .widgets.aoi_panel import AoiPanel
from .widgets.connections_panel import ConnectionsPanel
from .widgets.help import HELP_SECTIONS, anchor_of, show_help
from .widgets.jobs_panel import JobsPanel
from .widgets.ui import icon, load_form, tool_button

AREA_TAB, PLATFORM_TAB, RESULTS_TAB, JOBS_TAB = range(4)
FIRST_WIDTH = 400  # px, the width of the dock the first time it opens
TAB_KEY = "dock/tab"


class EOConnectorDock(QgsDockWidget, load_form("dock")):
    def __init__(self, iface, connections: Connections, jobs: JobManager, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.connections = connections
        self.jobs = jobs
        self.panels: Dict[str, QWidget] = {}  # platform id -> its page, built when first needed
        self.results_pages: Dict[str, QWidget] = {}  # platform id -> its results widget (optional hook)
        self.help_dialog = None
        self._width_given = False
        self.setObjectName("EOConnectorDock")
        self.setWindowTitle(tr("EO Connector"))
        self.setWindowIcon(icon("eo_connector"))

        self.connections_panel = ConnectionsPanel(connections, self)
        self.connections_panel.jobs = jobs
        self.aoi_panel = AoiPanel(iface, self)
        self.jobs_panel = JobsPanel(jobs, self)
        self.connectionLayout.addWidget(self.connections_panel)
        self.areaLayout.addWidget(self.aoi_panel)
        self.areaLayout.addStretch(1)
        self.jobsLayout.addWidget(self.jobs_panel)
        for index, title, tip in ((AREA_TAB, tr("Area"), tr("Area of interest: where it comes from and its size")),
                                  (RESULTS_TAB, tr("Results"), tr("The results of the last search")),
                                  (JOBS_TAB, tr("Jobs"), tr("Processing runs and downloads, with their progress"))):
            self.tabs.setTabText(index, title)
            self.tabs.setTabToolTip(index, tip)
        self.tabs.setTabIcon(AREA_TAB, icon("aoi"))
        for scroll in (self.areaScroll, self.platformScroll):
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # contents follow the width

        self.helpButton = tool_button(self, "helpButton", "help", tr("Help on this tab (opens the guide's section)"))
        self.helpButton.clicked.connect(lambda: self.show_help(self.current_help_anchor()))
        self.tabs.setCornerWidget(self.helpButton, Qt.Corner.TopRightCorner)
        self.connections_panel.add_tool_button(self._help_button_for("connections",
                                                                     tr("Help on connections and signing in")))

        for stack in (self.platformStack, self.resultsStack):
            stack.currentChanged.connect(lambda index, s=stack: _only_current_counts(s, s.widget(index)))
        self.connections_panel.connectionChanged.connect(self._connection_changed)
        self.connections_panel.accountChanged.connect(self._account_changed)
        self.aoi_panel.aoiChanged.connect(self._aoi_changed)
        self.jobs.jobFinished.connect(self._job_finished)
        self.jobs.jobChanged.connect(self._update_jobs_tab)
        self._connection_changed(self.connections_panel.current_connection())
        self._update_jobs_tab()
        saved_tab = settings.get(TAB_KEY, AREA_TAB)
        self.tabs.setCurrentIndex(int(saved_tab) if str(saved_tab).isdigit() and self._tab_shown(int(saved_tab))
                                  else AREA_TAB)
        self.tabs.currentChanged.connect(lambda index: settings.set_value(TAB_KEY, index))

    # -- the platform page
    def platform_panel(self, platform_id: str) -> Optional[QWidget]:
        """The page of a platform (built now if it was not yet)."""
        if platform_id not in self.panels:
            platform = registry.find(platform_id)
            if platform is None:
                return None
            panel = panel_class(platform)(self.iface, platform, self.connections, self.jobs, self)
            panel.jobStarted.connect(self._job_started)
            if hasattr(panel, "resultsShown"):
                panel.resultsShown.connect(lambda: self.tabs.setCurrentIndex(RESULTS_TAB))
            panel.set_aoi(self.aoi_panel.aoi)
            self.platformStack.addWidget(panel)
            _only_current_counts(self.platformStack, self.platformStack.currentWidget())
            self.panels[platform_id] = panel
            results = panel.results_widget() if hasattr(panel, "results_widget") else None
            if results is not None:
                self.resultsStack.addWidget(results)
                _only_current_counts(self.resultsStack, self.resultsStack.currentWidget())
                self.results_pages[platform_id] = results
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
        results = self.results_pages.get(platform_id) if current is not None else None
        self._set_tab_shown(PLATFORM_TAB, current is not None)
        self._set_tab_shown(RESULTS_TAB, results is not None)
        if current is not None:
            self.platformStack.setCurrentWidget(current)
            title = current.section_title()
            self.tabs.setTabText(PLATFORM_TAB, title)
            self.tabs.setTabToolTip(PLATFORM_TAB, title)
            current.set_connection(connection)
            current.set_account(self.connections_panel.current_account())
        if results is not None:
            self.resultsStack.setCurrentWidget(results)

    def _tab_shown(self, index: int) -> bool:
        return self.tabs.isTabVisible(index) if hasattr(self.tabs, "isTabVisible") else self.tabs.isTabEnabled(index)

    def _set_tab_shown(self, index: int, shown: bool):
        if hasattr(self.tabs, "setTabVisible"):  # Qt 5.15 and later
            self.tabs.setTabVisible(index, shown)
        self.tabs.setTabEnabled(index, shown)

    def _account_changed(self, account: Optional[dict]):
        panel = self.current_panel()
        if panel is not None:
            panel.set_account(account)

    def _aoi_changed(self, aoi):
        for panel in self.panels.values():
            panel.set_aoi(aoi)

    # -- jobs
    def _job_started(self, job_id: str):
        self.jobs_panel.select_job(job_id)
        self._update_jobs_tab()

    def _update_jobs_tab(self, *_):
        running = len(self.jobs.tasks)
        self.tabs.setTabText(JOBS_TAB, tr("Jobs ({count})", count=running) if running else tr("Jobs"))

    def _job_finished(self, job_id: str):
        """A finished job may tell the account's balance after it: show it without asking the server again."""
        self._update_jobs_tab()
        try:
            record = self.jobs.get(job_id)
        except EOError:
            return
        credits = record.remote.get("credits_after")
        if credits is not None and record.connection_id:
            self.connections_panel.set_credits(record.connection_id, credits)

    # -- help
    def _help_button_for(self, key: str, tip: str) -> QToolButton:
        button = tool_button(self, f"help_{key}", "help", tip)
        button.clicked.connect(lambda: self.show_help(HELP_SECTIONS[key]))
        return button

    def current_help_anchor(self) -> str:
        """The README section of the tab shown: the page's own (help_anchor()) or the one named like its title."""
        index = self.tabs.currentIndex()
        if index == PLATFORM_TAB:
            panel = self.current_panel()
            if panel is not None:
                return panel.help_anchor() if hasattr(panel, "help_anchor") else anchor_of(panel.section_title())
        return HELP_SECTIONS[{AREA_TAB: "area", RESULTS_TAB: "results", JOBS_TAB: "jobs"}.get(index, "area")]

    def show_help(self, anchor: str):
        self.help_dialog = show_help(anchor, self)

    # -- on screen
    def first_show_width(self, main_window):
        """The first time it opens, a comfortable width (QGIS would give the narrowest the contents allow)."""
        if not self._width_given and hasattr(main_window, "resizeDocks"):
            main_window.resizeDocks([self], [FIRST_WIDTH], Qt.Orientation.Horizontal)
            self._width_given = True

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


def _only_current_counts(stack, current):
    """A stack is as wide as its widest page: the pages not shown are told to ignore their size, so another
    platform's page never widens (or cuts) the one shown."""
    for index in range(stack.count()):
        page = stack.widget(index)
        policy = QSizePolicy.Policy.Preferred if page is current else QSizePolicy.Policy.Ignored
        page.setSizePolicy(policy, policy)

