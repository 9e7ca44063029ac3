"""QGIS glue for the area of interest: an AOI from a vector layer or a map extent, and back to a QgsGeometry.

This is the one place where reprojection happens: everything is turned into EPSG:4326 lon/lat here, then the
pure-Python rules in core/aoi.py check, repair, dissolve and split it.
"""

from typing import Optional

import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.aoi import AOI, aoi_from_bbox, aoi_from_geometries
from ..core.errors import AoiError
from ..core.i18n import tr

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")

# Points added along each side of a projected extent, so its curved outline in lon/lat is followed closely.
_EXTENT_POINTS_PER_SIDE = 31
# Below this many degrees, densified points that stayed on a straight lon/lat line are merged back (~0.1 mm).
_COLLINEAR_TOLERANCE = 1e-9
# Longest AOI edge (degrees) drawn on a projected map without extra points: lon/lat lines curve in most projections.
_DISPLAY_SEGMENT_DEGREES = 0.1

def aoi_from_layer(layer, selected_only: Optional[bool] = None, *, max_vertices: Optional[int] = None) -> AOI:
    """The AOI from a polygon layer: its selected features if any are selected (or `selected_only` is True),
    else all its features; `selected_only=False` always takes all of them."""
    if not isinstance(layer, QgsVectorLayer):
        raise AoiError(tr("Choose a vector layer with polygons for the area of interest."))
    name = layer.name()
    if not layer.isValid():
        raise AoiError(tr("Layer '{name}' cannot be read.", name=name))
    kind = layer.geometryType()
    if kind != QgsWkbTypes.GeometryType.PolygonGeometry:
        if kind == QgsWkbTypes.GeometryType.PointGeometry:
            words = tr("points")
        elif kind == QgsWkbTypes.GeometryType.LineGeometry:
            words = tr("lines")
        else:
            words = tr("no geometry")
        raise AoiError(tr("The area of interest needs polygons; layer '{name}' has {kind}.", name=name, kind=words))
    if not layer.crs().isValid():
        raise AoiError(tr("Layer '{name}' has no coordinate reference system: set one in Layer Properties.", name=name))

    selected_count = layer.selectedFeatureCount()
    if selected_only and selected_count == 0:
        raise AoiError(tr("No features are selected in layer '{name}': select the features of the area first.",
                          name=name))
    use_selection = selected_count > 0 and selected_only is not False
    request = QgsFeatureRequest().setNoAttributes()
    features = layer.getSelectedFeatures(request) if use_selection else layer.getFeatures(request)

    return aoi_from_features(features, layer.crs(), name, max_vertices=max_vertices, selected=use_selection)


def aoi_from_features(features, crs: QgsCoordinateReferenceSystem, name: str, *, max_vertices: Optional[int] = None,
                      selected: bool = False) -> AOI:
    """The AOI of features in `crs` (e.g. a Processing feature source: sourceCrs(), sourceName())."""
    if crs is None or not crs.isValid():
        raise AoiError(tr("Layer '{name}' has no coordinate reference system: set one in Layer Properties.", name=name))
    transform = _to_wgs84(crs)
    geometries, feature_count = [], 0
    for feature in features:
        feature_count += 1
        geometry = _to_shapely(feature.geometry(), transform, name)
        if geometry is not None:
            geometries.append(geometry)
    if feature_count == 0:
        raise AoiError(tr("Layer '{name}' has no features.", name=name))
    if not geometries:
        raise AoiError(tr("None of the features of layer '{name}' has a geometry.", name=name))
    return aoi_from_geometries(geometries, _layer_source(name, feature_count, selected), max_vertices=max_vertices)


def aoi_from_extent(rectangle: QgsRectangle, crs: QgsCoordinateReferenceSystem,
                    source: Optional[str] = None) -> AOI:
    """The AOI of a map extent, e.g. iface.mapCanvas().extent() in mapSettings().destinationCrs();
    `source` defaults to "map canvas extent"."""
    source = source or tr("map canvas extent")
    if crs is None or not crs.isValid():
        raise AoiError(tr("The map has no coordinate reference system: set one in Project Properties."))
    if rectangle is None or rectangle.isNull() or rectangle.width() <= 0 or rectangle.height() <= 0:
        raise AoiError(tr("The map extent is empty."))
    if crs.isGeographic():
        # Zoomed out, a map in degrees shows more than the world: keep the part that exists.
        rectangle = rectangle.intersect(QgsRectangle(-180.0, -90.0, 180.0, 90.0))
        if rectangle.isEmpty():
            raise AoiError(tr("The map extent is outside the world's longitude/latitude range."))
    if crs == WGS84:
        return aoi_from_bbox(rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(), rectangle.yMaximum(),
                             source)
    # A straight side in the map's projection is a curve in lon/lat: densify before reprojecting.
    outline = QgsGeometry.fromRect(rectangle).densifyByCount(_EXTENT_POINTS_PER_SIDE)
    try:
        geometry = _to_shapely(outline, _to_wgs84(crs), source)
    except AoiError:
        raise AoiError(tr("The map extent reaches beyond what its projection can show in longitude/latitude: "
                          "zoom in and try again.")) from None
    aoi = aoi_from_geometries([geometry], source)
    simpler = shapely.simplify(aoi.geometry, _COLLINEAR_TOLERANCE, preserve_topology=True)
    return AOI(simpler, aoi.source, aoi.notes) if simpler.is_valid and not simpler.is_empty else aoi


def aoi_to_geometry(aoi: AOI, crs: Optional[QgsCoordinateReferenceSystem] = None) -> QgsGeometry:
    """The AOI as a QgsGeometry in lon/lat, or in `crs` (e.g. the map's, to show it with a rubber band)."""
    geometry = aoi.geometry
    reproject = crs is not None and crs.isValid() and crs != WGS84
    if reproject:
        geometry = shapely.segmentize(geometry, _DISPLAY_SEGMENT_DEGREES)
    result = QgsGeometry()
    result.fromWkb(shapely.to_wkb(geometry))
    if reproject:
        transform = QgsCoordinateTransform(WGS84, crs, QgsProject.instance().transformContext())
        try:
            failed = result.transform(transform) != Qgis.GeometryOperationResult.Success
        except QgsCsException:
            failed = True
        if failed:
            raise AoiError(tr("The area of interest cannot be shown in {crs}.", crs=crs.authid() or crs.description()))
    return result


def _to_wgs84(crs: QgsCoordinateReferenceSystem) -> Optional[QgsCoordinateTransform]:
    if crs == WGS84:
        return None
    return QgsCoordinateTransform(crs, WGS84, QgsProject.instance().transformContext())


def _to_shapely(geometry: QgsGeometry, transform: Optional[QgsCoordinateTransform], where: str):
    """A 2D, curve-free shapely copy of `geometry` in lon/lat; None for a null or empty geometry."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    geometry = QgsGeometry(geometry)  # a copy: the feature's geometry is not ours to change
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    geometry.get().dropZValue()
    geometry.get().dropMValue()
    if transform is not None:
        try:
            failed = geometry.transform(transform) != Qgis.GeometryOperationResult.Success
        except QgsCsException as error:
            raise AoiError(tr("The geometries of {where} could not be converted to longitude/latitude.", where=where),
                           details=str(error)) from None
        if failed:
            raise AoiError(tr("The geometries of {where} could not be converted to longitude/latitude.", where=where))
    return shapely.from_wkb(bytes(geometry.asWkb()))


def _layer_source(name: str, count: int, selected: bool) -> str:
    if selected:
        if count == 1:
            return tr("layer '{name}' (1 selected feature)", name=name)
        return tr("layer '{name}' ({count} selected features)", name=name, count=count)
    if count == 1:
        return tr("layer '{name}' (1 feature)", name=name)
    return tr("layer '{name}' (all {count} features)", name=name, count=count)
