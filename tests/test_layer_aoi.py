"""AOI from QGIS layers and map extents (eo_connector/layer_aoi.py), with in-memory layers."""

import math

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from shapely.geometry import LineString, Point

from eo_connector.core.errors import AoiError
from eo_connector.qgis_glue.layer_aoi import aoi_from_extent, aoi_from_layer, aoi_to_geometry

EARTH_RADIUS = 6378137.0  # spherical Mercator (EPSG:3857) and the PDC Mercator (EPSG:3832) use the WGS84 major axis
WGS84_ECCENTRICITY = math.sqrt((2 - 1 / 298.257223563) / 298.257223563)


def _mercator(lon, lat, lon_0=0.0, eccentricity=0.0):
    """Forward Mercator written out (spherical, or on the ellipsoid), an independent check of what PROJ does."""
    phi = math.radians(lat)
    x = EARTH_RADIUS * math.radians(lon - lon_0)
    e_sin = eccentricity * math.sin(phi)
    y = EARTH_RADIUS * math.log(math.tan(math.pi / 4 + phi / 2) * ((1 - e_sin) / (1 + e_sin)) ** (eccentricity / 2))
    return x, y


def _layer(geometry_type, crs, wkts, name="parcels"):
    layer = QgsVectorLayer(f"{geometry_type}?crs={crs}" if crs else geometry_type, name, "memory")
    features = []
    for wkt in wkts:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    layer.updateExtents()
    return layer


def _box_wkt(xmin, ymin, xmax, ymax):
    return f"POLYGON(({xmin} {ymin}, {xmax} {ymin}, {xmax} {ymax}, {xmin} {ymax}, {xmin} {ymin}))"


def _mercator_box_wkt(west, south, east, north, lon_0=0.0, eccentricity=0.0):
    (x0, y0), (x1, y1) = _mercator(west, south, lon_0, eccentricity), _mercator(east, north, lon_0, eccentricity)
    return _box_wkt(x0, y0, x1, y1)


@pytest.fixture()
def three_parcels(qgis_app):
    return _layer("Polygon", "EPSG:4326", [_box_wkt(0, 0, 1, 1), _box_wkt(1, 0, 2, 1), _box_wkt(5, 0, 6, 1)])


# -- selection ---------------------------------------------------------------------------------------------------

def test_all_features_when_nothing_is_selected(three_parcels):
    aoi = aoi_from_layer(three_parcels)
    assert aoi.source == "layer 'parcels' (all 3 features)"
    assert aoi.bounds == (0.0, 0.0, 6.0, 1.0) and aoi.is_multipart
    assert "dissolved 3 features into one" in aoi.notes


def test_selected_features_only_when_some_are_selected(three_parcels):
    first_two = [f.id() for f in three_parcels.getFeatures()][:2]
    three_parcels.selectByIds(first_two)
    aoi = aoi_from_layer(three_parcels)
    assert aoi.source == "layer 'parcels' (2 selected features)"
    assert aoi.bounds == (0.0, 0.0, 2.0, 1.0) and not aoi.is_multipart  # the two adjacent boxes merged
    assert aoi_from_layer(three_parcels, selected_only=True).bounds == (0.0, 0.0, 2.0, 1.0)
    assert aoi_from_layer(three_parcels, selected_only=False).bounds == (0.0, 0.0, 6.0, 1.0)


def test_selected_only_with_nothing_selected_is_refused(three_parcels):
    with pytest.raises(AoiError, match="No features are selected in layer 'parcels'"):
        aoi_from_layer(three_parcels, selected_only=True)


def test_vertex_budget_is_applied(qgis_app):
    circle = QgsGeometry.fromPointXY(QgsPointXY(4.0, 50.0)).buffer(0.5, 2000)
    layer = _layer("Polygon", "EPSG:4326", [circle.asWkt()])
    aoi = aoi_from_layer(layer, max_vertices=100)
    assert aoi.vertex_count <= 100 and aoi.geometry.is_valid
    assert aoi.notes[-1].startswith("simplified from 8000 to ")


# -- reprojection ------------------------------------------------------------------------------------------------

def test_web_mercator_layer_is_reprojected_to_lon_lat(qgis_app):
    layer = _layer("Polygon", "EPSG:3857", [_mercator_box_wkt(4.0, 50.0, 5.0, 51.0)])
    west, south, east, north = aoi_from_layer(layer).bounds
    assert (west, south, east, north) == pytest.approx((4.0, 50.0, 5.0, 51.0), abs=1e-9)


def test_utm_layer_is_reprojected_to_lon_lat(qgis_app):
    # A 2 km square centred on the central meridian (3°E) of UTM zone 31N, starting at the equator.
    layer = _layer("Polygon", "EPSG:32631", [_box_wkt(499000, 0, 501000, 2000)])
    aoi = aoi_from_layer(layer)
    west, south, east, north = aoi.bounds
    assert south == pytest.approx(0.0, abs=1e-9)
    assert (west + east) / 2 == pytest.approx(3.0, abs=1e-9)  # symmetric around the central meridian
    assert east - west == pytest.approx(2000 / 0.9996 / (EARTH_RADIUS * math.pi / 180), rel=1e-3)
    assert north == pytest.approx(2000 / 0.9996 / 110574.0, rel=1e-3)  # metres per degree of latitude at 0°
    # UTM shrinks distances by 0.9996 on the central meridian: the true area is a little larger than 4 km².
    assert aoi.area_km2 == pytest.approx(4.0 / 0.9996**2, rel=1e-4)


def test_pacific_layer_crossing_180_is_split_at_the_antimeridian(qgis_app):
    # EPSG:3832 (PDC Mercator, on the ellipsoid) is centred on 150°E: 170°E..170°W is one plain box there.
    pacific_box = _mercator_box_wkt(170.0, -10.0, 190.0, 10.0, lon_0=150.0, eccentricity=WGS84_ECCENTRICITY)
    layer = _layer("Polygon", "EPSG:3832", [pacific_box], name="pacific")
    aoi = aoi_from_layer(layer)
    assert aoi.crosses_antimeridian and len(aoi.geometry.geoms) == 2
    assert aoi.bbox() == pytest.approx((170.0, -10.0, -170.0, 10.0), abs=1e-7)
    assert "split at the antimeridian" in aoi.notes
    assert aoi.area_km2 == pytest.approx(400 * 12308, rel=0.01)  # 20° x 20° at the equator, not 340° x 20°


def test_curved_3d_geometry_is_segmentized_and_flattened(qgis_app):
    layer = _layer("CurvePolygonZ", "EPSG:4326",
                   ["CurvePolygon Z (CircularString Z (4 50 10, 5 50 10, 4 50 10))"], name="circle")
    aoi = aoi_from_layer(layer)
    assert not aoi.geometry.has_z
    assert aoi.vertex_count > 20
    assert aoi.bounds == pytest.approx((4.0, 49.5, 5.0, 50.5), abs=1e-3)
    assert aoi.geometry.area == pytest.approx(math.pi * 0.25, rel=0.01)


# -- refusals ----------------------------------------------------------------------------------------------------

def test_layer_without_crs_is_refused(qgis_app):
    layer = _layer("Polygon", "EPSG:4326", [_box_wkt(0, 0, 1, 1)], name="no crs")
    layer.setCrs(QgsCoordinateReferenceSystem())
    with pytest.raises(AoiError, match="Layer 'no crs' has no coordinate reference system: set one in Layer"):
        aoi_from_layer(layer)


@pytest.mark.parametrize("geometry_type, wkt, kind", [
    ("Point", "POINT(1 2)", "points"),
    ("LineString", "LINESTRING(0 0, 1 1)", "lines"),
])
def test_layer_without_polygons_is_refused(qgis_app, geometry_type, wkt, kind):
    layer = _layer(geometry_type, "EPSG:4326", [wkt], name="wells")
    with pytest.raises(AoiError, match=f"needs polygons; layer 'wells' has {kind}"):
        aoi_from_layer(layer)


def test_empty_layer_is_refused(qgis_app):
    with pytest.raises(AoiError, match="Layer 'empty' has no features"):
        aoi_from_layer(_layer("Polygon", "EPSG:4326", [], name="empty"))


def test_layer_with_a_wrong_crs_is_refused(qgis_app):
    # UTM coordinates in a layer that claims to be in degrees
    layer = _layer("Polygon", "EPSG:4326", [_box_wkt(499000, 0, 501000, 2000)], name="mislabelled")
    with pytest.raises(AoiError, match="coordinate reference system is probably wrong"):
        aoi_from_layer(layer)


@pytest.mark.parametrize("not_a_layer", [None, "parcels"])
def test_not_a_vector_layer_is_refused(qgis_app, not_a_layer):
    with pytest.raises(AoiError, match="Choose a vector layer"):
        aoi_from_layer(not_a_layer)


# -- map extent and back ---------------------------------------------------------------------------------------

@pytest.fixture()
def canvas(qgis_iface):
    """The session's map canvas, given back with the CRS and extent it had."""
    canvas = qgis_iface.mapCanvas()
    crs, extent = canvas.mapSettings().destinationCrs(), canvas.extent()
    yield canvas
    canvas.setDestinationCrs(crs)
    canvas.setExtent(extent)


def test_canvas_extent_in_web_mercator(canvas):
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    (x0, y0), (x1, y1) = _mercator(4.0, 50.0), _mercator(5.0, 51.0)
    canvas.setExtent(QgsRectangle(x0, y0, x1, y1))
    extent = canvas.extent()  # widened by the canvas to its aspect ratio
    aoi = aoi_from_extent(extent, canvas.mapSettings().destinationCrs())
    assert aoi.source == "map canvas extent"
    west, south, east, north = aoi.bounds
    assert west == pytest.approx(math.degrees(extent.xMinimum() / EARTH_RADIUS), abs=1e-9)
    assert east == pytest.approx(math.degrees(extent.xMaximum() / EARTH_RADIUS), abs=1e-9)
    assert south == pytest.approx(math.degrees(2 * math.atan(math.exp(extent.yMinimum() / EARTH_RADIUS)) - math.pi / 2),
                                  abs=1e-9)
    assert west <= 4.0 and east >= 5.0 and south <= 50.0 and north >= 51.0
    assert aoi.vertex_count == 4  # Mercator keeps the extent a lon/lat box: the densified points were merged back


def test_projected_extent_is_densified_so_its_curved_sides_are_kept(qgis_app):
    utm = QgsCoordinateReferenceSystem("EPSG:32631")
    aoi = aoi_from_extent(QgsRectangle(300000, 5000000, 700000, 5600000), utm, source="print layout")
    assert aoi.source == "print layout"
    to_lon_lat = QgsCoordinateTransform(utm, QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    south_west, north_west, west_middle = (to_lon_lat.transform(QgsPointXY(x, y)) for x, y in (
        (300000, 5000000), (300000, 5600000), (300000, 5300000)))
    chord = LineString([(south_west.x(), south_west.y()), (north_west.x(), north_west.y())])
    middle = Point(west_middle.x(), west_middle.y())
    assert chord.distance(middle) > 1e-3  # the west side really is a curve in lon/lat ...
    assert aoi.geometry.boundary.distance(middle) < 1e-6  # ... and the AOI follows it
    assert aoi.vertex_count > 4


def test_zoomed_out_geographic_extent_is_clipped_to_the_world(qgis_app):
    aoi = aoi_from_extent(QgsRectangle(-400, -150, 400, 150), QgsCoordinateReferenceSystem("EPSG:4326"))
    assert aoi.bounds == (-180.0, -90.0, 180.0, 90.0)


def test_extent_without_crs_or_area_is_refused(qgis_app):
    with pytest.raises(AoiError, match="no coordinate reference system"):
        aoi_from_extent(QgsRectangle(0, 0, 1, 1), QgsCoordinateReferenceSystem())
    with pytest.raises(AoiError, match="extent is empty"):
        aoi_from_extent(QgsRectangle(1, 1, 1, 1), QgsCoordinateReferenceSystem("EPSG:4326"))


def test_aoi_back_to_a_qgis_geometry_in_the_map_crs(qgis_app):
    original = _mercator_box_wkt(4.0, 50.0, 5.0, 51.0)
    aoi = aoi_from_layer(_layer("Polygon", "EPSG:3857", [original]))
    in_lon_lat = aoi_to_geometry(aoi)
    assert in_lon_lat.boundingBox().toRectF().getCoords() == pytest.approx((4.0, 50.0, 5.0, 51.0), abs=1e-9)
    in_mercator = aoi_to_geometry(aoi, QgsCoordinateReferenceSystem("EPSG:3857"))
    expected = QgsGeometry.fromWkt(original).boundingBox()
    got = in_mercator.boundingBox()
    for a, b in ((got.xMinimum(), expected.xMinimum()), (got.yMinimum(), expected.yMinimum()),
                 (got.xMaximum(), expected.xMaximum()), (got.yMaximum(), expected.yMaximum())):
        assert a == pytest.approx(b, abs=1e-3)  # millimetres
    assert in_mercator.isGeosValid()


def test_polar_extent_around_the_south_pole_is_closed_over_it(qgis_app):
    # Antarctic polar stereographic: a square centred on the pole is everything south of a wavy parallel.
    aoi = aoi_from_extent(QgsRectangle(-3e6, -3e6, 3e6, 3e6), QgsCoordinateReferenceSystem("EPSG:3031"))
    west, south, east, north = aoi.bounds
    assert (west, south, east) == (-180.0, -90.0, 180.0) and -60 < north < -50
    assert aoi.geometry.is_valid and not aoi.is_multipart
    assert "closed a ring that goes around the globe over the pole" in aoi.notes
