"""Browse the catalogue's collections: title, platform and date range in a table, the abstract of the current
one below. Filters on the area of interest, dates and platform are asked of the catalogue (in a task); the title
filter works on the list already shown. OK picks the collection for the search form."""

import html
from typing import List, Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem

from ...core.aoi import AOI
from ...core.errors import EOError
from ...core.i18n import tr
from ...core.models import Connection
from ...qgis_glue.connections import Connections
from .search_filters import date_range
from .ui import load_form, run_in_background, show_message

COLUMN_TITLE, COLUMN_PLATFORM, COLUMN_DATES = range(3)
ID_ROLE = Qt.ItemDataRole.UserRole


def date_span(start: Optional[str], end: Optional[str]) -> str:
    """"2015-06-23 – 2021-12-31", or "2015-06-23 – ongoing" for a collection still growing."""
    if not start and not end:
        return ""
    return tr("{start} – {end}", start=(start or "")[:10] or "…", end=(end or "")[:10] or tr("ongoing"))


class CollectionsDialog(QDialog, load_form("collections_dialog")):
    def __init__(self, connections: Connections, connection: Connection, collections: List = (),
                 aoi: Optional[AOI] = None, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.connections = connections
        self.connection = connection
        self.aoi = aoi
        self.collections = list(collections)
        self.asking = False  # a catalogue query is under way
        self._wanted = ""

        self.setWindowTitle(tr("Collections of {name}", name=connection.name))
        self.aoiFilterCheck.setText(tr("Over the area of interest"))
        self.aoiFilterCheck.setEnabled(aoi is not None)
        self.aoiFilterCheck.setToolTip(tr("Only collections with products over the area of interest") if aoi
                                       else tr("Choose an area of interest in the dock first"))
        self.datesLabel.setText(tr("Dates"))
        self.platformLabel.setText(tr("Platform"))
        self.platformCombo.lineEdit().setPlaceholderText(tr("any"))
        self.applyButton.setText(tr("Apply filters"))
        self.applyButton.setToolTip(tr("Ask the catalogue for the collections matching these filters"))
        self.titleFilterEdit.setPlaceholderText(tr("Filter the list by title or id"))
        for edit in (self.startDateEdit, self.endDateEdit):
            edit.setAllowNull(True)
            edit.setNullRepresentation(tr("any"))
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")  # short enough for a narrow dock
            edit.clear()
        self.collectionsTable.setColumnCount(3)
        self.collectionsTable.setHorizontalHeaderLabels([tr("Title"), tr("Platform"), tr("Dates")])
        self.collectionsTable.horizontalHeader().setSectionResizeMode(COLUMN_TITLE, QHeaderView.ResizeMode.Stretch)
        self.ok_button.setText(tr("Use this collection"))
        self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))

        self.applyButton.clicked.connect(self.apply_filters)
        self.titleFilterEdit.textChanged.connect(self._filter_rows)
        self.collectionsTable.itemSelectionChanged.connect(self._current_changed)
        self.collectionsTable.itemDoubleClicked.connect(lambda *_: self.accept_choice())
        self.buttonBox.accepted.connect(self.accept_choice)
        self.buttonBox.rejected.connect(self.reject)
        self.show_message("")
        if self.collections:
            self._fill(self.collections)
        else:
            self.apply_filters()

    @property
    def ok_button(self):
        return self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def show_message(self, text: str, error: bool = False):
        show_message(self.messageLabel, text, error)

    # -- the catalogue's answer
    def filters(self) -> dict:
        start, end = date_range(self.startDateEdit, self.endDateEdit, tr("collection"))
        found = {"start": start, "end": end, "platform": self.platformCombo.currentText().strip() or None}
        if self.aoi is not None and self.aoiFilterCheck.isChecked():
            found["geometry"] = self.aoi.wkt()
        return {key: value for key, value in found.items() if value is not None}

    def apply_filters(self):
        if self.asking:
            return
        try:
            filters = self.filters()
        except EOError as err:
            self.show_message(str(err), error=True)
            return
        connection = self.connection
        self.asking = True
        self.applyButton.setEnabled(False)
        self.show_message(tr("Asking the catalogue…"))

        platform = self.connections.platform(connection)

        def listing(progress):
            with self.connections.open_client(connection) as client:
                return platform.collections(client, **filters)

        run_in_background(self, tr("Listing the collections of {name}", name=connection.name), listing, self._listed)

    def _listed(self, found, error):
        self.asking = False
        self.applyButton.setEnabled(True)
        if error is not None:
            self.show_message(str(error), error=True)
            return
        self.collections = list(found or [])
        self._fill(self.collections)
        self.show_message(tr("{count} collections match.", count=len(self.collections)) if self.collections
                          else tr("No collection matches these filters."))

    def _fill(self, collections):
        chosen = self.chosen_collection() or self._wanted
        table = self.collectionsTable
        table.setSortingEnabled(False)
        table.setRowCount(0)
        for collection in collections:
            row = table.rowCount()
            table.insertRow(row)
            for column, text in ((COLUMN_TITLE, collection.title or collection.id),
                                 (COLUMN_PLATFORM, collection.platform),
                                 (COLUMN_DATES, date_span(collection.start, collection.end))):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, collection.id)
                cell.setToolTip(collection.id if column == COLUMN_TITLE else text)
                table.setItem(row, column, cell)
        table.setSortingEnabled(True)
        platforms = sorted({name.strip() for c in collections for name in (c.platform or "").split(",")} - {""})
        typed = self.platformCombo.currentText()
        self.platformCombo.clear()
        self.platformCombo.addItems([""] + platforms)
        self.platformCombo.setEditText(typed)
        self._filter_rows()
        self.select(chosen)
        self._current_changed()

    def _filter_rows(self, *_):
        needle = self.titleFilterEdit.text().strip().lower()
        for row in range(self.collectionsTable.rowCount()):
            cell = self.collectionsTable.item(row, COLUMN_TITLE)
            haystack = f"{cell.text()} {cell.data(ID_ROLE)}".lower()
            self.collectionsTable.setRowHidden(row, bool(needle) and needle not in haystack)

    # -- the choice
    def select(self, collection_id: str):
        self._wanted = collection_id
        for row in range(self.collectionsTable.rowCount()):
            if self.collectionsTable.item(row, COLUMN_TITLE).data(ID_ROLE) == collection_id:
                self.collectionsTable.selectRow(row)
                return

    def chosen_collection(self) -> str:
        rows = self.collectionsTable.selectionModel().selectedRows()
        return self.collectionsTable.item(rows[0].row(), COLUMN_TITLE).data(ID_ROLE) if rows else ""

    def _current(self):
        chosen = self.chosen_collection()
        return next((c for c in self.collections if c.id == chosen), None)

    def _current_changed(self):
        collection = self._current()
        self.ok_button.setEnabled(collection is not None)
        if collection is None:
            self.abstractBrowser.clear()
            return
        parts = [f"<b>{html.escape(collection.title or collection.id)}</b>", f"<code>{html.escape(collection.id)}</code>"]
        details = ", ".join(t for t in (collection.platform, date_span(collection.start, collection.end)) if t)
        if details:
            parts.append(html.escape(details))
        abstract = collection.abstract or tr("No abstract.")
        parts.append(html.escape(abstract).replace("\n", "<br>"))
        self.abstractBrowser.setHtml("<br>".join(parts))

    def accept_choice(self):
        if self.chosen_collection():
            self.accept()
