"""The dock's page for a platform without a panel of its own, built from its description alone:
- a catalogue search when it can search: collection, its filters (Platform.search_fields), Search / Stop, the results
  browser (list + footprints + quicklooks) and Download… through its "download" operation;
- a form and a Run button for each of its other operations (their fields; the AOI comes from the dock).
Everything remote runs in tasks; refusals are shown here in words."""

from typing import Dict, List, Optional

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.aoi import AOI
from ...core.errors import Cancelled, EOError
from ...core.i18n import number, tr
from ...core.models import Connection, JobState
from ...core.platform import Capability, FieldKind, Operation, Platform
from ...qgis_glue import settings
from ...qgis_glue.catalogue_search import CatalogueSearch, SessionHeaders
from .download_dialog import DownloadDialog
from .field_form import FieldForm
from .help import anchor_of
from .results_browser import ResultsBrowser
from .ui import run_in_background, show_message

SEARCH_OPERATIONS = ("search", "download")


class OperationSection(QWidget):
    """The form of one operation and its Run button."""

    def __init__(self, panel: "GenericPanel", operation: Operation):
        super().__init__(panel)
        self.panel, self.operation = panel, operation
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(f"<b>{operation.title}</b>", self)
        title.setWordWrap(True)
        layout.addWidget(title)
        self.form = FieldForm(operation.fields(), self)
        for name, field in self.form.fields.items():
            if field.kind == FieldKind.FOLDER:
                self.form.set_values({name: settings.default_output_root()})
        self.settings_key = f"forms/{panel.platform.id}/{operation.kind}"
        self.form.restore(self.settings_key)
        self.last_job_id = ""
        layout.addWidget(self.form)
        self.costLabel = QLabel(self)
        self.costLabel.setWordWrap(True)
        layout.addWidget(self.costLabel)
        show_message(self.costLabel, "")
        self.runButton = QPushButton(tr("Run"), self)
        self.runButton.setObjectName(f"run_{operation.kind}")
        self.runButton.setToolTip(operation.help)
        self.runButton.clicked.connect(self.run)
        layout.addWidget(self.runButton)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        layout.addWidget(self.messageLabel)
        show_message(self.messageLabel, "")

    def needs_aoi(self) -> bool:
        return any(f.kind == FieldKind.AOI and f.required for f in self.operation.fields())

    def update_state(self):
        missing = []
        if self.panel.connection is None:
            missing.append(tr("a connection"))
        if self.needs_aoi() and self.panel.aoi is None:
            missing.append(tr("an area of interest"))
        panel = self.panel
        values = {f.name: panel.aoi for f in self.operation.fields() if f.kind == FieldKind.AOI}
        refused = panel.platform.aoi_problem(panel.aoi) if values and panel.aoi is not None else ""
        refused = refused or (self.operation.refusal(values, panel.account) if panel.connection else "")
        history = [r for r in panel.jobs.jobs() if panel.connection and r.connection_id == panel.connection.id
                   and r.kind == self.operation.kind]
        cost = self.operation.cost(values, panel.account, history) if not missing else ""
        show_message(self.costLabel, refused or cost, error=bool(refused))
        self.runButton.setEnabled(not missing and not refused)
        self.runButton.setToolTip(tr("Needs {what}.", what=tr(" and ").join(missing)) if missing
                                  else refused or self.operation.help)

    def run(self):
        panel = self.panel
        if panel.connection is None:
            return
        values = self.form.values()
        for field in self.operation.fields():
            if field.kind == FieldKind.AOI:
                values[field.name] = panel.aoi
        try:
            record = panel.jobs.start(panel.connection, self.operation.kind, values)
        except EOError as err:
            show_message(self.messageLabel, str(err), error=True)
            return
        self.form.remember(self.settings_key)
        self.last_job_id = record.id
        show_message(self.messageLabel, tr("{name} started: follow it in the Jobs tab.", name=record.title))
        panel.jobStarted.emit(record.id)

    def job_finished(self, record):
        """The "started" line gives way to how the job ended."""
        if record.id != self.last_job_id:
            return
        failed = record.state == JobState.FAILED
        show_message(self.messageLabel, tr("{name}: {message}", name=record.title,
                                           message=record.error if failed else record.message), error=failed)


class GenericPanel(QWidget):
    jobStarted = pyqtSignal(str)  # job id
    resultsShown = pyqtSignal()  # the first page of a search arrived

    def __init__(self, iface, platform: Platform, connections, jobs, parent=None):
        super().__init__(parent)
        self.iface, self.platform, self.connections, self.jobs = iface, platform, connections, jobs
        self.connection: Optional[Connection] = None
        self.aoi: Optional[AOI] = None
        self.account: Optional[dict] = None
        self.sections: Dict[str, OperationSection] = {}
        self.download_dialog: Optional[DownloadDialog] = None
        self.browser: Optional[ResultsBrowser] = None
        self.results_page: Optional[QWidget] = None
        self.pending_title: Optional[str] = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if Capability.SEARCH in platform.capabilities:
            self._build_search(layout)
        for kind, operation in sorted(platform.operations().items()):
            if kind not in SEARCH_OPERATIONS:
                section = self.sections[kind] = OperationSection(self, operation)
                layout.addWidget(section)
        layout.addStretch(1)
        jobs.jobFinished.connect(self._job_finished)
        self._update()

    def section_title(self) -> str:
        return self.platform.title

    def help_anchor(self) -> str:
        return anchor_of(self.platform.title)

    def results_widget(self) -> Optional[QWidget]:
        return self.results_page

    def _job_finished(self, job_id: str):
        try:
            record = self.jobs.get(job_id)
        except EOError:
            return
        for section in self.sections.values():
            section.job_finished(record)
        self._update()

    # -- search
    def _build_search(self, layout):
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Collection"), self))
        self.collectionCombo = QComboBox(self)
        self.collectionCombo.setEditable(True)
        self.collectionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.collectionCombo.setMinimumContentsLength(8)
        self.collectionCombo.setToolTip(tr("The collection to search: pick one, or type its id"))
        self.collectionCombo.currentIndexChanged.connect(self._collection_changed)
        row.addWidget(self.collectionCombo, 1)
        layout.addLayout(row)
        self.filters = FieldForm([], self)
        layout.addWidget(self.filters)
        buttons = QHBoxLayout()
        self.searchButton = QPushButton(tr("Search"), self)
        self.searchButton.setToolTip(tr("Search the collection over the area of interest with these filters"))
        self.stopButton = QPushButton(tr("Stop"), self)
        self.stopButton.setToolTip(tr("Stop the search; the results already listed stay"))
        self.results_page = QWidget(self)
        results_layout = QVBoxLayout(self.results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        self.downloadButton = QPushButton(tr("Download…"), self.results_page)
        self.downloadButton.setToolTip(tr("Download the selected results"))
        for button in (self.searchButton, self.stopButton):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.countLabel = QLabel(self)
        self.countLabel.setWordWrap(True)
        layout.addWidget(self.countLabel)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        layout.addWidget(self.messageLabel)
        self.runner = CatalogueSearch(self)
        self.browser = ResultsBrowser(self.iface, self.results_page, platform=self.platform.id)
        results_layout.addWidget(self.browser)
        self.browser.add_action_button(self.downloadButton)
        self.searchButton.clicked.connect(self.search)
        self.stopButton.clicked.connect(self.runner.cancel)
        self.browser.stopRequested.connect(self.runner.cancel)
        self.downloadButton.clicked.connect(self.download)
        self.runner.pageArrived.connect(self._page_arrived)
        self.runner.finished.connect(self._search_finished)
        self.browser.itemsSelectionChanged.connect(self._update)
        self.downloadButton.setVisible("download" in self.platform.operations())
        show_message(self.messageLabel, "")

    def _collection_changed(self, *_):
        self.filters.set_fields(self.platform.search_fields(self.collection()))
        self.filters.restore(f"forms/{self.platform.id}/search")
        self._update()

    def collection(self) -> str:
        index = self.collectionCombo.currentIndex()
        text = self.collectionCombo.currentText().strip()
        if index >= 0 and self.collectionCombo.itemText(index) == text:
            return self.collectionCombo.itemData(index) or text
        return text

    def refresh_collections(self):
        connection, platform = self.connection, self.platform

        def listing(progress):
            with self.connections.open_client(connection) as client:
                return platform.collections(client)

        run_in_background(self, tr("Listing the collections of {name}", name=connection.name), listing,
                          lambda found, error: self._collections_listed(connection, found, error))

    def _collections_listed(self, connection, found, error):
        if self.connection is None or self.connection.id != connection.id:
            return
        if error is not None:
            show_message(self.messageLabel, str(error), error=True)
            return
        self.collectionCombo.clear()
        for collection in found or []:
            self.collectionCombo.addItem(collection.title or collection.id, collection.id)
        self._collection_changed()

    def search(self):
        connection, collection, platform, aoi = self.connection, self.collection(), self.platform, self.aoi
        if connection is None or self.runner.is_running():
            return
        filters = {k: v for k, v in self.filters.values().items() if v not in (None, "", ())}
        self.filters.remember(f"forms/{platform.id}/search")
        self.pending_title = collection.rsplit(":", 1)[-1] or platform.title  # old results stay until page 1
        show_message(self.messageLabel, "")
        self.countLabel.setText(tr("Searching…"))

        def pages(progress):
            client = self.connections.client(connection)
            return platform.search(client, collection, filters, aoi, progress)

        self.browser.prepare_footprints()
        self.runner.start(tr("{platform} search in {collection}", platform=platform.title, collection=collection),
                          pages)
        self._update()

    def _page_arrived(self, items, total):
        if self.pending_title is not None:
            self.browser.clear(self.pending_title)
            self.browser.set_loading(True)
            self.pending_title = None
            self.resultsShown.emit()
        self.browser.add_page(items, total)
        self.countLabel.setText(tr("{total} results match — {shown} shown", total=number(total),
                                   shown=number(len(self.browser.items()))))

    def _search_finished(self, received: int, error):
        self.pending_title = None
        self.browser.set_loading(False)
        if isinstance(error, Cancelled):
            self.countLabel.setText(tr("Stopped: {shown} results shown.", shown=number(len(self.browser.items()))))
        elif error is not None:
            show_message(self.messageLabel, str(error), error=True)
        self._update()

    def download(self):
        items = self.browser.selected_items() if self.browser else []
        operation = self.platform.operations().get("download")
        if self.connection is None or not items or operation is None:
            return
        dialog = DownloadDialog(operation, items, settings.default_output_root(), parent=self)
        connection = self.connection
        dialog.accepted.connect(lambda d=dialog: self._start_download(connection, d))
        dialog.finished.connect(dialog.deleteLater)
        self.download_dialog = dialog
        dialog.open()

    def _start_download(self, connection: Connection, dialog: DownloadDialog):
        self.download_dialog = None
        try:
            record = self.jobs.start(connection, "download", dialog.values())
        except EOError as err:
            show_message(self.messageLabel, str(err), error=True)
            return
        self.jobStarted.emit(record.id)

    # -- what the dock tells us
    def set_connection(self, connection: Optional[Connection]):
        changed = (connection.id if connection else "") != (self.connection.id if self.connection else "")
        self.connection = connection
        if changed and self.browser is not None:
            self.runner.cancel()
            self.browser.set_headers_provider(SessionHeaders(self.connections, connection) if connection else None)
            self.browser.set_connection_id(connection.id if connection else "")
            if connection is not None:
                self.refresh_collections()
        self._update()

    def set_aoi(self, aoi: Optional[AOI]):
        self.aoi = aoi
        self._update()

    def set_account(self, account: Optional[dict]):
        self.account = account
        self._update()

    def _update(self, *_):
        for section in self.sections.values():
            section.update_state()
        if self.browser is not None:
            running = self.runner.is_running()
            self.searchButton.setEnabled(self.connection is not None and bool(self.collection()) and not running)
            self.stopButton.setEnabled(running)
            self.downloadButton.setEnabled(self.connection is not None and bool(self.browser.selected_items()))

    def operation_sections(self) -> List[OperationSection]:
        return list(self.sections.values())
