"""The Earth Engine asset browser of the dock: the Cloud project's folders (listAssets, page by page: "More…"),
a legacy users/… root, or a search of the public data catalogue; type, dates, bands, size and a thumbnail for the
chosen asset. Every call runs in a background task; a narrow dock (320 px) shows it without scrolling sideways."""

from typing import Optional

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from ...core.i18n import tr
from ...core.models import Connection, Item
from ...providers.earth_engine import assets
from ...providers.earth_engine.expressions import IMAGE, IMAGE_COLLECTION, asset_expression, visualize
from ..widgets.ui import run_in_background, show_message

PROJECT, LEGACY, CATALOGUE = "project", "legacy", "catalogue"
ROLE = Qt.ItemDataRole.UserRole
MORE, PLACEHOLDER = "more", "placeholder"


class AssetBrowser(QWidget):
    assetChosen = pyqtSignal(object)  # the chosen Item (with its details when known), or None

    def __init__(self, connections, parent=None, task_owner=None):
        super().__init__(parent)
        self.connections = connections
        self.task_owner = task_owner or self  # whose busy_tasks() counts the calls made here
        self.connection: Optional[Connection] = None
        self.chosen: Optional[Item] = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.sourceCombo = QComboBox(self)
        for value, label in ((PROJECT, tr("My project")), (LEGACY, tr("Legacy (users/…)")),
                             (CATALOGUE, tr("Public catalogue"))):
            self.sourceCombo.addItem(label, value)
        self.queryEdit = QLineEdit(self)
        self.goButton = QPushButton(tr("List"), self)
        row.addWidget(self.sourceCombo, 1)
        row.addWidget(self.goButton)
        layout.addLayout(row)
        layout.addWidget(self.queryEdit)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([tr("Asset"), tr("Type")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setMinimumHeight(160)
        layout.addWidget(self.tree)
        self.detailsLabel = QLabel(self)
        self.detailsLabel.setWordWrap(True)
        self.detailsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.thumbnailLabel = QLabel(self)
        self.thumbnailLabel.setVisible(False)
        details = QHBoxLayout()
        details.addWidget(self.thumbnailLabel, 0, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.detailsLabel, 1)
        layout.addLayout(details)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        layout.addWidget(self.messageLabel)
        show_message(self.messageLabel, "")
        self.sourceCombo.currentIndexChanged.connect(self._source_changed)
        self.goButton.clicked.connect(self.list_root)
        self.queryEdit.returnPressed.connect(self.list_root)
        self.tree.itemExpanded.connect(self._expanded)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda item, _previous: self._chose(item))
        self._source_changed()

    def source(self) -> str:
        return self.sourceCombo.currentData()

    def _source_changed(self, *_):
        source = self.source()
        self.queryEdit.setVisible(source != PROJECT)
        self.queryEdit.setPlaceholderText(tr("Search ids: e.g. SRTM, COPERNICUS S2") if source == CATALOGUE
                                          else tr("users/your name"))
        if source == LEGACY and self.connection is not None and not self.queryEdit.text():
            self.queryEdit.setText(self.connection.options.get("legacy_user") or "")
        self.goButton.setText(tr("Search") if source == CATALOGUE else tr("List"))

    def set_connection(self, connection: Optional[Connection]):
        changed = (connection.id if connection else "") != (self.connection.id if self.connection else "")
        self.connection = connection
        if changed:
            self.tree.clear()
            self._show_details(None)
            self._source_changed()
        self.goButton.setEnabled(connection is not None)

    # -- listing
    def _background(self, description, call, done):
        connection = self.connection
        if connection is None:
            return None

        def operation(progress):
            with self.connections.open_client(connection) as client:
                return call(client, progress)

        def finished(result, error):
            if self.connection is None or self.connection.id != connection.id:
                return  # another connection was chosen meanwhile
            if error is not None:
                show_message(self.messageLabel, str(error), error=True)
                return
            show_message(self.messageLabel, "")
            done(result)

        return run_in_background(self.task_owner, description, operation, finished)

    def list_root(self):
        if self.connection is None:
            return
        self.tree.clear()
        self._show_details(None)
        source, text = self.source(), self.queryEdit.text().strip()
        if source == CATALOGUE:
            show_message(self.messageLabel, tr("Searching the public catalogue…"))
            self._background(tr("Searching the Earth Engine catalogue"),
                             lambda client, progress: assets.search_catalogue(client.http, client.catalog_url,
                                                                               text, progress),
                             lambda items: self._fill(None, items, "", ""))
            return
        if source == LEGACY:
            if not text:
                show_message(self.messageLabel, tr("Enter the legacy root to list, e.g. users/your name."),
                             error=True)
                return
            parent = assets.legacy_root(text)
        else:
            parent = assets.project_root(self.connection.options.get("project", ""))
        self._list(None, parent, "")

    def _list(self, under: Optional[QTreeWidgetItem], parent: str, token: str):
        self._background(tr("Listing Earth Engine assets"),
                         lambda client, progress: assets.list_folder(client, parent, token),
                         lambda found: self._fill(under, found[0], parent, found[1]))

    def _fill(self, under: Optional[QTreeWidgetItem], items, parent: str, token: str):
        add = under.addChild if under is not None else self.tree.addTopLevelItem
        if under is not None:
            for index in reversed(range(under.childCount())):  # the placeholder or the "More…" row
                if under.child(index).data(0, ROLE) in (PLACEHOLDER, MORE):
                    under.takeChild(index)
        else:
            for index in reversed(range(self.tree.topLevelItemCount())):
                if self.tree.topLevelItem(index).data(0, ROLE) == MORE:
                    self.tree.takeTopLevelItem(index)
        for item in items:
            row = QTreeWidgetItem([item.properties.get("title") or item.id,
                                   assets.type_label(item.properties.get("type", ""))])
            row.setData(0, ROLE, item)
            row.setToolTip(0, item.id)
            if item.properties.get("type") in assets.FOLDER_TYPES:
                placeholder = QTreeWidgetItem([tr("Listing…")])
                placeholder.setData(0, ROLE, PLACEHOLDER)
                row.addChild(placeholder)
            add(row)
        if token:
            more = QTreeWidgetItem([tr("More…")])
            more.setData(0, ROLE, MORE)
            more.setData(1, ROLE, (parent, token))
            add(more)
        if under is None and not items:
            show_message(self.messageLabel, tr("Nothing found."))

    def _expanded(self, row: QTreeWidgetItem):
        if row.childCount() == 1 and row.child(0).data(0, ROLE) == PLACEHOLDER:
            item = row.data(0, ROLE)
            self._list(row, item.properties.get("name") or item.id, "")

    def _clicked(self, row: QTreeWidgetItem, _column=0):
        if row.data(0, ROLE) == MORE:
            parent, token = row.data(1, ROLE)
            row.setText(0, tr("Listing…"))
            self._list(row.parent(), parent, token)

    def _all_rows(self):
        pending = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while pending:
            row = pending.pop(0)
            yield row
            pending += [row.child(i) for i in range(row.childCount())]

    def more_rows(self):
        return [r for r in self._all_rows() if r.data(0, ROLE) == MORE]

    def rows(self):
        return [r for r in self._all_rows() if isinstance(r.data(0, ROLE), Item)]

    def select(self, asset_id: str) -> bool:
        for row in self.rows():
            if row.data(0, ROLE).id == asset_id:
                self.tree.setCurrentItem(row)
                return True
        return False

    # -- details and thumbnail
    def _chose(self, row: Optional[QTreeWidgetItem]):
        item = row.data(0, ROLE) if row is not None else None
        if not isinstance(item, Item):
            self._show_details(None)
            return
        self._show_details(item)
        kind = item.properties.get("type")
        if item.properties.get("catalogue"):
            self._background(tr("Reading the dataset's description"), lambda client, progress: self._dataset(
                client, item, progress), lambda found: self._detailed(item.id, *found))
        elif kind in (IMAGE, IMAGE_COLLECTION):
            self._background(tr("Reading the asset"), lambda client, progress: self._asset(client, item, progress),
                             lambda found: self._detailed(item.id, *found))

    @staticmethod
    def _dataset(client, item, progress):
        detailed = assets.dataset_item(client.http, item, progress)
        thumbnail = detailed.assets.get("thumbnail")
        data = client.http.get(thumbnail.href, progress=progress).content if thumbnail else b""
        return detailed, data

    @staticmethod
    def _asset(client, item, progress):
        detailed = assets.asset_item(client.get_asset(item.id)) if item.properties.get("type") == IMAGE else item
        first = (detailed.properties.get("band_ids") or [None])[0]
        vis = {"bands": [first]} if first else {}
        return detailed, client.thumbnail(visualize(asset_expression(item.id, item.properties["type"]), vis),
                                          progress)

    def _detailed(self, asset_id: str, item: Item, thumbnail: bytes):
        if self.chosen is None or self.chosen.id != asset_id:
            return
        self._show_details(item)
        pixmap = QPixmap()
        if thumbnail and pixmap.loadFromData(thumbnail):
            self.thumbnailLabel.setPixmap(pixmap.scaled(96, 96, Qt.AspectRatioMode.KeepAspectRatio,
                                                        Qt.TransformationMode.SmoothTransformation))
            self.thumbnailLabel.setVisible(True)

    def _show_details(self, item: Optional[Item]):
        self.chosen = item
        self.detailsLabel.setText(assets.describe_item(item) if item is not None else "")
        self.detailsLabel.setVisible(item is not None)
        if item is None or self.thumbnailLabel.property("asset") != item.id:
            self.thumbnailLabel.clear()
            self.thumbnailLabel.setVisible(False)
            self.thumbnailLabel.setProperty("asset", item.id if item else "")
        self.assetChosen.emit(item)
