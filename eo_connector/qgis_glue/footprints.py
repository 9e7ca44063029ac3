"""Catalogue search results on the map: one polygon layer (EPSG:4326) of item footprints, filled page by page, with
the item id <-> feature id mapping the results browser needs to keep list and map selections in step.

A GeoPackage of its own (footprints_file.py): saved with the project; it leaves the map with its connection.

Provider-neutral: it reads only core Items and the neutral property keys (title, datetime, cloud_cover, tile, orbit,
platform, size). The layer carries custom properties (eo_connector/kind = "search_results") so it is recognised
after a project reload, where the mapping is rebuilt from the "id" attribute.
"""

import json
import struct
from typing import Dict, Iterable, List, Optional

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QDateTime, Qt, QTimer
from shapely.geometry import shape

from ..core.i18n import tr
from ..core.log import logger
from ..core.models import Asset, Item
from . import field_types
from .footprints_file import GeoPackageInAdvance, new_geopackage, open_geopackage_layer
from .layers import PROPERTY

KIND = "search_results"
OUTLINE_COLOR = "230,90,0,255"
FIELD_TYPES = (
    ("id", field_types.STRING), ("title", field_types.STRING), ("date", field_types.DATE_TIME),
    ("cloud", field_types.DOUBLE), ("tile", field_types.STRING), ("orbit", field_types.INT),
    ("platform", field_types.STRING), ("size", field_types.LONG_LONG),
)
# Layers written for later use (a search job's or Processing's output) also carry what a download needs.
ITEM_FIELD_TYPES = (("collection", field_types.STRING), ("assets", field_types.STRING))
REPAINT_INTERVAL_MS = 250  # while pages arrive, the map redraws the layer at most this often


def item_title(item: Item) -> str:
    return str(item.properties.get("title") or item.properties.get("short_id") or item.id)


def item_datetime(item: Item) -> str:
    return str(item.datetime or item.properties.get("datetime") or "")


def footprint_fields(with_assets: bool = False) -> QgsFields:
    fields = QgsFields()
    for name, kind in FIELD_TYPES + (ITEM_FIELD_TYPES if with_assets else ()):
        fields.append(QgsField(name, kind))
    return fields


def layer_fields(with_assets: bool = False) -> QgsFields:
    """The fields of a footprints layer as QGIS reads its GeoPackage: the file's own key "fid" first."""
    fields = QgsFields()
    fields.append(QgsField("fid", field_types.LONG_LONG))
    for field in footprint_fields(with_assets):
        fields.append(field)
    return fields


def _number(value, kind):
    try:
        return None if value in (None, "") else kind(value)
    except (TypeError, ValueError):
        return None


def _attributes(item: Item, with_assets: bool = False) -> list:
    props = item.properties
    when = item_datetime(item)
    date = QDateTime.fromString(when, Qt.DateFormat.ISODate) if when else QDateTime()
    values = [item.id, item_title(item), date if date.isValid() else None, _number(props.get("cloud_cover"), float),
              str(props.get("tile") or ""), _number(props.get("orbit"), int), str(props.get("platform") or ""),
              _number(props.get("size"), int)]
    if with_assets:
        values += [item.collection, json.dumps({key: asset.to_dict() for key, asset in item.assets.items()})]
    return values


def _ring_wkb(ring) -> bytes:
    flat = [float(number) for position in ring for number in position]
    if len(flat) != 2 * len(ring):
        raise ValueError("not a 2D ring")
    return struct.pack(f"<I{len(flat)}d", len(ring), *flat)


def _multipolygon_wkb(geometry) -> Optional[bytes]:
    """WKB of a 2D GeoJSON Polygon or MultiPolygon as a MultiPolygon, packed directly (a footprint is a few
    points: this is several times faster than a shapely object per footprint); None for anything else."""
    try:
        kind, coordinates = geometry.get("type"), geometry.get("coordinates")
        polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else None
        if not polygons:
            return None
        parts = [struct.pack("<BII", 1, 6, len(polygons))]
        for rings in polygons:
            parts.append(struct.pack("<BII", 1, 3, len(rings)))
            parts.extend(_ring_wkb(ring) for ring in rings)
        return b"".join(parts)
    except (AttributeError, TypeError, ValueError, struct.error):
        return None


def _geometries(items: List[Item]) -> List[Optional[QgsGeometry]]:
    """GeoJSON -> multi-polygon QgsGeometry through WKB: (multi)polygons packed directly, any other geometry in one
    vectorised shapely call."""
    wkbs: List[Optional[bytes]] = []
    others = {}
    for number, item in enumerate(items):
        wkb = _multipolygon_wkb(item.geometry) if isinstance(item.geometry, dict) else None
        if wkb is None and item.geometry:
            try:
                others[number] = shape(item.geometry)
            except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException):
                logger.info("footprint of %s is not valid GeoJSON; kept without geometry", item.id)
        wkbs.append(wkb)
    if others:
        for number, wkb in zip(others, shapely.to_wkb(list(others.values()))):
            wkbs[number] = wkb
    geometries = []
    for wkb in wkbs:
        if wkb is None:
            geometries.append(None)
            continue
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        geometry.convertToMultiType()
        geometries.append(geometry)
    return geometries


def item_features(items: List[Item], fields: QgsFields) -> List[QgsFeature]:
    """Footprint features of items, with the attributes of `fields` (footprint_fields, with or without files)."""
    with_assets = fields.indexOf("assets") >= 0
    key = [None] if fields.indexOf("fid") == 0 else []  # a GeoPackage's own key comes first: it numbers itself
    features = []
    for item, geometry in zip(items, _geometries(items)):
        feature = QgsFeature(fields)
        feature.setAttributes(key + _attributes(item, with_assets))
        if geometry is not None:
            feature.setGeometry(geometry)
        features.append(feature)
    return features


class PageItems(list):
    """A page of items with their footprint features (`features`, in the same order, footprint_fields()), built
    where the page was fetched, off the GUI thread: the GUI thread then only hands them over to the layer."""

    __slots__ = ("features",)

    def __init__(self, items: Iterable[Item] = (), features: Optional[List[QgsFeature]] = None):
        super().__init__(items)
        self.features = features


def page_with_features(items: Iterable[Item]) -> PageItems:
    """The items and their features; thread-safe (no layer is touched), for a search's worker thread."""
    page = PageItems(items)
    page.features = item_features(page, layer_fields()) if page else []
    return page


def prebuilt_features(page, items: List[Item]) -> Optional[List[QgsFeature]]:
    """The features built with `page` (a PageItems) for `items`, some of its items; None when it has none."""
    features = getattr(page, "features", None)
    if features is None or len(features) != len(page):
        return None
    if len(items) == len(page) and all(a is b for a, b in zip(items, page)):
        return features
    position = {id(item): number for number, item in enumerate(page)}
    if not all(id(item) in position for item in items):
        return None
    return [features[position[id(item)]] for item in items]


def outline_style(layer: QgsVectorLayer):
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": OUTLINE_COLOR, "outline_width": "0.5"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def is_footprints_layer(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.customProperty(PROPERTY + "kind") == KIND


class FootprintsLayer:
    """A footprints layer and its item id <-> feature id mapping. `layer` is None once QGIS deleted it."""

    def __init__(self, layer: QgsVectorLayer):
        self.layer: Optional[QgsVectorLayer] = layer
        self.fid_by_item: Dict[str, int] = {}
        self.item_by_fid: Dict[int, str] = {}
        self._repaint_waiting = self._repaint_due = False
        layer.willBeDeleted.connect(self._forget_layer)
        if layer.featureCount():  # an existing layer (project reload): rebuild the mapping from attributes
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
            request.setSubsetOfAttributes(["id"], layer.fields())
            for feature in layer.getFeatures(request):
                self._remember(str(feature["id"]), feature.id())

    @classmethod
    def create(cls, title: str, project: Optional[QgsProject] = None, add_to_project: bool = True,
               platform: str = "", with_assets: bool = False, connection_id: str = "",
               prepared: Optional[GeoPackageInAdvance] = None) -> "FootprintsLayer":
        """A new empty layer named `title`, on top of the layer tree when `add_to_project`. `with_assets`: each
        feature also keeps its item's collection and files, so the layer can be downloaded from later. `prepared`:
        the GeoPackage of footprint_fields() readied off the GUI thread, used when it is ready."""
        source = (prepared.take() if prepared is not None and not with_assets else None) \
            or new_geopackage(footprint_fields(with_assets))
        layer = open_geopackage_layer(source, title or tr("Search results"))
        outline_style(layer)
        layer.setDisplayExpression('"title"')
        layer.setCustomProperty(PROPERTY + "kind", KIND)
        layer.setCustomProperty(PROPERTY + "platform", platform)
        layer.setCustomProperty(PROPERTY + "connection_id", connection_id)
        if add_to_project:
            project = project or QgsProject.instance()
            project.addMapLayer(layer, False)
            project.layerTreeRoot().insertLayer(0, layer)
        return cls(layer)

    def alive(self) -> bool:
        return self.layer is not None and not sip.isdeleted(self.layer)

    def _forget_layer(self):
        self.layer = None

    def _remember(self, item_id: str, fid: int):
        self.fid_by_item.setdefault(item_id, fid)
        self.item_by_fid[fid] = item_id

    # -- filling
    def add_items(self, items: Iterable[Item], features: Optional[List[QgsFeature]] = None) -> List[int]:
        """Append one page of items (one provider call); returns the new feature ids. `features`: theirs, built
        ahead off the GUI thread (page_with_features); built here when missing or made for other fields."""
        if features is None:
            features = prebuilt_features(items, items) if isinstance(items, PageItems) else None
        items = list(items)
        if not items or not self.alive():
            return []
        fields = self.layer.fields()
        if features is None or len(features) != len(items) or features[0].fields().names() != fields.names():
            features = item_features(items, fields)
        ok, added = self.layer.dataProvider().addFeatures(features)
        if not ok:
            logger.warning("footprints layer refused %d features", len(features))
            return []
        for item, feature in zip(items, added):
            self._remember(item.id, feature.id())
        self.layer.updateExtents()
        self._repaint_soon()
        return [feature.id() for feature in added]

    def _repaint_soon(self):
        """Redraw now if the map did not lately, else once the interval is over: pages arriving side by side do
        not restart the map's rendering every few milliseconds."""
        if self._repaint_waiting:
            self._repaint_due = True
            return
        self._repaint_due = False
        if self.alive():
            self.layer.triggerRepaint()
        self._repaint_waiting = True
        QTimer.singleShot(REPAINT_INTERVAL_MS, self._interval_over)

    def _interval_over(self):
        self._repaint_waiting = False
        if self._repaint_due:
            self._repaint_soon()

    def reset(self, title: str = "", platform: Optional[str] = None):
        """Empty the layer for a new search (keeping the user's style), renamed when a title is given."""
        self.fid_by_item.clear()
        self.item_by_fid.clear()
        if not self.alive():
            return
        self.layer.removeSelection()
        self.layer.dataProvider().truncate()
        if title:
            self.layer.setName(title)
        if platform is not None:
            self.layer.setCustomProperty(PROPERTY + "platform", platform)
        self.layer.updateExtents()
        self.layer.triggerRepaint()

    # -- mapping and selection
    def feature_ids(self, item_ids: Iterable[str]) -> List[int]:
        return [self.fid_by_item[i] for i in item_ids if i in self.fid_by_item]

    def item_ids(self, feature_ids: Iterable[int]) -> List[str]:
        """Item ids of features; features added by other means are read by their "id" attribute."""
        found, unknown = [], []
        for fid in feature_ids:
            item_id = self.item_by_fid.get(fid)
            if item_id is None:
                unknown.append(fid)
            else:
                found.append(item_id)
        if unknown and self.alive():
            request = QgsFeatureRequest().setFilterFids(unknown).setFlags(QgsFeatureRequest.Flag.NoGeometry)
            found += [str(f["id"]) for f in self.layer.getFeatures(request) if f["id"]]
        return found

    def selected_item_ids(self) -> List[str]:
        return self.item_ids(self.layer.selectedFeatureIds()) if self.alive() else []

    def select(self, item_ids: Iterable[str]):
        """Select exactly the features of these items (emits the layer's selectionChanged once)."""
        if self.alive():
            self.layer.selectByIds(self.feature_ids(item_ids))


def items_layer(items: List[Item], title: str, *, platform: str = "", job_id: str = "", connection_id: str = "",
                project: Optional[QgsProject] = None) -> QgsVectorLayer:
    """The items of a finished search as a footprints layer on top of the layer tree (kept with the project)."""
    footprints = FootprintsLayer.create(title, project, platform=platform, with_assets=True,
                                        connection_id=connection_id)
    footprints.layer.setCustomProperty(PROPERTY + "job_id", job_id)
    footprints.add_items(items)
    return footprints.layer


def item_from_feature(feature: QgsFeature) -> Item:
    """The Item a footprints feature was made from (id, footprint, properties, collection and files when the layer
    kept them), e.g. to download the products of a search layer."""
    names = feature.fields().names()

    def value(name):
        found = feature[name] if name in names else None
        return None if found is None or (hasattr(found, "isNull") and found.isNull()) else found

    properties = {"title": value("title"), "cloud_cover": value("cloud"), "tile": value("tile"),
                  "orbit": value("orbit"), "platform": value("platform"), "size": value("size")}
    date = value("date")
    when = date.toString(Qt.DateFormat.ISODate) if isinstance(date, QDateTime) else (str(date) if date else None)
    assets = {}
    try:
        for key, data in json.loads(value("assets") or "{}").items():
            assets[key] = Asset(**{k: data.get(k) for k in Asset.__slots__ if k in data})
    except (TypeError, ValueError) as err:
        logger.info("files of feature %s not readable: %s", feature.id(), err)
    geometry = feature.geometry()
    shape_json = json.loads(geometry.asJson()) if geometry is not None and not geometry.isEmpty() else None
    return Item(id=str(value("id") or feature.id()), geometry=shape_json, datetime=when,
                properties={k: v for k, v in properties.items() if v is not None}, assets=assets,
                collection=str(value("collection") or ""))


def items_extent(items: Iterable[Item]) -> Optional[QgsRectangle]:
    """The lon/lat box around the items' footprints; None when none has a geometry."""
    boxes = []
    for item in items:
        try:
            boxes.append(shape(item.geometry).bounds if item.geometry else None)
        except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException):
            continue
    boxes = [b for b in boxes if b and all(v == v for v in b)]  # drops empty geometries (NaN bounds)
    if not boxes:
        return None
    return QgsRectangle(min(b[0] for b in boxes), min(b[1] for b in boxes),
                        max(b[2] for b in boxes), max(b[3] for b in boxes))


def zoom_to_items(canvas, items: Iterable[Item], project: Optional[QgsProject] = None) -> bool:
    """Zoom the map canvas to the items' footprints (works without the footprints layer); False if none."""
    extent = items_extent(items)
    if extent is None:
        return False
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       canvas.mapSettings().destinationCrs(), project or QgsProject.instance())
    try:
        extent = transform.transformBoundingBox(extent)
    except QgsCsException:  # a box the canvas CRS cannot show: leave the map as it is
        logger.info("footprints extent cannot be shown in %s", canvas.mapSettings().destinationCrs().authid())
        return False
    if extent.isEmpty():  # a point-like footprint: give it some room
        extent.grow(max(extent.width(), extent.height(), 1e-3 * max(abs(extent.xMinimum()), 1.0)))
    extent.scale(1.1)
    canvas.setExtent(extent)
    canvas.refresh()
    return True
