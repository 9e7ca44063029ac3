"""Pure geometry on lon/lat (EPSG:4326) shapely geometries: geodesic area, vertex counting, splitting at the
antimeridian and simplifying to a vertex budget. No AOI rules here (see aoi.py): these work on any polygonal geometry.
"""

from __future__ import annotations

import math
import re
from typing import Iterable, List, Optional, Tuple

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from .i18n import tr

# WGS84 ellipsoid. Areas are computed on the sphere with the same surface (authalic sphere) after mapping
# latitudes to authalic latitudes: that mapping preserves area, so a lon/lat box gets its exact ellipsoid area.
_A = 6378137.0
_F = 1 / 298.257223563
_E2 = _F * (2 - _F)
_E = math.sqrt(_E2)


def _authalic_q(sin_lat):
    return (1 - _E2) * (sin_lat / (1 - _E2 * sin_lat**2) - np.log((1 - _E * sin_lat) / (1 + _E * sin_lat)) / (2 * _E))


_QP = float(_authalic_q(np.float64(1.0)))
_R_AUTHALIC = _A * math.sqrt(_QP / 2)


# -- measuring ---------------------------------------------------------------------------------------------------

def geodesic_area_km2(geometry: BaseGeometry) -> float:
    """Area on the WGS84 ellipsoid, in km², of the polygonal parts of a lon/lat geometry.

    Edges are taken as straight in lon/lat (how GeoJSON and the platforms read them); for small polygons this is
    the same as geodesic edges. Exact for lon/lat boxes.
    """
    total = 0.0
    for polygon in polygonal_parts(geometry):
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
    return int(shapely.get_num_coordinates(geometry)) - _ring_count(geometry)


# -- antimeridian ------------------------------------------------------------------------------------------------

def split_at_antimeridian(geometry: BaseGeometry) -> BaseGeometry:
    """Polygons whose rings jump across ±180° are unwrapped and cut into parts on both sides of the antimeridian."""
    pieces = [piece for polygon in polygonal_parts(geometry) for piece in fixed_polygon(polygon)[0]]
    return assemble(polygonal_parts(shapely.unary_union(pieces)) if len(pieces) > 1 else pieces)


def fixed_polygon(polygon: Polygon) -> Tuple[List[Polygon], bool, bool, str]:
    """(valid pieces, crossed the antimeridian, closed over a pole, why it was invalid or "")."""
    crossing = _crosses_antimeridian(polygon)
    closed_over_pole = False
    if crossing:
        polygon, closed_over_pole = _unwrapped(polygon)
    reason, pieces = "", [polygon]
    if not polygon.is_valid:
        reason, pieces = _invalidity_in_words(polygon), polygonal_parts(shapely.make_valid(polygon))
    return (_cut_at_antimeridian(pieces) if crossing else pieces), crossing, closed_over_pole, reason


def is_split_at_antimeridian(geometry: BaseGeometry) -> bool:
    """True when some part ends at +180 and another starts at -180."""
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
                pieces.extend(p for p in polygonal_parts(cut) if p.area > 0)
    return pieces


# -- simplification ----------------------------------------------------------------------------------------------

def simplify_to_vertex_budget(geometry: BaseGeometry, max_vertices: int) -> BaseGeometry:
    """A valid polygonal geometry with at most `max_vertices` vertices, as close to the original as the budget allows."""
    return simplify_within_budget(geometry, max_vertices)[0]


def simplify_within_budget(geometry: BaseGeometry, max_vertices: int) -> Tuple[BaseGeometry, int]:
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
            parts = polygonal_parts(simplified)
            if parts and all(p.area > 0 for p in parts):
                return assemble([orient(p, 1.0) for p in parts])
        tolerance *= 1.5
    return None


def _ring_count(geometry: BaseGeometry) -> int:
    return sum(1 + len(p.interiors) for p in polygonal_parts(geometry))


def _keep_largest_rings(geometry: BaseGeometry, allowance: int) -> Tuple[BaseGeometry, int]:
    """Keep the `allowance` largest rings (a hole only with its part); returns (geometry, rings left out)."""
    parts = polygonal_parts(geometry)
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
    return assemble(result), len(rings) - kept_count


# -- small helpers -----------------------------------------------------------------------------------------------

def polygonal_parts(geometry: BaseGeometry) -> List[Polygon]:
    """The non-empty polygons of a Polygon, MultiPolygon or GeometryCollection; [] for anything else."""
    if geometry is None or geometry.is_empty:
        return []
    if isinstance(geometry, Polygon):
        return [geometry]
    if isinstance(geometry, MultiPolygon):
        return [p for p in geometry.geoms if not p.is_empty]
    if geometry.geom_type == "GeometryCollection":
        return [p for g in geometry.geoms for p in polygonal_parts(g)]
    return []


def assemble(polygons: Iterable[Polygon]) -> BaseGeometry:
    """One Polygon as is, several as a MultiPolygon."""
    polygons = list(polygons)
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def _invalidity_in_words(polygon: Polygon) -> str:
    """GEOS's reason without its coordinates, e.g. 'self-intersection'."""
    reason = shapely.is_valid_reason(polygon) or ""
    return re.sub(r"\[.*\]\s*$", "", reason).strip().lower() or tr("invalid geometry")
