"""Table model over catalogue Items (any provider): title (with its thumbnail), date, cloud cover, size.

Pages are appended with beginInsertRows, so a view keeps its selection and scroll position while results arrive.
SORT_ROLE gives values that sort as numbers and dates rather than as text.
"""

import html
from typing import Dict, List, Optional

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QIcon, QImage, QPixmap

from ...core.i18n import tr
from ...core.models import Item
from ...core.safe_paths import human_size
from ...qgis_glue.footprints import item_datetime, item_title
from .ui import breakable

COLUMN_TITLE, COLUMN_DATE, COLUMN_CLOUD, COLUMN_SIZE = range(4)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
THUMBNAIL_SIZE = 48


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


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: List[Item] = []
        self._row_of: Dict[str, int] = {}
        self._thumbnails: Dict[str, QIcon] = {}

    # -- content
    def items(self) -> List[Item]:
        return list(self._items)

    def item(self, row: int) -> Optional[Item]:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: str) -> int:
        return self._row_of.get(item_id, -1)

    def append(self, items: List[Item]) -> List[Item]:
        """Add the items not shown yet (a server may repeat one across pages); returns those added."""
        fresh, seen = [], set()
        for item in items:
            if item.id not in self._row_of and item.id not in seen:
                seen.add(item.id)
                fresh.append(item)
        if fresh:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for offset, item in enumerate(fresh):
                self._row_of[item.id] = first + offset
            self._items.extend(fresh)
            self.endInsertRows()
        return fresh

    def clear(self):
        self.beginResetModel()
        self._items, self._row_of, self._thumbnails = [], {}, {}
        self.endResetModel()

    def set_thumbnail(self, item_id: str, image: QImage):
        row = self.row_of(item_id)
        if row < 0 or image is None or image.isNull():
            return
        small = image.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        self._thumbnails[item_id] = QIcon(QPixmap.fromImage(small))
        index = self.index(row, COLUMN_TITLE)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def has_thumbnail(self, item_id: str) -> bool:
        return item_id in self._thumbnails

    # -- QAbstractTableModel
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (tr("Title"), tr("Date"), tr("Cloud"), tr("Size"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (tr("Product title"), tr("Acquisition date and time (UTC)"), tr("Cloud cover (%)"),
                    tr("Size of the data files"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == SORT_ROLE:
            return self._sort_value(item, column)
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DecorationRole and column == COLUMN_TITLE:
            return self._thumbnails.get(item.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item_title(item) if column == COLUMN_TITLE else item_datetime(item) if column == COLUMN_DATE else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COLUMN_CLOUD, COLUMN_SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(item: Item, column: int) -> str:
        if column == COLUMN_TITLE:
            return item_title(item)
        if column == COLUMN_DATE:
            return short_date(item_datetime(item))[:10]  # the day: the time is in the tooltip and the details
        if column == COLUMN_CLOUD:
            return cloud_text(item.properties.get("cloud_cover"))
        size = item.properties.get("size")
        return human_size(size) if size else ""

    @staticmethod
    def _sort_value(item: Item, column: int):
        """Missing values sort first; numbers as numbers (a QVariant of one type per column)."""
        if column == COLUMN_TITLE:
            return item_title(item).lower()
        if column == COLUMN_DATE:
            return item_datetime(item)
        if column == COLUMN_CLOUD:
            value = _float(item.properties.get("cloud_cover"))
            return -1.0 if value is None else value
        return float(_float(item.properties.get("size")) or 0.0)


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
