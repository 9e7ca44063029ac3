"""The catalogue results browser, for every provider: a header ("N of TOTAL results"), a sortable multi-selection
table of Items, the current item's quicklook and key properties, "Zoom to" and "Add preview layer", and a
footprints layer on the map whose selection stays in step with the table both ways.

It knows only core Items, the neutral property keys (title, datetime, cloud_cover, size, tile, orbit, platform,
product_type, short_id) and asset roles ("thumbnail", "wms"). A panel drives it: prepare_footprints() and clear(title)
when a search starts, add_page(items, total) as pages arrive, set_loading(False) at the end.
"""

from typing import Callable, Dict, List, Optional

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt import sip
from qgis.PyQt.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    Qt,
    QTimer,
    pyqtSignal,
)
from qgis.PyQt.QtGui import QImage, QPixmap
from qgis.PyQt.QtWidgets import QWidget

from ...core.errors import Cancelled
from ...core.i18n import tr
from ...core.models import Item
from ...qgis_glue.footprints import FootprintsLayer, footprint_fields, item_title, prebuilt_features, zoom_to_items
from ...qgis_glue.footprints_file import GeoPackageInAdvance
from ...qgis_glue.previews import QuicklookLoader, add_preview_layer, build_wms_layer, thumbnail_asset, wms_asset
from .results_model import COLUMN_CLOUD, COLUMN_SIZE, ResultsModel, properties_html, show_in_view
from .results_text import header_text, row_ranges
from .ui import busy_tasks, load_form, run_in_background, show_message, tool_button

MAX_VISIBLE_THUMBNAILS = 40  # rows whose thumbnails are fetched at once (a tall dock shows fewer)
MAX_PREVIEWS_AT_ONCE = 5
THUMBNAIL_DELAY_MS = 80  # thumbnails wait until scrolling pauses
SELECT = QItemSelectionModel.SelectionFlag
NARROW_SIZE, NARROW_CLOUD = 520, 330  # px of list below which the size, then the cloud cover column are hidden


class ResultsBrowser(QWidget, load_form("results_browser")):
    itemsSelectionChanged = pyqtSignal(list)  # the selected Items, in arrival order
    stopRequested = pyqtSignal()  # the user pressed Stop beside "loading…" (the panel stops its search)

    def __init__(self, iface, parent=None, *, project: Optional[QgsProject] = None, http=None, platform: str = ""):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.project = project or QgsProject.instance()
        self.platform = platform
        self.connection_id = ""  # the connection whose results these are: its layers leave the map with it
        self.footprints: Optional[FootprintsLayer] = None
        self._footprints_dismissed = False  # the user removed the layer: not brought back until the next search
        self._prepared = None  # the next footprints GeoPackage, made off the GUI thread (prepare_footprints)
        self._title = ""
        self._total: Optional[int] = None
        self._loading = False
        self._searched = False
        self._syncing = False  # a selection being copied list <-> map: its echo must not be copied back
        self._selected_count = 0
        self._item_ids_by_url: Dict[str, List[str]] = {}
        self._quicklook: Optional[QImage] = None  # the current item's, kept to scale it again on resize

        self.model = ResultsModel(self)
        self.proxy = show_in_view(self.model, self.resultsView)
        view = self.resultsView

        self.loader = QuicklookLoader(http, parent=self)
        self.loader.loaded.connect(self._quicklook_loaded)
        self.loader.failed.connect(self._quicklook_failed)
        self._thumbnail_timer = QTimer(self)
        self._thumbnail_timer.setSingleShot(True)
        self._thumbnail_timer.setInterval(THUMBNAIL_DELAY_MS)
        self._thumbnail_timer.timeout.connect(self._load_visible_thumbnails)
        view.verticalScrollBar().valueChanged.connect(self._schedule_thumbnails)
        self.proxy.layoutChanged.connect(self._schedule_thumbnails)
        view.selectionModel().selectionChanged.connect(self._rows_selection_changed)
        view.selectionModel().currentRowChanged.connect(self._current_changed)
        view.doubleClicked.connect(lambda index: self._zoom([self._item_at(index)]))

        self.zoomButton.setIcon(QgsApplication.getThemeIcon("/mActionZoomToSelected.svg"))
        self.zoomButton.setText(tr("Zoom to"))
        self.zoomButton.setToolTip(tr("Zoom the map to the selected results (all results when none is selected)"))
        self.previewButton.setIcon(QgsApplication.getThemeIcon("/mActionAddWmsLayer.svg"))
        self.previewButton.setText(tr("Preview"))
        self.previewButton.setToolTip(tr("Add the WMS preview of the selected results to the map"))
        for button in (self.zoomButton, self.previewButton):
            button.setAutoRaise(True)
        self.previewButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # zoom: its icon says it
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.stopButton = tool_button(self, "stopButton", "cancel", tr("Stop the search; the results already listed stay"))
        self.stopButton.clicked.connect(self.stopRequested)
        self.headerLayout.addWidget(self.stopButton)
        self.zoomButton.clicked.connect(self.zoom_to_selection)
        self.previewButton.clicked.connect(self.add_preview_layers)
        self.clear()

    # -- what a panel calls
    def clear(self, title: str = "", platform: Optional[str] = None):
        """Forget the results for a new search named `title` (the footprints layer is emptied and renamed);
        `platform` (the platform id) is recorded on the footprints layer."""
        self._title = title
        if title:
            self.prepare_footprints()
        if platform is not None:
            self.platform = platform
        self._total = None
        self._searched = False
        self._footprints_dismissed = False
        self.loader.clear()
        self._item_ids_by_url.clear()
        self._syncing = True
        try:
            self.model.clear()
            if self.footprints is not None:
                self.footprints.reset(title, self.platform)
                if self.footprints.alive():
                    self.footprints.layer.setCustomProperty("eo_connector/connection_id", self.connection_id)
        finally:
            self._syncing = False
        if self._selected_count:
            self._selected_count = 0
            self.itemsSelectionChanged.emit([])
        show_message(self.messageLabel, "")
        self._show_item(None)
        self._update_header()
        self._update_buttons()

    def prepare_footprints(self):
        """A search starts: its footprints layer, if it needs a new one, is readied meanwhile off the GUI thread."""
        if self.footprints_layer() is None and self._prepared is None:
            self._prepared = GeoPackageInAdvance(footprint_fields())
            self.destroyed.connect(self._prepared.discard)  # not used by then: no file left behind

    def add_page(self, items: List[Item], total: Optional[int] = None):
        """Append a page of results (repeated ids are skipped); `total` is how many the server has in all.
        A page from CatalogueSearch brings its footprint features, built off the GUI thread (footprints.PageItems)."""
        self._searched = True
        if total is not None:
            self._total = total
        added = self.model.append(items)
        for item in added:
            asset = thumbnail_asset(item)
            if asset is not None:
                self._item_ids_by_url.setdefault(asset.href, []).append(item.id)
        if added and self.footprints_layer() is None and not self._footprints_dismissed:
            self._create_footprints()
        if self.footprints is not None:
            self.footprints.add_items(added, prebuilt_features(items, added))
        self._update_header()
        self._update_buttons()
        self._schedule_thumbnails()

    def set_loading(self, loading: bool):
        self._loading = loading
        self._update_header()

    def set_message(self, text: str, error: bool = False):
        """A line under the buttons (e.g. the panel's search error)."""
        show_message(self.messageLabel, text, error)

    def set_connection_id(self, connection_id: str):
        """The connection of the next results (set by the panel; recorded on the layers it adds)."""
        self.connection_id = connection_id

    def set_headers_provider(self, headers: Optional[Callable[[], Dict[str, str]]]):
        """`headers()` gives the HTTP headers of quicklook requests (auth); it is called in worker threads."""
        self.loader.set_headers_provider(headers)
        self._show_item(self.current_item())
        self._schedule_thumbnails()

    def items(self) -> List[Item]:
        return self.model.items()

    def selected_items(self) -> List[Item]:
        rows = sorted(self.proxy.mapToSource(index).row() for index in self.resultsView.selectionModel().selectedRows())
        return [self.model.item(row) for row in rows]

    def current_item(self) -> Optional[Item]:
        return self._item_at(self.resultsView.currentIndex())

    def select_items(self, item_ids: List[str]):
        """Select these results in the table and on the map (the first becomes current and is scrolled to)."""
        self._select_rows(item_ids)

    def footprints_layer(self):
        return self.footprints.layer if self.footprints is not None and self.footprints.alive() else None

    def busy(self) -> int:
        """Background work still running or queued (quicklooks, preview layers); tests wait on it."""
        return self.loader.pending() + busy_tasks(self)

    # -- footprints layer
    def _create_footprints(self):
        self.footprints = FootprintsLayer.create(self._title, self.project, platform=self.platform,
                                                 connection_id=self.connection_id, prepared=self._prepared)
        if self._prepared is not None and self._prepared.used:
            self.destroyed.disconnect(self._prepared.discard)  # nothing left to remove
            self._prepared = None  # one not ready in time is kept for the next search
        layer = self.footprints.layer
        layer.selectionChanged.connect(self._features_selection_changed)
        layer.willBeDeleted.connect(self._footprints_deleted)

    def _footprints_deleted(self):
        if sip.isdeleted(self):
            return
        self.footprints = None
        self._footprints_dismissed = True

    # -- selection in step, both ways
    def _rows_selection_changed(self, *_):
        items = self.selected_items()
        if not self._syncing and self.footprints is not None:
            self._syncing = True
            try:
                self.footprints.select([item.id for item in items])
            finally:
                self._syncing = False
        self._selected_count = len(items)
        self._update_header()
        self._update_buttons()
        self.itemsSelectionChanged.emit(items)

    def _features_selection_changed(self, *_):
        if sip.isdeleted(self) or self._syncing or self.footprints is None:
            return
        self._syncing = True
        try:
            self._select_rows(self.footprints.selected_item_ids())
        finally:
            self._syncing = False

    def _select_rows(self, item_ids: List[str]):
        proxy_rows = sorted(self.proxy.mapFromSource(self.model.index(row, 0)).row()
                            for row in (self.model.row_of(i) for i in item_ids) if row >= 0)
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        for start, end in row_ranges(proxy_rows):
            selection.select(self.proxy.index(start, 0), self.proxy.index(end, last_column))
        selection_model = self.resultsView.selectionModel()
        selection_model.select(selection, SELECT.ClearAndSelect | SELECT.Rows)
        if proxy_rows:
            first = self.proxy.index(proxy_rows[0], 0)
            selection_model.setCurrentIndex(first, SELECT.NoUpdate)
            self.resultsView.scrollTo(first)

    # -- the current item: quicklook and properties
    def _item_at(self, index) -> Optional[Item]:
        return self.model.item(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def _current_changed(self, current, _previous):
        self._show_item(self._item_at(current))
        self._update_buttons()

    def _show_item(self, item: Optional[Item]):
        self.quicklookPane.setVisible(item is not None)
        self._quicklook = None
        if item is None:
            self.quicklookLabel.clear()
            self.propertiesLabel.clear()
            return
        self.propertiesLabel.setText(properties_html(item))
        asset = thumbnail_asset(item)
        url = asset.href if asset else ""
        image = self.loader.cached(url) if url else None
        if image is not None:
            self._show_quicklook(image)
        elif not url:
            self.quicklookLabel.setText(tr("No quicklook"))
        elif self.loader.error(url):
            self.quicklookLabel.setText(tr("Quicklook not available: {reason}", reason=self.loader.error(url)))
        else:
            self.quicklookLabel.setText(tr("Loading quicklook…"))
            self.loader.want([url], urgent=True)

    def _show_quicklook(self, image: Optional[QImage]):
        """Scaled to the room the label has now (never wider: the pixmap would widen the dock), again on resize."""
        self._quicklook = image
        if image is None:
            return
        label = self.quicklookLabel
        room = self.width() // 3 if self.width() > 0 else label.maximumWidth()
        side = max(32, min(room, label.maximumWidth(), label.maximumHeight()) - 2 * label.frameWidth())
        label.setPixmap(QPixmap.fromImage(image).scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                                        Qt.TransformationMode.SmoothTransformation))

    def _current_url(self) -> str:
        item = self.current_item()
        asset = thumbnail_asset(item) if item else None
        return asset.href if asset else ""

    def _quicklook_loaded(self, url: str, image: QImage):
        for item_id in self._item_ids_by_url.get(url, ()):
            self.model.set_thumbnail(item_id, image)
        if url and url == self._current_url():
            self._show_quicklook(image)

    def _quicklook_failed(self, url: str, message: str):
        if url and url == self._current_url():
            self.quicklookLabel.setText(tr("Quicklook not available: {reason}", reason=message))

    # -- thumbnails of the rows in view, a few at a time
    def _schedule_thumbnails(self, *_):
        self._thumbnail_timer.start()

    def showEvent(self, event):
        super().showEvent(event)
        self._fit_columns()
        self._schedule_thumbnails()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_columns()
        if self._quicklook is not None:
            self._show_quicklook(self._quicklook)
        self._schedule_thumbnails()

    def _fit_columns(self):
        """In a narrow dock the title keeps its room: size, then cloud cover, are left to the details below."""
        width = self.resultsView.viewport().width()
        self.resultsView.setColumnHidden(COLUMN_SIZE, width < NARROW_SIZE)
        self.resultsView.setColumnHidden(COLUMN_CLOUD, width < NARROW_CLOUD)

    def add_action_button(self, button):
        """A panel's button on the row under the list (e.g. Download… of the selected results)."""
        self.buttonsLayout.addWidget(button)

    def _load_visible_thumbnails(self):
        rows = self.proxy.rowCount()
        if not rows or not self.resultsView.isVisible():
            return
        first = max(self.resultsView.rowAt(0), 0)
        last = self.resultsView.rowAt(self.resultsView.viewport().height() - 1)
        last = min(rows - 1 if last < 0 else last, first + MAX_VISIBLE_THUMBNAILS - 1)
        wanted = []
        for row in range(first, last + 1):
            item = self.model.item(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            asset = thumbnail_asset(item)
            if asset is None or self.model.has_thumbnail(item.id):
                continue
            image = self.loader.cached(asset.href)
            if image is not None:
                self.model.set_thumbnail(item.id, image)
            else:
                wanted.append(asset.href)
        self.loader.retain(set(wanted) | {self._current_url()})
        self.loader.want(wanted)

    # -- actions
    def zoom_to_selection(self):
        self._zoom(self.selected_items() or self.items())

    def _zoom(self, items: List[Item]):
        items = [item for item in items if item is not None]
        if items and not zoom_to_items(self.iface.mapCanvas(), items, self.project):
            show_message(self.messageLabel, tr("These results have no footprint to zoom to."), error=True)

    def _preview_candidates(self) -> List[Item]:
        items = self.selected_items() or [i for i in [self.current_item()] if i is not None]
        return [item for item in items if wms_asset(item) is not None]

    def add_preview_layers(self):
        """Add the WMS preview of each selected result (a few at most), built off the GUI thread."""
        candidates = self._preview_candidates()
        if len(candidates) > MAX_PREVIEWS_AT_ONCE:
            show_message(self.messageLabel, tr("Only the first {count} previews are added at once.",
                                               count=MAX_PREVIEWS_AT_ONCE))
        for item in candidates[:MAX_PREVIEWS_AT_ONCE]:
            url, name = wms_asset(item).href, item_title(item)
            run_in_background(self, tr("Adding the WMS preview of {title}", title=name),
                              lambda progress, url=url, name=name: build_wms_layer(url, name, progress),
                              lambda layer, error, item_id=item.id: self._preview_built(item_id, layer, error))
        self._update_buttons()

    def _preview_built(self, item_id: str, layer, error):
        if error is not None:
            if not isinstance(error, Cancelled):
                show_message(self.messageLabel, str(error), error=True)
            return
        add_preview_layer(layer, item_id, self.project, self.connection_id)

    # -- header and buttons
    def _update_header(self):
        self.headerLabel.setText(header_text(self.model.rowCount(), self._total, self._selected_count,
                                             self._loading, self._searched))
        self.loadingBar.setVisible(self._loading)
        self.stopButton.setVisible(self._loading)

    def _update_buttons(self):
        self.zoomButton.setEnabled(self.model.rowCount() > 0)
        self.previewButton.setEnabled(bool(self._preview_candidates()))
