"""Catalogue search section for Terrascope connections: collection, dates, cloud cover, the area of interest and
more filters; Search (the count, then pages shown as they arrive, Stop); the results browser; Download… of the
selected products as a background job. Everything remote runs in tasks; refusals are shown here in words."""

import os
from typing import List, Optional

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ...core.aoi import AOI
from ...core.errors import Cancelled, EOError
from ...core.i18n import number, tr
from ...core.models import Connection
from ...providers import terrascope
from ...providers.terrascope.client import TooManyResults
from ...qgis_glue import settings
from ...qgis_glue.catalogue_search import CatalogueSearch, SessionHeaders
from ...qgis_glue.connections import Connections
from ...qgis_glue.jobs import JobManager
from ..widgets.collections_dialog import CollectionsDialog
from ..widgets.download_dialog import DownloadDialog
from ..widgets.remembered import remember, restore
from ..widgets.results_browser import ResultsBrowser
from ..widgets.search_filters import cloud_cover, date_range, extra_parameters
from ..widgets.ui import fit_form_rows, load_form, run_in_background, show_message
from .terrascope_texts import label_form

COLLECTION_KEY = "terrascope/collection"
OUTPUT_KEY = "terrascope/output_dir"
FILTERS_KEY = "terrascope/filters"
FORM_FILTERS = ("start", "end", "bbox", "geometry", "cloudCover", "productType", "relativeOrbitNumber",
                "orbitDirection", "tileId", "productGroupId", "publicationDate", "modificationDate", "collection")


class TerrascopePanel(QWidget, load_form("terrascope_panel")):
    jobStarted = pyqtSignal(str)  # job id
    resultsShown = pyqtSignal()  # the first page of a search arrived: the dock shows its Results tab

    def __init__(self, iface, platform, connections: Connections, jobs: JobManager, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.platform = platform
        self.iface = iface
        self.connections = connections
        self.jobs = jobs
        self.connection: Optional[Connection] = None
        self.aoi: Optional[AOI] = None
        self.collections: List = []  # CatalogueCollection of the current connection
        self.collections_loaded_for = ""  # connection id whose collections fill the combo
        self.listing = False  # the collections are being listed
        self.collections_dialog: Optional[CollectionsDialog] = None
        self.download_dialog: Optional[DownloadDialog] = None
        self.total = 0  # products matching the last search
        self.pending_title: Optional[str] = None  # a search started: its results replace the shown ones on its 1st page
        self.runner = CatalogueSearch(self)
        self.results_page = QWidget(self)
        layout = QVBoxLayout(self.results_page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.browser = ResultsBrowser(iface, self.results_page, platform=terrascope.PLATFORM)
        layout.addWidget(self.browser)
        self.downloadButton = QPushButton(self.results_page)
        self.downloadButton.setObjectName("downloadButton")
        self.browser.add_action_button(self.downloadButton)
        self._build()
        restore(FILTERS_KEY, self.filter_widgets())
        self._update()

    def _build(self):
        label_form(self)
        self.browseButton.clicked.connect(self.browse_collections)
        self.searchButton.clicked.connect(self.search)
        self.stopButton.clicked.connect(self.stop)
        self.browser.stopRequested.connect(self.stop)
        self.downloadButton.clicked.connect(self.download)
        self.runner.pageArrived.connect(self._page_arrived)
        self.runner.finished.connect(self._search_finished)
        self.browser.itemsSelectionChanged.connect(self._update)
        self.collectionCombo.currentTextChanged.connect(self._update)
        self.wholeCatalogueCheck.toggled.connect(self._update)
        self.show_message("")
        self.countLabel.setVisible(False)

    def section_title(self) -> str:
        return tr("Catalogue search")

    def help_anchor(self) -> str:
        return "terrascope-catalogue-search"

    def results_widget(self) -> QWidget:
        return self.results_page

    def filter_widgets(self) -> dict:
        """The form's filters, remembered across restarts."""
        return {"start": self.startDateEdit, "end": self.endDateEdit, "cloud_min": self.cloudMinSpin,
                "cloud_max": self.cloudMaxSpin, "bbox_only": self.bboxOnlyCheck,
                "product_type": self.productTypeEdit, "orbit": self.relativeOrbitSpin,
                "orbit_direction": self.orbitDirectionCombo, "tile": self.tileEdit,
                "product_group": self.productGroupEdit, "published_from": self.publicationStartEdit,
                "published_to": self.publicationEndEdit, "modified_from": self.modificationStartEdit,
                "modified_to": self.modificationEndEdit, "extra": self.extraEdit}

    def set_account(self, account: Optional[dict]):
        pass

    # -- what the dock tells us
    def set_connection(self, connection: Optional[Connection]):
        """The current Terrascope connection (None otherwise): its collections are listed in the background."""
        if connection is not None and connection.platform != terrascope.PLATFORM:
            connection = None
        changed = (connection.id if connection else "") != (self.connection.id if self.connection else "")
        self.connection = connection
        if changed:
            self.runner.cancel()
            self.browser.set_headers_provider(SessionHeaders(self.connections, connection) if connection else None)
            self.browser.set_connection_id(connection.id if connection else "")
        if connection is not None and self.collections_loaded_for != connection.id:
            self.refresh_collections()  # also again after a failed listing, when the connection is chosen again
        self._update()

    def set_aoi(self, aoi: Optional[AOI]):
        self.aoi = aoi
        self._update()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        fit_form_rows(self.width(), self.formLayout, self.moreFiltersLayout)

    def show_message(self, text: str, error: bool = False):
        show_message(self.messageLabel, text, error)

    def _update(self, *_):
        running = self.runner.is_running()
        ready = self.connection is not None and bool(self.collection())
        everywhere = self.aoi is not None or self.wholeCatalogueCheck.isChecked()
        shown = self.collectionCombo.currentText().strip()  # its whole name, cut in a narrow dock
        self.collectionCombo.setToolTip("\n".join(dict.fromkeys(t for t in (shown, self.collection()) if t))
                                        or tr("The collection to search: pick one, or type its id"))
        self.searchButton.setEnabled(ready and not running and everywhere)
        self.wholeCatalogueCheck.setVisible(self.aoi is None)
        self.bboxOnlyCheck.setVisible(self.aoi is not None)
        self.stopButton.setEnabled(running)
        self.browseButton.setEnabled(self.connection is not None)
        self.downloadButton.setEnabled(self.connection is not None and bool(self.browser.selected_items()))
        if self.aoi is None:
            self.aoiSummaryLabel.setText(tr("No area of interest (Area tab)."))
        else:
            self.aoiSummaryLabel.setText(tr("The area of interest ({area} km²)", area=f"{self.aoi.area_km2:,.1f}"))
        self.bboxOnlyCheck.setEnabled(self.aoi is not None)

    # -- collections
    def refresh_collections(self):
        connection = self.connection
        if connection is None or self.listing:
            return
        self.listing = True
        self.show_message(tr("Listing the catalogue's collections…"))

        def listing(progress):
            return self.connections.client(connection).collections()

        run_in_background(self, tr("Listing Terrascope collections"), listing,
                          lambda found, error: self._collections_listed(connection, found, error))

    def _collections_listed(self, connection: Connection, found, error):
        self.listing = False
        if self.connection is None or self.connection.id != connection.id:
            if self.connection is not None:  # another connection was chosen meanwhile: list its collections
                self.refresh_collections()
            return
        if error is not None:
            self.show_message(str(error), error=True)
            return
        self.show_message("")
        self.collections = list(found or [])
        self.collections_loaded_for = connection.id
        typed = self.collection() or settings.get(COLLECTION_KEY, "")
        self.collectionCombo.blockSignals(True)
        self.collectionCombo.clear()
        for collection in self.collections:
            self.collectionCombo.addItem(collection.title or collection.id, collection.id)
            self.collectionCombo.setItemData(self.collectionCombo.count() - 1, collection.id,
                                             Qt.ItemDataRole.ToolTipRole)
        self.collectionCombo.blockSignals(False)
        self.set_collection(typed or (self.collections[0].id if self.collections else ""))

    def collection(self) -> str:
        """The chosen collection id: the listed one shown, or what the user typed."""
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
        self.collectionCombo.lineEdit().setCursorPosition(0)  # the start of a long title is what tells it apart
        self._update()

    def browse_collections(self):
        if self.connection is None:
            return
        dialog = CollectionsDialog(self.connections, self.connection, self.collections, aoi=self.aoi, parent=self)
        dialog.select(self.collection())
        dialog.accepted.connect(lambda d=dialog: self.set_collection(d.chosen_collection()))
        dialog.finished.connect(dialog.deleteLater)
        self.collections_dialog = dialog
        dialog.open()

    # -- the search
    def filters(self) -> dict:
        """The form as terracatalogueclient filters, checked (InvalidInput with the reason in words)."""
        start, end = date_range(self.startDateEdit, self.endDateEdit, tr("search"))
        found = {"start": start, "end": end,
                 "cloudCover": cloud_cover(self.cloudMinSpin.value(), self.cloudMaxSpin.value()),
                 "productType": self.productTypeEdit.text().strip() or None,
                 "relativeOrbitNumber": self.relativeOrbitSpin.value() or None,
                 "orbitDirection": self.orbitDirectionCombo.currentData() or None,
                 "tileId": self.tileEdit.text().strip() or None,
                 "productGroupId": self.productGroupEdit.text().strip() or None}
        for key, edits, what in (("publicationDate", (self.publicationStartEdit, self.publicationEndEdit),
                                  tr("publication")),
                                 ("modificationDate", (self.modificationStartEdit, self.modificationEndEdit),
                                  tr("modification"))):
            interval = date_range(*edits, what)
            found[key] = interval if interval != (None, None) else None
        if self.aoi is not None:
            if self.bboxOnlyCheck.isChecked():
                found["bbox"] = list(self.aoi.bbox())
            else:
                found["geometry"] = self.aoi.wkt()
        found = {key: value for key, value in found.items() if value is not None}
        found.update(extra_parameters(self.extraEdit.toPlainText(), taken=FORM_FILTERS))
        return found

    def search(self):
        connection, collection = self.connection, self.collection()
        if connection is None or not collection or self.runner.is_running():
            return
        try:
            filters = self.filters()
        except EOError as err:
            self.show_message(str(err), error=True)
            return
        settings.set_value(COLLECTION_KEY, collection)
        remember(FILTERS_KEY, self.filter_widgets())
        self.total = 0
        self.pending_title = collection.rsplit(":", 1)[-1]  # the results shown stay until the first page comes
        self._show_count(tr("Counting the products…"))
        self.show_message("")

        def pages(progress):
            client = self.connections.client(connection)
            return client.search(collection, progress=progress, **filters)

        self.browser.prepare_footprints()
        self.runner.start(tr("Terrascope search in {collection}", collection=collection), pages)
        self._update()

    def stop(self):
        self.runner.cancel()

    def _show_count(self, text: str):
        self.countLabel.setText(text)
        self.countLabel.setVisible(bool(text))

    def _page_arrived(self, items, total):
        if self.pending_title is not None:
            self.browser.clear(self.pending_title)
            self.browser.set_loading(True)
            self.pending_title = None
            self.resultsShown.emit()
        self.total = total
        self.browser.add_page(items, total)
        shown = len(self.browser.items())
        if shown < total:
            self._show_count(tr("{total} products match — {shown} shown, more coming…", total=number(total),
                                shown=number(shown)))
        else:
            self._show_count(self._match_sentence(total))

    @staticmethod
    def _match_sentence(total: int) -> str:
        if total == 0:
            return tr("No product matches: widen the dates, the area or the cloud cover.")
        if total == 1:
            return tr("1 product matches")
        return tr("{total} products match", total=number(total))

    def _search_finished(self, received: int, error):
        self.pending_title = None  # refused before any page: the results of the search before stay
        self.browser.set_loading(False)
        shown = len(self.browser.items())
        if error is None:
            self._show_count(self._match_sentence(max(self.total, shown)))
        elif isinstance(error, Cancelled):
            self._show_count(tr("Stopped: {shown} of {total} products shown.", shown=number(shown),
                                total=number(self.total)))
        else:
            if isinstance(error, TooManyResults):
                self._show_count(self._match_sentence(error.total))
            else:
                self._show_count("")
            self.show_message(str(error), error=True)
        self._update()

    # -- download
    def download(self):
        items = self.browser.selected_items()
        connection = self.connection
        if connection is None or not items:
            return
        if not self._has_session(connection):
            self.browser.set_message(tr("Sign in first (connection section): downloads need your Terrascope "
                                        "account."), error=True)
            return
        default = settings.get(OUTPUT_KEY, "") or os.path.join(settings.default_output_root(), "terrascope")
        dialog = DownloadDialog(self.platform.operation("download"), items, default, parent=self)
        dialog.accepted.connect(lambda d=dialog, c=connection: self._start_download(c, d))
        dialog.finished.connect(dialog.deleteLater)
        self.download_dialog = dialog
        dialog.open()

    def _start_download(self, connection: Connection, dialog: DownloadDialog):
        self.download_dialog = None
        values = dict(dialog.values(), collection_title=self._collection_title(dialog.items))
        try:
            record = self.jobs.start(connection, "download", values)
        except EOError as err:
            self.browser.set_message(str(err), error=True)
            return
        settings.set_value(OUTPUT_KEY, dialog.output_dir())
        self.browser.set_message(tr("Download of {count} products started: follow it in the Jobs tab.",
                                    count=len(dialog.items)))
        self.jobStarted.emit(record.id)


    def _has_session(self, connection) -> bool:
        try:
            return self.connections.has_session(connection)
        except EOError:  # the saved session cannot be read now (e.g. the QGIS authentication database is locked)
            return False

    def _collection_title(self, items) -> str:
        ids = {item.collection for item in items}
        found = next((c for c in self.collections if c.id in ids), None)
        return found.title if found is not None and found.title else ""


PANEL = TerrascopePanel
