"""The area of interest (AOI): one polygonal shapely geometry in EPSG:4326 (lon/lat), where it came from and what
was done to it. Every provider turns an `AOI` into what it needs (WKT, bbox, GeoJSON).

Pure Python: the QGIS glue (eo_connector/layer_aoi.py) reprojects to lon/lat before calling in here.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, List, Optional, Tuple

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from .errors import AoiError
from .i18n import tr

# WGS84 ellipsoid. Areas are computed on the sphere with the same surface (authalic sphere) after mapping
# latitudes to authalic latitudes: that mapping preserves area, so a lon/lat box gets its exact ellipsoid area.
_A = 6378137.0
_F = 1 / 298.257223563
_E2 = _F * (2 - _F)
_E = math.sqrt(_E2)

# Reprojection may land a hair outside the valid range (180.0000000001): within this we clamp, beyond we refuse.
_RANGE_SLACK = 1e-6


def _authalic_q(sin_lat):
    return (1 - _E2) * (sin_lat / (1 - _E2 * sin_lat**2) - np.log((1 - _E * sin_lat) / (1 + _E * sin_lat)) / (2 * _E))


_QP = float(_authalic_q(np.float64(1.0)))
_R_AUTHALIC = _A * math.sqrt(_QP / 2)


@dataclass(frozen=True)
class AOI:
    """The area of interest. `geometry` is a valid, non-empty Polygon or MultiPolygon in lon/lat (EPSG:4326);
    `source` says where it came from and `notes` what was done to it, both as user sentences."""

    geometry: BaseGeometry
    source: str
    notes: Tuple[str, ...] = ()

    def __post_init__(self):
        if not isinstance(self.geometry, (Polygon, MultiPolygon)) or self.geometry.is_empty:
            raise AoiError(tr("The area of interest must be a non-empty polygon."))

    @cached_property
    def area_km2(self) -> float:
        return geodesic_area_km2(self.geometry)

    @cached_property
    def vertex_count(self) -> int:
        return count_vertices(self.geometry)

    @property
    def bounds(self) -> Tuple[float, float, float, float]:
        """(west, south, east, north) in degrees, as plain min/max (see bbox() for the antimeridian-aware box)."""
        return tuple(self.geometry.bounds)

    @property
    def is_multipart(self) -> bool:
        return isinstance(self.geometry, MultiPolygon) and len(self.geometry.geoms) > 1

    @property
    def crosses_antimeridian(self) -> bool:
        """True when the area was split at ±180°: some part ends at +180 and another starts at -180."""
        return _split_at_180(self.geometry)

    def wkt(self, precision: int = 7) -> str:
        """WKT in lon/lat order, rounded to `precision` decimals (7 decimals is about 1 cm)."""
        return shapely.to_wkt(self.geometry, rounding_precision=precision, trim=True)

    def to_geojson(self) -> dict:
        return json.loads(shapely.to_geojson(self.geometry))

    def bbox(self) -> Tuple[float, float, float, float]:
        """(west, south, east, north); when the area crosses the antimeridian west > east (as in RFC 7946 and STAC)."""
        if not self.crosses_antimeridian:
            return self.bounds
        # The box is the complement of the widest stretch of longitude that no part covers.
        part_bounds = shapely.bounds(shapely.get_parts(self.geometry))
        intervals = sorted(zip(part_bounds[:, 0].tolist(), part_bounds[:, 2].tolist()))
        reach = intervals[0][1]
        west, east = intervals[0][0], float(part_bounds[:, 2].max())
        widest_gap = west + 360.0 - east
        for lo, hi in intervals[1:]:
            if lo - reach > widest_gap:
                widest_gap, west, east = lo - reach, lo, reach
            reach = max(reach, hi)
        _, south, _, north = self.bounds
        return (west, south, east, north)

# -- building an AOI ---------------------------------------------------------------------------------------------

def aoi_from_geometries(geometries, source: str, *, max_vertices: Optional[int] = None) -> AOI:
    """Check, repair, dissolve, split at the antimeridian and (optionally) simplify lon/lat geometries into one AOI."""
    if isinstance(geometries, BaseGeometry):
        geometries = [geometries]
    given = [shapely.force_2d(g) for g in (geometries or []) if g is not None and not g.is_empty]
    if not given:
        raise AoiError(tr("The area of interest is empty: there is no geometry to use."))

    notes: List[str] = []
    polygons: List[Polygon] = []
    ignored = 0
    for geometry in given:
        parts = _polygonal_parts(geometry)
        if not parts:
            raise AoiError(tr("The area of interest needs polygons; the geometry given has {kind}.",
                              kind=_kind_in_words(geometry)))
        ignored += sum(1 for leaf in _leaves(geometry) if leaf.geom_type != "Polygon")
        polygons.extend(parts)
    if ignored:
        notes.append(tr("left out parts that are not polygons: {count}", count=ignored))
    polygons = _checked_lon_lat(polygons)

    pieces: List[Polygon] = []
    repair_reasons: List[str] = []
    crossed = around_pole = False
    for polygon in polygons:
        fixed, crossing, closed_over_pole, reason = _fixed_polygon(polygon)
        pieces.extend(fixed)
        crossed, around_pole = crossed or crossing, around_pole or closed_over_pole
        if reason:
            repair_reasons.append(reason)
    if repair_reasons:
        reasons = ", ".join(sorted(set(repair_reasons)))
        notes.append(tr("repaired an invalid geometry ({reason})", reason=reasons) if len(repair_reasons) == 1
                     else tr("repaired {count} invalid geometries ({reason})", count=len(repair_reasons), reason=reasons))
    pieces = [p for p in pieces if not p.is_empty and p.area > 0]
    if len(pieces) > 1:
        pieces = _polygonal_parts(shapely.unary_union(pieces))
    if len(given) > 1:
        notes.append(tr("dissolved {count} features into one", count=len(given)))
    if not pieces:
        raise AoiError(tr("The area of interest has no surface: its area is zero."))
    geometry = _assemble([orient(p, 1.0) for p in pieces])
    if around_pole:
        notes.append(tr("closed a ring that goes around the globe over the pole"))
    if crossed and _split_at_180(geometry):
        notes.append(tr("split at the antimeridian"))

    if max_vertices is not None and count_vertices(geometry) > max_vertices:
        before = count_vertices(geometry)
        geometry, dropped = _simplify_within_budget(geometry, max_vertices)
        if dropped:
            notes.append(tr("left out {count} small parts or holes to stay within {limit} vertices",
                            count=dropped, limit=max_vertices))
        notes.append(tr("simplified from {before} to {after} vertices", before=before, after=count_vertices(geometry)))
    return AOI(geometry, source, tuple(notes))


def aoi_from_bbox(xmin: float, ymin: float, xmax: float, ymax: float, source: str) -> AOI:
    """A lon/lat box. xmin > xmax means the box crosses the antimeridian: it becomes two boxes, one each side."""
    try:
        xmin, ymin, xmax, ymax = (float(v) for v in (xmin, ymin, xmax, ymax))
    except (TypeError, ValueError):
        raise AoiError(tr("The box has missing or non-numeric coordinates.")) from None
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)):
        raise AoiError(tr("The box has missing or non-numeric coordinates."))
    if any(abs(x) > 180 for x in (xmin, xmax)) or any(abs(y) > 90 for y in (ymin, ymax)):
        raise AoiError(tr("The box ({xmin}, {ymin}, {xmax}, {ymax}) is not in longitude/latitude degrees: "
                          "the coordinate reference system is probably wrong.", xmin=xmin, ymin=ymin, xmax=xmax, ymax=ymax))
    if ymin >= ymax:
        raise AoiError(tr("The box is empty: its south edge must be below its north edge."))
    if xmin == xmax:
        raise AoiError(tr("The box is empty: its west and east edges are the same."))
    if xmin < xmax:
        return aoi_from_geometries([_box_polygon(xmin, ymin, xmax, ymax)], source)
    boxes = [_box_polygon(lo, ymin, hi, ymax) for lo, hi in ((xmin, 180.0), (-180.0, xmax)) if lo < hi]
    aoi = aoi_from_geometries([_assemble(boxes)], source)
    return dataclasses.replace(aoi, notes=aoi.notes + ((tr("split at the antimeridian"),) if len(boxes) > 1 else ()))


def aoi_from_wkt(text: str, source: str = "WKT") -> AOI:
    """A WKT (or EWKT with SRID=4326) text in lon/lat order."""
    text = (text or "").strip()
    if not text:
        raise AoiError(tr("The area of interest is empty: there is no geometry to use."))
    srid = re.match(r"^SRID=(\d+)\s*;", text, re.IGNORECASE)
    if srid:
        if srid.group(1) not in ("4326", "4979"):
            raise AoiError(tr("The WKT is in EPSG:{srid}; EO Connector needs longitude/latitude (EPSG:4326).",
                              srid=srid.group(1)))
        text = text[srid.end():]
    try:
        geometry = shapely.from_wkt(text)
    except (shapely.errors.GEOSException, ValueError, TypeError) as error:
        raise AoiError(tr("The text is not valid WKT (expected e.g. POLYGON((lon lat, ...)))."), details=str(error)) from None
    return aoi_from_geometries([geometry], source)


def aoi_from_geojson(obj, source: str = "GeoJSON") -> AOI:
    """A GeoJSON geometry, Feature or FeatureCollection (dict or text), in lon/lat as RFC 7946 says."""
    invalid = tr("The text is not valid GeoJSON (expected a geometry, a Feature or a FeatureCollection).")
    try:
        if isinstance(obj, (str, bytes)):
            obj = json.loads(obj)
        if not isinstance(obj, dict):
            raise AoiError(invalid)
        crs_name = str(((obj.get("crs") or {}).get("properties") or {}).get("name", ""))
        if crs_name and not re.search(r"(EPSG:+4326|CRS84)$", crs_name):
            raise AoiError(tr("The GeoJSON is in {crs}; EO Connector needs longitude/latitude (EPSG:4326).", crs=crs_name))
        if obj.get("type") == "FeatureCollection":
            shapes = [f.get("geometry") for f in obj.get("features") or []]
        elif obj.get("type") == "Feature":
            shapes = [obj.get("geometry")]
        else:
            shapes = [obj]
        geometries = [shapely.geometry.shape(s) for s in shapes if s]
    except AoiError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, shapely.errors.GEOSException) as error:
        raise AoiError(invalid, details=repr(error)) from None
    return aoi_from_geometries(geometries, source)


def require_single_polygon(aoi: AOI) -> Polygon:
    """The AOI as one Polygon, for platforms that take only one (e.g. BrightEarth's WKT POLYGON)."""
    if isinstance(aoi.geometry, Polygon):
        return aoi.geometry
    if len(aoi.geometry.geoms) == 1:
        return aoi.geometry.geoms[0]
    if aoi.crosses_antimeridian:
        raise AoiError(tr("The area crosses the antimeridian (180° longitude) and was split in two; this platform "
                          "needs one polygon: choose an area on one side of 180°."))
    raise AoiError(tr("The area has {count} separate parts; this platform needs one polygon: select one feature "
                      "or merge them into one.", count=len(aoi.geometry.geoms)))


# -- measuring ---------------------------------------------------------------------------------------------------

def geodesic_area_km2(geometry: BaseGeometry) -> float:
    """Area on the WGS84 ellipsoid, in km², of the polygonal parts of a lon/lat geometry.

    Edges are taken as straight in lon/lat (how GeoJSON and the platforms read them); for small polygons this is
    the same as geodesic edges. Exact for lon/lat boxes.
    """
    total = 0.0
    for polygon in _polygonal_parts(geometry):
        total += _ring_area_m2(polygon.exterior) - sum(_ring_area_m2(ring) for ring in polygon.interiors)
    return total / 1e6


def _ring_area_m2(ring) -> float:
    coords = shapely.get_coordinates(ring)
    lon = np.radians(coords[:, 0])
    beta = np.arcsin(np.clip(_authalic_q(np.sin(np.radians(coords[:, 1]))) / _QP, -1.0, 1.0))
    half = np.diff(beta) / 2
    # Integral of sin(beta) dlon along each edge, with beta linear along it (exact, no cancellation for short edges).
    along = np.sin(beta[:-1] + half) * np.sinc(half / np.pi)
    # The sum of dlon over a closed ring is 0: removing the mean keeps the sum exact and cuts rounding for tiny areas.
    return float(_R_AUTHALIC**2 * abs(np.sum(np.diff(lon) * (along - along.mean())))) if len(along) else 0.0


def count_vertices(geometry: BaseGeometry) -> int:
    """Vertices of a geometry, not counting the closing repeat of each ring (a box has 4)."""
    rings = sum(1 + len(p.interiors) for p in _polygonal_parts(geometry))
    return int(shapely.get_num_coordinates(geometry)) - rings


# -- antimeridian ------------------------------------------------------------------------------------------------

def split_at_antimeridian(geometry: BaseGeometry) -> BaseGeometry:
    """Polygons whose rings jump across ±180° are unwrapped and cut into parts on both sides of the antimeridian."""
    pieces = [piece for polygon in _polygonal_parts(geometry) for piece in _fixed_polygon(polygon)[0]]
    return _assemble(_polygonal_parts(shapely.unary_union(pieces)) if len(pieces) > 1 else pieces)


def _fixed_polygon(polygon: Polygon) -> Tuple[List[Polygon], bool, bool, str]:
    """(valid pieces, crossed the antimeridian, closed over a pole, why it was invalid or "")."""
    crossing = _crosses_antimeridian(polygon)
    closed_over_pole = False
    if crossing:
        polygon, closed_over_pole = _unwrapped(polygon)
    reason, pieces = "", [polygon]
    if not polygon.is_valid:
        reason, pieces = _invalidity_in_words(polygon), _polygonal_parts(shapely.make_valid(polygon))
    return (_cut_at_antimeridian(pieces) if crossing else pieces), crossing, closed_over_pole, reason


def _split_at_180(geometry: BaseGeometry) -> bool:
    if not isinstance(geometry, MultiPolygon) or len(geometry.geoms) < 2:
        return False
    part_bounds = shapely.bounds(shapely.get_parts(geometry))
    return bool(np.any(part_bounds[:, 2] >= 180.0) and np.any(part_bounds[:, 0] <= -180.0))


def _jumps(lon: np.ndarray) -> np.ndarray:
    """Per step: -360/+360 where consecutive longitudes jump across ±180, else 0. A step between two vertices both
    on the antimeridian runs along it (e.g. a whole-world box), not across it."""
    steps = np.diff(lon)
    along = (np.abs(lon[:-1]) == 180.0) & (np.abs(lon[1:]) == 180.0)
    return np.where(along, 0.0, np.where(steps > 180, -360.0, np.where(steps < -180, 360.0, 0.0)))


def _crosses_antimeridian(polygon: Polygon) -> bool:
    return any(np.any(_jumps(shapely.get_coordinates(ring)[:, 0])) for ring in (polygon.exterior, *polygon.interiors))


def _unwrapped_ring(ring) -> Tuple[np.ndarray, float]:
    """Ring coordinates with longitudes made continuous (may leave [-180, 180]) and the net shift at the end."""
    coords = shapely.get_coordinates(ring).copy()
    shifts = np.concatenate([[0.0], np.cumsum(_jumps(coords[:, 0]))])
    coords[:, 0] += shifts
    return coords, float(shifts[-1])


def _unwrapped(polygon: Polygon) -> Tuple[Polygon, bool]:
    """(polygon with continuous longitudes, whether its exterior went around the globe and was closed over a pole)."""
    exterior, net_shift = _unwrapped_ring(polygon.exterior)
    if net_shift:
        # The ring goes once around the globe: it encloses the pole on the side where most of it lies.
        pole = 90.0 if exterior[:, 1].mean() >= 0 else -90.0
        exterior = np.vstack([exterior, [[exterior[-1, 0], pole], [exterior[0, 0], pole]], exterior[:1]])
    centre = (exterior[:, 0].min() + exterior[:, 0].max()) / 2
    holes = []
    for ring in polygon.interiors:
        hole, _ = _unwrapped_ring(ring)
        hole_centre = (hole[:, 0].min() + hole[:, 0].max()) / 2
        hole[:, 0] += 360.0 * round((centre - hole_centre) / 360.0)
        holes.append(hole)
    return Polygon(exterior, holes), bool(net_shift)


def _cut_at_antimeridian(polygons: List[Polygon]) -> List[Polygon]:
    """Cut unwrapped polygons into the [-180, 180] window and its two neighbours, shifted back into range."""
    pieces = []
    for polygon in polygons:
        for offset in (-360.0, 0.0, 360.0):
            window = box(-180.0 + offset, -90.0, 180.0 + offset, 90.0)
            if polygon.intersects(window):
                cut = shapely.transform(polygon.intersection(window), lambda xy, o=offset: xy - [o, 0.0])
                pieces.extend(p for p in _polygonal_parts(cut) if p.area > 0)
    return pieces


# -- simplification ----------------------------------------------------------------------------------------------

def simplify_to_vertex_budget(geometry: BaseGeometry, max_vertices: int) -> BaseGeometry:
    """A valid polygonal geometry with at most `max_vertices` vertices, as close to the original as the budget allows."""
    return _simplify_within_budget(geometry, max_vertices)[0]


def _simplify_within_budget(geometry: BaseGeometry, max_vertices: int) -> Tuple[BaseGeometry, int]:
    """(simplified geometry, rings left out). Simplifying keeps every ring with at least 4 vertices, so when there
    are more rings than the budget can hold the smallest ones (holes, islands) are left out first."""
    if max_vertices < 4:
        raise ValueError("the vertex budget must be at least 4")
    if count_vertices(geometry) <= max_vertices:
        return geometry, 0
    allowance = min(_ring_count(geometry), max_vertices // 4)
    while True:
        candidate, dropped = _keep_largest_rings(geometry, allowance)
        simplified = _search_tolerance(candidate, max_vertices)
        if simplified is not None:
            return simplified, dropped
        if allowance == 1:  # not expected: one ring always simplifies to 4 vertices
            return orient(box(*candidate.bounds), 1.0), dropped
        allowance //= 2


def _search_tolerance(geometry: BaseGeometry, max_vertices: int) -> Optional[BaseGeometry]:
    """Bisect the tolerance with the fast plain Douglas-Peucker, then confirm with the topology-preserving one."""
    xmin, ymin, xmax, ymax = geometry.bounds
    too_fine, coarse_enough = max(xmax - xmin, ymax - ymin) * 1e-12, max(xmax - xmin, ymax - ymin) or 1.0
    for _ in range(40):
        tolerance = math.sqrt(too_fine * coarse_enough)
        count = count_vertices(shapely.simplify(geometry, tolerance, preserve_topology=False))
        if count <= max_vertices:
            coarse_enough = tolerance
            if count >= 0.95 * max_vertices:
                break
        else:
            too_fine = tolerance
        if coarse_enough / too_fine < 1.001:
            break
    # Preserving topology keeps more vertices than plain Douglas-Peucker: widen the tolerance until it fits.
    tolerance, extent = coarse_enough, max(xmax - xmin, ymax - ymin)
    while tolerance <= 4 * extent:
        simplified = shapely.simplify(geometry, tolerance, preserve_topology=True)
        if not simplified.is_empty and count_vertices(simplified) <= max_vertices and simplified.is_valid:
            parts = _polygonal_parts(simplified)
            if parts and all(p.area > 0 for p in parts):
                return _assemble([orient(p, 1.0) for p in parts])
        tolerance *= 1.5
    return None


def _ring_count(geometry: BaseGeometry) -> int:
    return sum(1 + len(p.interiors) for p in _polygonal_parts(geometry))


def _keep_largest_rings(geometry: BaseGeometry, allowance: int) -> Tuple[BaseGeometry, int]:
    """Keep the `allowance` largest rings (a hole only with its part); returns (geometry, rings left out)."""
    parts = _polygonal_parts(geometry)
    if allowance >= _ring_count(geometry):
        return geometry, 0
    rings = [(Polygon(p.exterior).area, i, -1) for i, p in enumerate(parts)]
    rings += [(Polygon(h).area, i, j) for i, p in enumerate(parts) for j, h in enumerate(p.interiors)]
    kept: dict = {}
    kept_count = 0
    for _, part, hole in sorted(rings, key=lambda r: -r[0]):
        if kept_count >= allowance:
            break
        if hole < 0:
            kept[part] = []
        elif part in kept:
            kept[part].append(hole)
        else:
            continue
        kept_count += 1
    result = [Polygon(parts[i].exterior, [parts[i].interiors[j] for j in holes]) for i, holes in kept.items()]
    return _assemble(result), len(rings) - kept_count


# -- small helpers -----------------------------------------------------------------------------------------------

def _polygonal_parts(geometry: BaseGeometry) -> List[Polygon]:
    if geometry is None or geometry.is_empty:
        return []
    if isinstance(geometry, Polygon):
        return [geometry]
    if isinstance(geometry, MultiPolygon):
        return [p for p in geometry.geoms if not p.is_empty]
    if geometry.geom_type == "GeometryCollection":
        return [p for g in geometry.geoms for p in _polygonal_parts(g)]
    return []


def _assemble(polygons: Iterable[Polygon]) -> BaseGeometry:
    polygons = list(polygons)
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def _box_polygon(xmin: float, ymin: float, xmax: float, ymax: float) -> Polygon:
    """A box whose horizontal edges get extra vertices when wider than 90°, so no step looks like an antimeridian jump."""
    xs = np.linspace(xmin, xmax, max(1, math.ceil((xmax - xmin) / 90.0)) + 1)
    ring = [(x, ymin) for x in xs] + [(x, ymax) for x in xs[::-1]]
    return Polygon(ring)


def _checked_lon_lat(polygons: List[Polygon]) -> List[Polygon]:
    """Refuse non-finite or non-degree coordinates; clamp rounding noise just outside the valid range."""
    coords = shapely.get_coordinates(polygons)
    if not np.all(np.isfinite(coords)):
        raise AoiError(tr("The area of interest has invalid coordinates (not a number or infinite)."))
    outside = (np.abs(coords[:, 0]) > 180 + _RANGE_SLACK) | (np.abs(coords[:, 1]) > 90 + _RANGE_SLACK)
    if np.any(outside):
        x, y = coords[np.argmax(outside)]
        raise AoiError(tr("Coordinates such as ({x}, {y}) are not longitude/latitude degrees: the coordinate "
                          "reference system is probably wrong.", x=f"{x:.6g}", y=f"{y:.6g}"))
    if np.any(np.abs(coords[:, 0]) > 180) or np.any(np.abs(coords[:, 1]) > 90):
        limits = np.array([180.0, 90.0])
        polygons = [shapely.transform(p, lambda xy: np.clip(xy, -limits, limits)) for p in polygons]
    return polygons


def _leaves(geometry: BaseGeometry) -> List[BaseGeometry]:
    """The single-part geometries inside any (multi-part or collection) geometry."""
    if hasattr(geometry, "geoms"):
        return [leaf for g in geometry.geoms for leaf in _leaves(g)]
    return [geometry]


def _kind_in_words(geometry: BaseGeometry) -> str:
    kinds = {leaf.geom_type for leaf in _leaves(geometry) if not leaf.is_empty}
    if kinds <= {"Point"}:
        return tr("points")
    if kinds <= {"LineString", "LinearRing"}:
        return tr("lines")
    return tr("no polygons")


def _invalidity_in_words(polygon: Polygon) -> str:
    """GEOS's reason without its coordinates, e.g. 'self-intersection'."""
    reason = shapely.is_valid_reason(polygon) or ""
    return re.sub(r"\[.*\]\s*$", "", reason).strip().lower() or tr("invalid geometry")
