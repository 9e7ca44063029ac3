"""Catalogue search results on the map: one polygon layer (EPSG:4326) of item footprints, filled page by page, with
the item id <-> feature id mapping the results browser needs to keep list and map selections in step.

The layer is a GeoPackage of its own in the plugin's data folder (not a memory layer): it is kept when the project
is saved and reopened, and QGIS does not warn on quit that it would be lost. It carries the id of the connection
whose search made it, so it leaves the map when that connection is removed (layers.remove_layers_of_connection).

Provider-neutral: it reads only core Items and the neutral property keys (title, datetime, cloud_cover, tile, orbit,
platform, size). The layer carries custom properties (eo_connector/kind = "search_results") so it is recognised
after a project reload, where the mapping is rebuilt from the "id" attribute.
"""

import contextlib
import json
import os
import uuid
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
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QDateTime, Qt
from shapely.geometry import shape

from ..core.errors import EOError
from ..core.i18n import tr
from ..core.log import logger
from ..core.models import Asset, Item
from . import field_types, settings
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


def item_title(item: Item) -> str:
    return str(item.properties.get("title") or item.properties.get("short_id") or item.id)


def item_datetime(item: Item) -> str:
    return str(item.datetime or item.properties.get("datetime") or "")


def footprint_fields(with_assets: bool = False) -> QgsFields:
    fields = QgsFields()
    for name, kind in FIELD_TYPES + (ITEM_FIELD_TYPES if with_assets else ()):
        fields.append(QgsField(name, kind))
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


def _geometries(items: List[Item]) -> List[Optional[QgsGeometry]]:
    """GeoJSON -> multi-polygon QgsGeometry through WKB in one vectorised shapely call (fast for big pages)."""
    shapes = []
    for item in items:
        try:
            shapes.append(shape(item.geometry) if item.geometry else None)
        except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException):
            logger.info("footprint of %s is not valid GeoJSON; kept without geometry", item.id)
            shapes.append(None)
    geometries = []
    for wkb in shapely.to_wkb(shapes):
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
        layer.willBeDeleted.connect(self._forget_layer)
        if layer.featureCount():  # an existing layer (project reload): rebuild the mapping from attributes
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
            request.setSubsetOfAttributes(["id"], layer.fields())
            for feature in layer.getFeatures(request):
                self._remember(str(feature["id"]), feature.id())

    @classmethod
    def create(cls, title: str, project: Optional[QgsProject] = None, add_to_project: bool = True,
               platform: str = "", with_assets: bool = False, connection_id: str = "") -> "FootprintsLayer":
        """A new empty layer named `title`, on top of the layer tree when `add_to_project`. `with_assets`: each
        feature also keeps its item's collection and files, so the layer can be downloaded from later."""
        source = new_geopackage(footprint_fields(with_assets))
        with _unsynchronised_sqlite():
            layer = QgsVectorLayer(source, title or tr("Search results"), "ogr")
            if layer.isValid():
                layer.dataProvider().enterUpdateMode()  # opened for writing now, with the option above
        if not layer.isValid():
            raise EOError(tr("The layer of the search results could not be created in {folder}.",
                             folder=footprints_dir()), details=layer.source())
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
    def add_items(self, items: Iterable[Item]) -> List[int]:
        """Append one page of items (one provider call); returns the new feature ids."""
        items = list(items)
        if not items or not self.alive():
            return []
        features = item_features(items, self.layer.fields())
        ok, added = self.layer.dataProvider().addFeatures(features)
        if not ok:
            logger.warning("footprints layer refused %d features", len(features))
            return []
        for item, feature in zip(items, added):
            self._remember(item.id, feature.id())
        self.layer.updateExtents()
        self.layer.triggerRepaint()
        return [feature.id() for feature in added]

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


@contextlib.contextmanager
def _unsynchronised_sqlite():
    """GeoPackages opened here skip SQLite's flush to disk at each commit (one per page of results): five times
    faster, and only these files, which a search can write again, would lose their last pages in a power cut."""
    from osgeo import gdal

    previous = gdal.GetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", None)
    gdal.SetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", previous)


def footprints_dir() -> str:
    path = os.path.join(settings.plugin_data_dir(), "footprints")
    os.makedirs(path, exist_ok=True)
    return path


def new_geopackage(fields: QgsFields) -> str:
    """An empty GeoPackage of multi-polygons in EPSG:4326 with these fields; its layer's source."""
    path = os.path.join(footprints_dir(), f"{uuid.uuid4().hex}.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName, options.fileEncoding = "GPKG", "footprints", "UTF-8"
    writer = QgsVectorFileWriter.create(path, fields, QgsWkbTypes.Type.MultiPolygon,
                                        QgsCoordinateReferenceSystem("EPSG:4326"),
                                        QgsProject.instance().transformContext(), options)
    error = writer.hasError()
    message = writer.errorMessage()
    del writer  # closes the file
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise EOError(tr("The layer of the search results could not be created in {folder}.",
                         folder=footprints_dir()), details=message)
    return f"{path}|layername=footprints"


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
