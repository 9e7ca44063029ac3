"""RS-Server's Stations tab: CADIP sessions and their files (channel, block, size) or AUXIP files, searched
in a task; the ticked files (or the whole search, by reference) sent to the staging process as a job."""

from typing import Dict, List, Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import Cancelled, EOError
from ...core.i18n import number, tr
from ...core.models import Item
from ...providers.rs_server.client import session_files
from ...providers.rs_server.operations import StationSearchOperation
from ...qgis_glue.catalogue_search import CatalogueSearch
from ..widgets.field_form import FieldForm
from ..widgets.ui import run_in_background, show_message
from .stac_assets import size_text

ITEM_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class StationsTab(QWidget):
    """CADIP sessions and their files, or AUXIP files; staging of the ticked ones."""

    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self.items: List[Item] = []
        self.last_body: Optional[dict] = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.serviceCombo = QComboBox(self)
        self.serviceCombo.addItem(tr("CADIP sessions"), "cadip")
        self.serviceCombo.addItem(tr("AUXIP auxiliary data"), "auxip")
        form.addRow(tr("Search"), self.serviceCombo)
        layout.addLayout(form)
        self.filters = FieldForm([], self, advanced_key="eo_connector/dock/rs_station_more")
        layout.addWidget(self.filters)
        buttons = QHBoxLayout()
        self.searchButton = QPushButton(tr("Search"), self)
        self.stopButton = QPushButton(tr("Stop"), self)
        buttons.addWidget(self.searchButton)
        buttons.addWidget(self.stopButton)
        layout.addLayout(buttons)
        self.countLabel = QLabel(self)
        self.countLabel.setWordWrap(True)
        layout.addWidget(self.countLabel)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([tr("Session / file"), tr("Ch."), tr("Block"), tr("Size")])
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)
        stage = QFormLayout()
        stage.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.targetEdit = QLineEdit("s1_chunks", self)
        self.targetEdit.setToolTip(tr("The collection of your catalogue that receives the staged files"))
        stage.addRow(tr("Into"), self.targetEdit)
        layout.addLayout(stage)
        stage_buttons = QVBoxLayout()
        self.stageButton = QPushButton(tr("Stage ticked files"), self)
        self.stageAllButton = QPushButton(tr("Stage the whole search"), self)
        self.stageAllButton.setToolTip(tr("Send the search itself (by reference): the server stages all it finds"))
        stage_buttons.addWidget(self.stageButton)
        stage_buttons.addWidget(self.stageAllButton)
        layout.addLayout(stage_buttons)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        layout.addWidget(self.messageLabel)
        self.runner = CatalogueSearch(self)
        self.serviceCombo.currentIndexChanged.connect(self._service_changed)
        self.searchButton.clicked.connect(self.search)
        self.stopButton.clicked.connect(self.runner.cancel)
        self.stageButton.clicked.connect(self.stage)
        self.stageAllButton.clicked.connect(self.stage_all)
        self.runner.pageArrived.connect(self._page)
        self.runner.finished.connect(self._finished)
        self.tree.itemChanged.connect(self._tick_changed)
        self._service_changed()

    def service(self) -> str:
        return self.serviceCombo.currentData()

    def operation(self) -> StationSearchOperation:
        return self.panel.platform.operation(f"{self.service()}_search")

    def _service_changed(self, *_):
        self.filters.set_fields([f for f in self.operation().fields() if f.name != "max_items"], keep_values=False)
        self.tree.clear()
        self.items = []
        self.countLabel.setText("")
        self.update_state()

    def search(self):
        connection = self.panel.connection
        if connection is None or self.runner.is_running():
            return
        values = self.filters.values()
        try:
            body = self.operation().body(values)
        except EOError as err:
            show_message(self.messageLabel, str(err), error=True)
            return
        service = self.service()
        method = "GET" if service == "cadip" and "filter" not in body else "POST"
        self.last_body = dict(body, _method=method)
        self.tree.clear()
        self.items = []
        show_message(self.messageLabel, "")
        self.countLabel.setText(tr("Searching…"))

        def pages(progress):
            client = self.panel.connections.client(connection)
            return client.service(service).search(body, method=method, progress=progress)

        self.runner.start(tr("RS-Server {service} search", service=service.upper()), pages)
        self.update_state()

    def _page(self, items, total):
        self.tree.blockSignals(True)
        for item in items:
            self.items.append(item)
            top = QTreeWidgetItem([item.id, "", "", size_text(item.properties.get("size"))])
            top.setData(0, ITEM_ROLE, len(self.items) - 1)
            top.setToolTip(0, tr("{id}\nplatform {platform}, {start} – {end}", id=item.id,
                                 platform=item.properties.get("platform", "?"),
                                 start=item.properties.get("start_datetime", item.datetime or ""),
                                 end=item.properties.get("end_datetime", "")))
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            top.setCheckState(0, Qt.CheckState.Unchecked)
            if self.service() == "cadip":
                for key, channel, block, size in session_files(item):
                    child = QTreeWidgetItem([key, str(channel or ""), str(block or ""), size_text(size)])
                    child.setData(0, KEY_ROLE, key)
                    child.setToolTip(0, key)
                    child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    child.setCheckState(0, Qt.CheckState.Unchecked)
                    top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.blockSignals(False)
        noun = tr("sessions") if self.service() == "cadip" else tr("files")
        self.countLabel.setText(tr("{shown} of {total} {noun}", shown=number(len(self.items)),
                                   total=number(max(total, len(self.items))), noun=noun))

    def _finished(self, received, error):
        if isinstance(error, Cancelled):
            self.countLabel.setText(tr("Stopped: {shown} shown.", shown=number(len(self.items))))
        elif error is not None:
            show_message(self.messageLabel, str(error), error=True)
        elif not self.items:
            self.countLabel.setText(tr("Nothing matches: widen the dates or change the platform."))
        self.update_state()

    def _tick_changed(self, *_):
        self.update_state()

    def ticked(self) -> Dict[str, List[str]]:
        """{item id: [asset keys]} of what is ticked (a ticked AUXIP file: all its assets)."""
        found: Dict[str, List[str]] = {}
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            item = self.items[top.data(0, ITEM_ROLE)]
            if top.childCount():
                keys = [top.child(n).data(0, KEY_ROLE) for n in range(top.childCount())
                        if top.child(n).checkState(0) == Qt.CheckState.Checked]
            else:
                keys = list(item.assets) if top.checkState(0) == Qt.CheckState.Checked else []
            if keys:
                found[item.id] = keys
        return found

    def tick(self, item_id: str, keys: Optional[List[str]] = None):
        """Tick a session (all its files, or these) or an AUXIP file, as a user would."""
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if self.items[top.data(0, ITEM_ROLE)].id != item_id:
                continue
            if not top.childCount() or keys is None:
                top.setCheckState(0, Qt.CheckState.Checked)
            for n in range(top.childCount()):
                if keys is not None and top.child(n).data(0, KEY_ROLE) in keys:
                    top.child(n).setCheckState(0, Qt.CheckState.Checked)

    def stage(self):
        ticked = self.ticked()
        items = [item for item in self.items if item.id in ticked]
        self._start({"items": items, "asset_keys": ticked, "collection": self.targetEdit.text().strip()})

    def stage_all(self):
        if self.last_body is None or self.panel.connection is None:
            return

        def reference(progress):
            with self.panel.connections.open_client(self.panel.connection) as client:
                return self._reference_url(client)

        run_in_background(self, tr("Staging reference"), reference, lambda url, error: self._start(
            {"reference": url, "collection": self.targetEdit.text().strip()}) if error is None else
            show_message(self.messageLabel, str(error), error=True))

    def _reference_url(self, client) -> str:
        from urllib.parse import urlencode

        from ...providers.stac.client import get_params

        body = {k: v for k, v in self.last_body.items() if k not in ("_method", "filter", "filter-lang")}
        ids = [item.id for item in self.items]
        if ids:
            body["ids"] = ids
        api = client.service(self.service())
        return api.url("search") + "?" + urlencode(get_params(body))

    def _start(self, values: dict):
        connection = self.panel.connection
        if connection is None:
            return
        try:
            record = self.panel.jobs.start(connection, "staging", values)
        except EOError as err:
            show_message(self.messageLabel, str(err), error=True)
            return
        self.panel.follow_staging(record.id)
        show_message(self.messageLabel, tr("{name}: follow it in the Jobs section; the staged items will show in "
                                           "the Catalogue tab.", name=record.title))
        self.panel.jobStarted.emit(record.id)

    def update_state(self):
        connected = self.panel.connection is not None
        running = self.runner.is_running()
        self.searchButton.setEnabled(connected and not running)
        self.stopButton.setEnabled(running)
        self.stageButton.setEnabled(connected and bool(self.ticked()) and bool(self.targetEdit.text().strip()))
        self.stageAllButton.setEnabled(connected and bool(self.items) and not running)
