"""The AOI rules (core/aoi.py): pure Python, no QGIS."""

import json
import math

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiPoint, MultiPolygon, Point, Polygon, box

from eo_connector.core.aoi import (
    AOI,
    aoi_from_bbox,
    aoi_from_geojson,
    aoi_from_geometries,
    aoi_from_wkt,
    count_vertices,
    geodesic_area_km2,
    require_single_polygon,
    simplify_to_vertex_budget,
    split_at_antimeridian,
)
from eo_connector.core.errors import AoiError

# Area of the 1°x1° lon/lat box at the equator on the WGS84 ellipsoid.
ONE_DEGREE_BOX_AT_EQUATOR_KM2 = 12308.0
WGS84_SURFACE_KM2 = 510_065_621.7

# numpy 2 renamed trapz to trapezoid (2.0) and removed trapz (2.4); numpy 1.24 of Debian 12 has only trapz.
trapezoid = getattr(np, "trapezoid", None) or np.trapz


def _wavy_polygon(vertex_count, centre=(10.0, 50.0)):
    """A valid, star-like polygon with many vertices (wavy outline plus a little deterministic noise)."""
    angles = np.linspace(0, 2 * np.pi, vertex_count, endpoint=False)
    noise = np.random.default_rng(7).standard_normal(vertex_count)
    radius = 1 + 0.05 * np.sin(angles * 200) + 0.0005 * noise
    return Polygon(np.c_[centre[0] + radius * np.cos(angles), centre[1] + radius * np.sin(angles)])


# -- accepted and repaired ---------------------------------------------------------------------------------------

def test_valid_polygon_is_kept_as_is():
    aoi = aoi_from_geometries([box(4.0, 50.0, 4.5, 50.5)], "layer 'parcels' (1 feature)")
    assert aoi.geometry.equals(box(4.0, 50.0, 4.5, 50.5))
    assert aoi.source == "layer 'parcels' (1 feature)"
    assert aoi.notes == ()
    assert aoi.vertex_count == 4
    assert aoi.bounds == (4.0, 50.0, 4.5, 50.5)
    assert aoi.bbox() == (4.0, 50.0, 4.5, 50.5)
    assert not aoi.is_multipart and not aoi.crosses_antimeridian
    assert aoi.geometry.exterior.is_ccw  # right-hand rule, as GeoJSON wants


def test_bow_tie_is_repaired_and_noted():
    aoi = aoi_from_wkt("POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))")
    assert aoi.geometry.is_valid
    assert aoi.geometry.area == pytest.approx(0.5)
    assert aoi.notes == ("repaired an invalid geometry (self-intersection)",)


@pytest.mark.parametrize("given", [[], None, [Polygon()], [None, shapely.from_wkt("POLYGON EMPTY")]])
def test_empty_input_is_refused(given):
    with pytest.raises(AoiError, match="empty"):
        aoi_from_geometries(given, "test")


@pytest.mark.parametrize("geometry, kind", [
    (Point(1, 2), "points"),
    (MultiPoint([(1, 2), (3, 4)]), "points"),
    (LineString([(0, 0), (1, 1)]), "lines"),
    (shapely.from_wkt("MULTILINESTRING((0 0, 1 1), (2 2, 3 3))"), "lines"),
])
def test_non_polygons_are_refused_naming_the_type(geometry, kind):
    with pytest.raises(AoiError, match=f"needs polygons; the geometry given has {kind}"):
        aoi_from_geometries([geometry], "test")


def test_geometry_collection_keeps_its_polygons_only():
    aoi = aoi_from_wkt("GEOMETRYCOLLECTION(POINT(5 5), LINESTRING(0 0, 3 3), POLYGON((0 0, 1 0, 1 1, 0 1, 0 0)))")
    assert aoi.geometry.equals(box(0, 0, 1, 1))
    assert aoi.notes == ("left out parts that are not polygons: 2",)


def test_overlapping_features_are_dissolved_into_one_polygon():
    aoi = aoi_from_geometries([box(0, 0, 1, 1), box(0.5, 0, 2, 1), box(1.5, 0, 3, 1)], "three")
    assert isinstance(aoi.geometry, Polygon)
    assert aoi.geometry.area == pytest.approx(3.0)
    assert "dissolved 3 features into one" in aoi.notes


def test_disjoint_features_give_a_multipolygon_that_a_single_polygon_platform_refuses():
    aoi = aoi_from_geometries([box(0, 0, 1, 1), box(5, 0, 6, 1)], "two")
    assert isinstance(aoi.geometry, MultiPolygon) and aoi.is_multipart
    assert not aoi.crosses_antimeridian
    with pytest.raises(AoiError, match="2 separate parts; this platform needs one polygon"):
        require_single_polygon(aoi)
    assert require_single_polygon(aoi_from_geometries([box(0, 0, 1, 1)], "one")).equals(box(0, 0, 1, 1))


@pytest.mark.parametrize("wkt", [
    "POLYGON((500000 5600000, 500100 5600000, 500100 5600100, 500000 5600000))",
    "POLYGON((10 95, 11 95, 11 96, 10 95))",
    "POLYGON((-181 0, -179 0, -179 1, -181 0))",
])
def test_coordinates_outside_lon_lat_are_refused_as_a_wrong_crs(wkt):
    with pytest.raises(AoiError, match="not longitude/latitude degrees: the coordinate reference system"):
        aoi_from_wkt(wkt)


def test_rounding_noise_just_past_180_is_clamped_not_refused():
    aoi = aoi_from_geometries([box(179.0, 0.0, 180.0 + 1e-9, 1.0)], "reprojected")
    assert aoi.bounds == (179.0, 0.0, 180.0, 1.0)


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_non_finite_coordinates_are_refused(bad):
    with pytest.raises(AoiError, match="not a number or infinite"):
        aoi_from_geometries([Polygon([(0, 0), (1, 0), (bad, 1), (0, 0)])], "test")


def test_zero_area_is_refused():
    with pytest.raises(AoiError, match="area is zero"):
        aoi_from_wkt("POLYGON((0 0, 1 1, 2 2, 0 0))")


def test_aoi_value_refuses_a_non_polygon_geometry():
    with pytest.raises(AoiError):
        AOI(Point(0, 0), "test")


# -- antimeridian ------------------------------------------------------------------------------------------------

def test_ring_crossing_the_antimeridian_is_split_in_two():
    aoi = aoi_from_wkt("POLYGON((170 -10, -170 -10, -170 10, 170 10, 170 -10))")
    assert isinstance(aoi.geometry, MultiPolygon) and len(aoi.geometry.geoms) == 2
    east, west = sorted(aoi.geometry.geoms, key=lambda p: -p.bounds[0])
    assert east.bounds == (170.0, -10.0, 180.0, 10.0)
    assert west.bounds == (-180.0, -10.0, -170.0, 10.0)
    assert aoi.crosses_antimeridian
    assert aoi.notes == ("split at the antimeridian",)
    assert aoi.bbox() == (170.0, -10.0, -170.0, 10.0)  # west > east, as RFC 7946 writes it
    # 20° x 20° around the equator, not 340° x 20°
    assert aoi.area_km2 == pytest.approx(400 * ONE_DEGREE_BOX_AT_EQUATOR_KM2, rel=0.01)
    with pytest.raises(AoiError, match="crosses the antimeridian"):
        require_single_polygon(aoi)


def test_split_keeps_a_hole_that_straddles_the_antimeridian():
    parts = split_at_antimeridian(shapely.from_wkt(
        "POLYGON((170 -10, -170 -10, -170 10, 170 10, 170 -10), (175 -1, -175 -1, -175 1, 175 1, 175 -1))"))
    assert isinstance(parts, MultiPolygon) and all(p.is_valid for p in parts.geoms)
    assert sum(p.area for p in parts.geoms) == pytest.approx(400 - 20)


def test_bbox_of_a_split_area_spans_the_smallest_stretch_of_longitude():
    aoi = aoi_from_geometries([box(170, 0, 180, 1), box(-180, 0, -170, 1), box(0, 0, 10, 1)], "three islands")
    assert aoi.crosses_antimeridian
    assert aoi.bbox() == (0.0, 0.0, -170.0, 1.0)  # 0°E eastwards to 170°W: 190° wide rather than 200°


def test_ring_around_the_pole_is_closed_over_it():
    lons = np.linspace(-180, 180, 37)[:-1]
    ring = [(lon, -70.0) for lon in lons]
    aoi = aoi_from_geometries([Polygon(ring)], "Antarctic circle")
    assert aoi.bounds == (-180.0, -90.0, 180.0, -70.0)
    assert aoi.geometry.area == pytest.approx(360 * 20)
    assert "closed a ring that goes around the globe over the pole" in aoi.notes


def test_bbox_crossing_the_antimeridian_is_split():
    aoi = aoi_from_bbox(170, -10, -170, 10, "typed box")
    assert aoi.crosses_antimeridian
    assert sorted(p.bounds for p in aoi.geometry.geoms) == [(-180.0, -10.0, -170.0, 10.0), (170.0, -10.0, 180.0, 10.0)]
    assert aoi.notes == ("split at the antimeridian",)
    assert aoi.bbox() == (170.0, -10.0, -170.0, 10.0)


def test_wide_bbox_is_not_taken_for_an_antimeridian_crossing():
    aoi = aoi_from_bbox(-170, -10, 170, 10, "wide box")
    assert isinstance(aoi.geometry, Polygon)
    assert aoi.bounds == (-170.0, -10.0, 170.0, 10.0)
    assert aoi.geometry.area == pytest.approx(340 * 20)


def test_whole_world_polygon_is_kept():
    aoi = aoi_from_wkt("POLYGON((-180 -90, 180 -90, 180 90, -180 90, -180 -90))")
    assert aoi.bounds == (-180.0, -90.0, 180.0, 90.0) and aoi.notes == ()
    assert aoi.area_km2 == pytest.approx(WGS84_SURFACE_KM2, rel=1e-6)


@pytest.mark.parametrize("values, reason", [
    ((0, 1, 1, 1), "south edge"),
    ((0, 2, 1, 1), "south edge"),
    ((5, 0, 5, 1), "west and east edges"),
    ((0, 0, 200, 1), "not in longitude/latitude"),
    ((0, float("nan"), 1, 1), "non-numeric"),
    ((0, None, 1, 1), "non-numeric"),
])
def test_bad_bbox_is_refused(values, reason):
    with pytest.raises(AoiError, match=reason):
        aoi_from_bbox(*values, "typed box")


# -- measures and outputs ----------------------------------------------------------------------------------------

def test_area_of_one_degree_box_at_the_equator():
    aoi = aoi_from_bbox(0, 0, 1, 1, "box")
    assert aoi.area_km2 == pytest.approx(ONE_DEGREE_BOX_AT_EQUATOR_KM2, rel=0.005)


def _ellipsoid_box_area_km2(south, north, width_degrees):
    """Independent reference: numerical integral of the WGS84 area element M(lat) N(lat) cos(lat) dlat dlon."""
    a, f = 6378137.0, 1 / 298.257223563
    e2 = f * (2 - f)
    lat = np.radians(np.linspace(south, north, 20001))
    w = 1 - e2 * np.sin(lat) ** 2
    element = (a * (1 - e2) / w**1.5) * (a / np.sqrt(w)) * np.cos(lat)
    return math.radians(width_degrees) * trapezoid(element, lat) / 1e6


@pytest.mark.parametrize("south, north", [(0, 1), (60, 61), (-45, 10), (80, 90)])
def test_area_matches_the_ellipsoid_at_any_latitude(south, north):
    assert geodesic_area_km2(box(3, south, 5, north)) == pytest.approx(_ellipsoid_box_area_km2(south, north, 2), rel=1e-6)


def test_area_ignores_orientation_and_subtracts_holes():
    clockwise = Polygon(list(box(0, 0, 1, 1).exterior.coords)[::-1])
    assert geodesic_area_km2(clockwise) == pytest.approx(geodesic_area_km2(box(0, 0, 1, 1)))
    with_hole = Polygon(box(0, 0, 2, 2).exterior.coords, [box(0.5, 0.5, 1.5, 1.5).exterior.coords])
    assert geodesic_area_km2(with_hole) == pytest.approx(
        geodesic_area_km2(box(0, 0, 2, 2)) - geodesic_area_km2(box(0.5, 0.5, 1.5, 1.5)))


def test_area_of_a_small_parcel():
    # 0.001° x 0.001° at 50°N: about 111.2 m x 71.7 m
    assert geodesic_area_km2(box(4.0, 50.0, 4.001, 50.001)) == pytest.approx(0.1113 * 0.0716, rel=0.01)


def test_wkt_is_lon_lat_trimmed_and_rounded():
    aoi = aoi_from_geometries([box(4.123456789, 50.5, 4.5, 51.0)], "test")
    assert aoi.wkt() == "POLYGON ((4.5 50.5, 4.5 51, 4.1234568 51, 4.1234568 50.5, 4.5 50.5))"
    assert aoi.wkt(precision=2).startswith("POLYGON ((4.5 50.5, 4.5 51, 4.12 51")


def test_geojson_round_trip():
    aoi = aoi_from_geometries([box(0, 0, 1, 1), box(5, 0, 6, 1)], "two")
    document = aoi.to_geojson()
    assert document["type"] == "MultiPolygon"
    json.dumps(document)  # plain JSON types only
    again = aoi_from_geojson({"type": "Feature", "properties": {}, "geometry": document})
    assert again.geometry.equals(aoi.geometry)
    collection = {"type": "FeatureCollection",
                  "features": [{"type": "Feature", "geometry": g} for g in
                               (box(0, 0, 1, 1).__geo_interface__, box(1, 0, 2, 1).__geo_interface__)]}
    merged = aoi_from_geojson(json.dumps(collection))
    assert merged.geometry.area == pytest.approx(2.0) and merged.notes == ("dissolved 2 features into one",)


@pytest.mark.parametrize("text, reason", [
    ("not wkt at all", "not valid WKT"),
    ("SRID=3857;POLYGON((0 0, 1 0, 1 1, 0 0))", "EPSG:3857"),
    ("", "empty"),
])
def test_bad_wkt_is_refused(text, reason):
    with pytest.raises(AoiError, match=reason):
        aoi_from_wkt(text)


def test_ewkt_in_4326_is_accepted():
    assert aoi_from_wkt("SRID=4326;POLYGON((0 0, 1 0, 1 1, 0 0))").geometry.area == pytest.approx(0.5)


@pytest.mark.parametrize("obj", ["{", [1, 2], {"type": "Polygon", "coordinates": "nope"}])
def test_bad_geojson_is_refused(obj):
    with pytest.raises(AoiError, match="not valid GeoJSON"):
        aoi_from_geojson(obj)


# -- simplification ----------------------------------------------------------------------------------------------

def test_count_vertices_ignores_closing_points():
    assert count_vertices(box(0, 0, 1, 1)) == 4
    assert count_vertices(Polygon(box(0, 0, 3, 3).exterior.coords, [box(1, 1, 2, 2).exterior.coords])) == 8


def test_100000_vertex_polygon_is_simplified_to_the_budget():
    big = _wavy_polygon(100_000)
    assert count_vertices(big) == 100_000
    simplified = simplify_to_vertex_budget(big, 2000)
    assert isinstance(simplified, Polygon) and simplified.is_valid
    assert 1000 < count_vertices(simplified) <= 2000  # uses the budget, not a crude shape
    assert simplified.symmetric_difference(big).area / big.area < 0.01


def test_aoi_with_a_vertex_budget_notes_the_simplification():
    aoi = aoi_from_geometries([_wavy_polygon(100_000)], "big", max_vertices=500)
    assert aoi.vertex_count <= 500 and aoi.geometry.is_valid
    assert aoi.notes == (f"simplified from 100000 to {aoi.vertex_count} vertices",)


def test_budget_smaller_than_the_number_of_rings_drops_the_smallest_parts():
    islands = MultiPolygon([box(1.5 * i, 0, 1.5 * i + 0.1 + 0.01 * i, 1) for i in range(100)])
    aoi = aoi_from_geometries([islands], "archipelago", max_vertices=40)
    assert aoi.vertex_count <= 40 and aoi.geometry.is_valid
    kept_widths = sorted(round(p.bounds[2] - p.bounds[0], 3) for p in aoi.geometry.geoms)
    assert kept_widths == [round(0.1 + 0.01 * i, 3) for i in range(90, 100)]  # the ten largest
    assert aoi.notes[0] == "left out 90 small parts or holes to stay within 40 vertices"


def test_geometry_within_budget_is_returned_unchanged():
    polygon = _wavy_polygon(100)
    assert simplify_to_vertex_budget(polygon, 100) is polygon
    with pytest.raises(ValueError):
        simplify_to_vertex_budget(polygon, 3)
