"""Table model over catalogue Items (any provider): title (with its thumbnail), date, cloud cover, size.

The cells live on the C++ side (a QStandardItemModel, written once per row when its page arrives): painting the list
and sorting it never call Python, so the list redraws without waiting for Python's global lock while worker threads
parse the next pages. Pages are appended (one rowsInserted per page), so a view keeps its selection and scroll
position while results arrive. SORT_ROLE gives values that sort as numbers and dates rather than as text; ITEM_ROLE
the Item of a row's title cell.
"""

import html
from typing import Dict, List, Optional

from qgis.PyQt.QtCore import QSize, QSortFilterProxyModel, Qt
from qgis.PyQt.QtGui import QIcon, QImage, QPixmap, QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import QHeaderView

from ...core.i18n import tr
from ...core.models import Item
from ...core.safe_paths import human_size
from ...qgis_glue.footprints import item_datetime, item_title
from .ui import breakable

COLUMN_TITLE, COLUMN_DATE, COLUMN_CLOUD, COLUMN_SIZE = range(4)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
THUMBNAIL_SIZE = 48
COLUMNS = 4


def short_date(value: str) -> str:
    """'2022-02-11T10:56:29.123Z' -> '2022-02-11 10:56' (any ISO form; dates alone stay as they are)."""
    text = (value or "").replace("T", " ")
    return text[:16] if len(text) >= 16 and text[10] == " " else text[:10]


def cloud_text(value) -> str:
    number = _float(value)
    return "" if number is None else f"{number:.0f}" if number == int(number) else f"{number:.1f}"


def _float(value) -> Optional[float]:
    try:
        return None if value in (None, "") else float(value)
    except (TypeError, ValueError):
        return None


def _prototype(right_aligned: bool = False) -> QStandardItem:
    cell = QStandardItem()
    cell.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)  # read-only
    if right_aligned:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


class ResultsModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(0, COLUMNS, parent)
        self._items: List[Item] = []
        self._row_of: Dict[str, int] = {}
        self._thumbnails = set()
        self._left, self._right = _prototype(), _prototype(right_aligned=True)
        titles = (tr("Title"), tr("Date"), tr("Cloud"), tr("Size"))
        tips = (tr("Product title"), tr("Acquisition date and time (UTC)"), tr("Cloud cover (%)"),
                tr("Size of the data files"))
        for column, (title, tip) in enumerate(zip(titles, tips)):
            header = QStandardItem(title)
            header.setToolTip(tip)
            self.setHorizontalHeaderItem(column, header)

    # -- content
    def items(self) -> List[Item]:
        return list(self._items)

    def item(self, row: int) -> Optional[Item]:  # the row's Item (QStandardItemModel.item would be a cell)
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: str) -> int:
        return self._row_of.get(item_id, -1)

    def append(self, items: List[Item]) -> List[Item]:
        """Add the items not shown yet (a server may repeat one across pages); returns those added.

        The title cells go in with one appendRows (one rowsInserted); the other cells of these rows are filled
        with the model's signals held, then announced with one dataChanged."""
        fresh, seen = [], set()
        for item in items:
            if item.id not in self._row_of and item.id not in seen:
                seen.add(item.id)
                fresh.append(item)
        if not fresh:
            return fresh
        first = len(self._items)
        for offset, item in enumerate(fresh):
            self._row_of[item.id] = first + offset
        self._items.extend(fresh)
        self.invisibleRootItem().appendRows([self._title_cell(item) for item in fresh])
        blocked = self.blockSignals(True)
        try:
            for row, item in enumerate(fresh, start=first):
                for column, cell in enumerate(self._other_cells(item), start=COLUMN_DATE):
                    self.setItem(row, column, cell)
        finally:
            self.blockSignals(blocked)
        self.dataChanged.emit(self.index(first, COLUMN_DATE), self.index(len(self._items) - 1, COLUMNS - 1))
        return fresh

    def clear(self):
        """Remove every row (the columns and their headers stay)."""
        self.removeRows(0, self.rowCount())  # the views' slots still read the rows while they go
        self._items, self._row_of, self._thumbnails = [], {}, set()

    def set_thumbnail(self, item_id: str, image: QImage):
        row = self.row_of(item_id)
        if row < 0 or image is None or image.isNull():
            return
        small = image.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        self._thumbnails.add(item_id)
        self.invisibleRootItem().child(row, COLUMN_TITLE).setIcon(QIcon(QPixmap.fromImage(small)))

    def has_thumbnail(self, item_id: str) -> bool:
        return item_id in self._thumbnails

    # -- cells
    def _cell(self, prototype: QStandardItem, text: str, sort_value) -> QStandardItem:
        cell = prototype.clone()
        cell.setText(text)
        cell.setData(sort_value, SORT_ROLE)
        return cell

    def _title_cell(self, item: Item) -> QStandardItem:
        title = item_title(item)
        cell = self._cell(self._left, title, title.lower())  # missing values sort first
        cell.setToolTip(title)
        cell.setData(item, ITEM_ROLE)
        return cell

    def _other_cells(self, item: Item):
        when = item_datetime(item)
        date = self._cell(self._left, short_date(when)[:10], when)  # the day; its time in the tooltip and details
        date.setToolTip(when)
        cloud = _float(item.properties.get("cloud_cover"))
        size = item.properties.get("size")
        return (date,
                self._cell(self._right, cloud_text(cloud), -1.0 if cloud is None else cloud),
                self._cell(self._right, human_size(size) if size else "", float(_float(size) or 0.0)))


def properties_html(item: Item) -> str:
    """The key properties of an item, as short lines (only those it has)."""
    props = item.properties
    cloud = cloud_text(props.get("cloud_cover"))
    orbit = props.get("orbit")
    if orbit not in (None, "") and props.get("orbit_direction"):
        orbit = f"{orbit} ({props['orbit_direction']})"
    rows = [
        (tr("Date"), short_date(item_datetime(item))),
        (tr("Cloud cover"), cloud and tr("{value} %", value=cloud)),
        (tr("Tile"), props.get("tile")),
        (tr("Orbit"), orbit),
        (tr("Platform"), props.get("platform")),
        (tr("Product type"), props.get("product_type")),
        (tr("Size"), human_size(props["size"]) if props.get("size") else ""),
        (tr("Collection"), item.collection),
    ]
    lines = ["<b>" + html.escape(breakable(item_title(item))) + "</b>"]
    lines += [f"{html.escape(label)}: {html.escape(breakable(str(value)))}" for label, value in rows
              if value not in (None, "")]
    return "<br>".join(lines)


def show_in_view(model: "ResultsModel", view) -> QSortFilterProxyModel:
    """Show the model in a table view, sorted by the user through a proxy (returned), in the server's order first."""
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view.setModel(proxy)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # product ids differ at both ends: keep both
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setIconSize(QSize(32, 32))
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(36)
    header = view.horizontalHeader()
    header.setSectionResizeMode(COLUMN_TITLE, QHeaderView.ResizeMode.Stretch)
    # Fixed widths from sample texts: "resize to contents" measures thousands of rows at every layout.
    metrics = view.fontMetrics()
    for column, sample in enumerate(("", "2022-12-31", "100.0", "999.9 MB")):
        if column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the server's order until the user sorts
    view.setSortingEnabled(True)
    return proxy
