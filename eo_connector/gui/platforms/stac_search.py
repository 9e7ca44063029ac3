"""A STAC search section, shared by the "STAC API" page and RS-Server's catalogue tab: collection (listed, or typed;
Browse… shows extents and dates), a filter form built from the collection's queryables (fetched in a task), the
AOI's outline or its box, Search / Stop (pages shown as they arrive), the shared results browser (list + footprints
+ thumbnails, kept in step both ways), the current item's assets (roles, sizes) with "Open in place" (streamed with
the connection's credentials for that URL only) and Download… of the chosen assets through the platform's
"download" operation. Usable from 320 px wide: rows wrap, long texts are elided."""

from typing import Callable, List, Optional

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.aoi import AOI
from ...core.errors import Cancelled, EOError
from ...core.i18n import number, tr
from ...core.models import Collection, Connection, Item
from ...qgis_glue.catalogue_search import CatalogueSearch, SessionHeaders
from ..widgets.collections_dialog import CollectionsDialog
from ..widgets.download_dialog import DownloadDialog
from ..widgets.field_form import FieldForm
from ..widgets.results_browser import ResultsBrowser
from ..widgets.ui import fit_row, run_in_background, show_message
from .stac_assets import AssetActions


class StacSearchSection(AssetActions, QWidget):
    jobStarted = pyqtSignal(str)
    layerAdded = pyqtSignal(object)

    def __init__(self, iface, platform, connections, jobs, parent=None, *,
                 collection_label: Callable[[Collection], str] = None):
        super().__init__(parent)
        self.iface, self.platform, self.connections, self.jobs = iface, platform, connections, jobs
        self.connection: Optional[Connection] = None
        self.aoi: Optional[AOI] = None
        self.collections: List[Collection] = []
        self.collection_label = collection_label or (lambda c: c.title or c.id)
        self.fields = platform.search_fields("")
        self.download_dialog: Optional[DownloadDialog] = None
        self.collections_dialog = None
        self.total = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Collection"), self))
        self.collectionCombo = QComboBox(self)
        self.collectionCombo.setEditable(True)
        self.collectionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.collectionCombo.setMinimumContentsLength(4)
        self.collectionCombo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.collectionCombo.setMinimumWidth(90)
        self.collectionCombo.lineEdit().setPlaceholderText(tr("Collection id"))
        row.addWidget(self.collectionCombo, 1)
        self.browseButton = QPushButton(tr("Browse…"), self)
        self.browseButton.setToolTip(tr("The collections with their extents and dates"))
        row.addWidget(self.browseButton)
        layout.addLayout(row)
        self.filtersLabel = QLabel(self)
        self.filtersLabel.setWordWrap(True)
        layout.addWidget(self.filtersLabel)
        self.filters = FieldForm(self.fields, self, advanced_key="eo_connector/dock/stac_more_filters")
        layout.addWidget(self.filters)
        self.bboxOnlyCheck = QCheckBox(tr("Box of the area only"), self)
        self.bboxOnlyCheck.setToolTip(tr("Search with the box around the area of interest instead of its outline"))
        layout.addWidget(self.bboxOnlyCheck)
        self.aoiLabel = QLabel(self)
        self.aoiLabel.setWordWrap(True)
        layout.addWidget(self.aoiLabel)
        buttons = QHBoxLayout()
        self.searchButton = QPushButton(tr("Search"), self)
        self.stopButton = QPushButton(tr("Stop"), self)
        self.stopButton.setToolTip(tr("Stop the search; the results already listed stay"))
        self.downloadButton = QPushButton(tr("Download…"), self)
        self.downloadButton.setToolTip(tr("Download the chosen assets of the selected items"))
        for button in (self.searchButton, self.stopButton, self.downloadButton):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.countLabel = QLabel(self)
        self.countLabel.setWordWrap(True)
        layout.addWidget(self.countLabel)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.messageLabel)
        self.runner = CatalogueSearch(self)
        self.browser = ResultsBrowser(iface, self, platform=platform.id)
        layout.addWidget(self.browser, 1)

        self.assetsLabel = QLabel(tr("Assets of the current item"), self)
        layout.addWidget(self.assetsLabel)
        self.assetsTree = QTreeWidget(self)
        self.assetsTree.setColumnCount(3)
        self.assetsTree.setHeaderLabels([tr("Asset"), tr("Roles"), tr("Size")])
        self.assetsTree.setRootIsDecorated(False)
        self.assetsTree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.assetsTree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.assetsTree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.assetsTree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.assetsTree.setMaximumHeight(150)
        layout.addWidget(self.assetsTree)
        assets = self.assetsButtonsLayout = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # stacked in a narrow dock
        self.openButton = QPushButton(tr("Open in place"), self)
        self.openButton.setToolTip(tr("Add the chosen asset as a layer read from the server (COG, Zarr, vector "
                                      "files), without downloading it"))
        self.downloadAssetsButton = QPushButton(tr("Download checked"), self)
        self.downloadAssetsButton.setToolTip(tr("Download the checked assets of the current item and load them"))
        assets.addWidget(self.openButton)
        assets.addWidget(self.downloadAssetsButton)
        layout.addLayout(assets)

        self.browseButton.clicked.connect(self.browse_collections)
        self.collectionCombo.currentIndexChanged.connect(self._collection_changed)
        self.collectionCombo.lineEdit().editingFinished.connect(self._collection_changed)
        self.searchButton.clicked.connect(self.search)
        self.stopButton.clicked.connect(self.runner.cancel)
        self.downloadButton.clicked.connect(self.download)
        self.openButton.clicked.connect(self.open_asset)
        self.downloadAssetsButton.clicked.connect(self.download_checked_assets)
        self.runner.pageArrived.connect(self._page_arrived)
        self.runner.finished.connect(self._search_finished)
        self.browser.itemsSelectionChanged.connect(self._selection_changed)
        self.browser.resultsView.selectionModel().currentRowChanged.connect(lambda *_: self._show_assets())
        self._queryables_for = ""
        self.show_message("")
        self._update()

    # -- what the panel tells

    def resizeEvent(self, event):
        super().resizeEvent(event)
        fit_row(self.width(), self.assetsButtonsLayout)
    def set_connection(self, connection: Optional[Connection]):
        changed = (connection.id if connection else "") != (self.connection.id if self.connection else "")
        self.connection = connection
        if changed:
            self.runner.cancel()
            self.browser.set_headers_provider(SessionHeaders(self.connections, connection) if connection else None)
            self.collectionCombo.clear()
            self._queryables_for = ""
            if connection is not None:
                self.refresh_collections()
        self._update()

    def set_aoi(self, aoi: Optional[AOI]):
        self.aoi = aoi
        self._update()

    def show_message(self, text: str, error: bool = False):
        show_message(self.messageLabel, text, error)

    # -- collections and their queryables
    def refresh_collections(self):
        connection, platform = self.connection, self.platform
        if connection is None:
            return
        self.show_message(tr("Listing the collections…"))

        def listing(progress):
            with self.connections.open_client(connection) as client:
                return platform.collections(client)

        run_in_background(self, tr("Listing the collections of {name}", name=connection.name), listing,
                          lambda found, error: self._collections_listed(connection, found, error))

    def _collections_listed(self, connection, found, error):
        if self.connection is None or self.connection.id != connection.id:
            return
        if error is not None:
            self.show_message(str(error), error=True)
            return
        self.show_message("")
        self.set_collections(found or [])

    def set_collections(self, collections: List[Collection]):
        typed = self.collection()
        self.collections = list(collections)
        self.collectionCombo.blockSignals(True)
        self.collectionCombo.clear()
        for collection in self.collections:
            self.collectionCombo.addItem(self.collection_label(collection), collection.id)
            self.collectionCombo.setItemData(self.collectionCombo.count() - 1, collection.id,
                                             Qt.ItemDataRole.ToolTipRole)
        self.collectionCombo.blockSignals(False)
        self.set_collection(typed if typed and any(c.id == typed for c in self.collections)
                            else (self.collections[0].id if self.collections else typed))

    def collection(self) -> str:
        index = self.collectionCombo.currentIndex()
        text = self.collectionCombo.currentText().strip()
        if index >= 0 and self.collectionCombo.itemText(index) == text:
            return self.collectionCombo.itemData(index) or text
        return text

    def set_collection(self, collection_id: str):
        index = self.collectionCombo.findData(collection_id)
        if index >= 0:
            self.collectionCombo.setCurrentIndex(index)
        else:
            self.collectionCombo.setEditText(collection_id)
        self._collection_changed()

    def _collection_changed(self, *_):
        collection, connection, platform = self.collection(), self.connection, self.platform
        self._update()
        if not collection or connection is None or collection == self._queryables_for:
            return
        self._queryables_for = collection
        self.filtersLabel.setText(tr("Reading the filters of {collection}…", collection=collection))

        def reading(progress):
            with self.connections.open_client(connection) as client:
                return platform.queryable_fields(client, collection)

        def read(fields, error):
            if self.collection() != collection:
                return
            if error is not None:
                self.filtersLabel.setText(tr("The collection's own filters could not be read ({error}); the usual "
                                             "ones are offered.", error=str(error)))
                fields = platform.search_fields(collection)
            else:
                extra = len(fields) - len(platform.search_fields(collection))
                self.filtersLabel.setText(tr("{count} filters of this collection", count=extra) if extra else "")
            self.fields = fields
            self.filters.set_fields(fields)

        run_in_background(self, tr("Reading the filters of {collection}", collection=collection), reading, read)

    def browse_collections(self):
        if self.connection is None:
            return
        dialog = CollectionsDialog(self.connections, self.connection, self.collections, aoi=self.aoi, parent=self)
        dialog.select(self.collection())
        dialog.accepted.connect(lambda d=dialog: self.set_collection(d.chosen_collection()))
        dialog.finished.connect(dialog.deleteLater)
        self.collections_dialog = dialog
        dialog.open()

    # -- search
    def search(self):
        connection, collection, platform = self.connection, self.collection(), self.platform
        if connection is None or not collection or self.runner.is_running():
            return
        values = self.filters.values()
        values["bbox_only"] = self.bboxOnlyCheck.isChecked()
        fields, aoi = list(self.fields), self.aoi
        try:  # checked here, before anything is sent (dates in order, the filter's JSON)
            from ...providers.stac.filters import search_body

            search_body(collection, values, fields, aoi, values["bbox_only"])
        except EOError as err:
            self.show_message(str(err), error=True)
            return
        self.total = 0
        self.browser.clear(collection.split(":")[-1], platform=platform.id)
        self.browser.set_loading(True)
        self.show_message("")
        self.countLabel.setText(tr("Searching…"))

        def pages(progress):
            client = self.connections.client(connection)
            return platform.search(client, collection, values, aoi, progress, fields=fields)

        self.runner.start(tr("{platform} search in {collection}", platform=platform.title, collection=collection),
                          pages)
        self._update()

    def _page_arrived(self, items, total):
        self.total = max(total, self.total)
        self.browser.add_page(items, total)
        shown = len(self.browser.items())
        if shown < self.total:
            self.countLabel.setText(tr("{total} items match — {shown} shown, more coming…", total=number(self.total),
                                       shown=number(shown)))
        else:
            self.countLabel.setText(self._matched(shown))
        if shown and not self.browser.current_item():
            self._show_assets()

    @staticmethod
    def _matched(count: int) -> str:
        if count == 0:
            return tr("No item matches: widen the dates, the area or the filters.")
        return tr("1 item matches") if count == 1 else tr("{total} items match", total=number(count))

    def _search_finished(self, received, error):
        self.browser.set_loading(False)
        shown = len(self.browser.items())
        if error is None:
            self.countLabel.setText(self._matched(shown))
        elif isinstance(error, Cancelled):
            self.countLabel.setText(tr("Stopped: {shown} of {total} items shown.", shown=number(shown),
                                       total=number(max(self.total, shown))))
        else:
            self.countLabel.setText(tr("{shown} items shown before the search stopped.", shown=number(shown))
                                    if shown else "")
            self.show_message(str(error), error=True)
        self._update()

    def show_items(self, items: List[Item], title: str):
        """Show items found elsewhere (e.g. staged items) in the browser, ready for download or loading."""
        self.browser.clear(title, platform=self.platform.id)
        self.browser.add_page(list(items), len(items))
        self.countLabel.setText(self._matched(len(items)))
        self._show_assets()
        self._update()

    # -- assets
    def _selection_changed(self, *_):
        self._show_assets()
        self._update()

    def _update(self, *_):
        running = self.runner.is_running()
        connected = self.connection is not None
        self.searchButton.setEnabled(connected and bool(self.collection()) and not running)
        self.stopButton.setEnabled(running)
        self.browseButton.setEnabled(connected)
        self.downloadButton.setEnabled(connected and bool(self.browser.selected_items()))
        has_asset = self.assetsTree.topLevelItemCount() > 0
        self.openButton.setEnabled(connected and has_asset)
        self.downloadAssetsButton.setEnabled(connected and has_asset)
        self.bboxOnlyCheck.setEnabled(self.aoi is not None)
        self.aoiLabel.setText(tr("No area of interest: the whole collection is searched.") if self.aoi is None
                              else tr("Over the area of interest ({area} km²)", area=f"{self.aoi.area_km2:,.1f}"))
