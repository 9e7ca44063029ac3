"""The area of interest (AOI): one polygonal shapely geometry in EPSG:4326 (lon/lat), where it came from and what
was done to it. Every provider turns an `AOI` into what it needs (WKT, bbox, GeoJSON).

Pure Python: the QGIS glue (eo_connector/layer_aoi.py) reprojects to lon/lat before calling in here. The geometry
work itself (area, antimeridian, simplification) is in lonlat_geometry.py; its public functions are re-exported here.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from dataclasses import dataclass
from functools import cached_property
from typing import List, Optional, Tuple

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from .errors import AoiError
from .i18n import tr
from .lonlat_geometry import (  # noqa: F401  (simplify_to_vertex_budget, split_at_antimeridian: old import path)
    assemble,
    count_vertices,
    fixed_polygon,
    geodesic_area_km2,
    is_split_at_antimeridian,
    polygonal_parts,
    simplify_to_vertex_budget,
    simplify_within_budget,
    split_at_antimeridian,
)

# Reprojection may land a hair outside the valid range (180.0000000001): within this we clamp, beyond we refuse.
_RANGE_SLACK = 1e-6


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
        return is_split_at_antimeridian(self.geometry)

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
        parts = polygonal_parts(geometry)
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
        fixed, crossing, closed_over_pole, reason = fixed_polygon(polygon)
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
        pieces = polygonal_parts(shapely.unary_union(pieces))
    if len(given) > 1:
        notes.append(tr("dissolved {count} features into one", count=len(given)))
    if not pieces:
        raise AoiError(tr("The area of interest has no surface: its area is zero."))
    geometry = assemble([orient(p, 1.0) for p in pieces])
    if around_pole:
        notes.append(tr("closed a ring that goes around the globe over the pole"))
    if crossed and is_split_at_antimeridian(geometry):
        notes.append(tr("split at the antimeridian"))

    if max_vertices is not None and count_vertices(geometry) > max_vertices:
        before = count_vertices(geometry)
        geometry, dropped = simplify_within_budget(geometry, max_vertices)
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
    aoi = aoi_from_geometries([assemble(boxes)], source)
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
    """The AOI as one Polygon, for platforms that take only one (a WKT POLYGON)."""
    if isinstance(aoi.geometry, Polygon):
        return aoi.geometry
    if len(aoi.geometry.geoms) == 1:
        return aoi.geometry.geoms[0]
    if aoi.crosses_antimeridian:
        raise AoiError(tr("The area crosses the antimeridian (180° longitude) and was split in two; this platform "
                          "needs one polygon: choose an area on one side of 180°."))
    raise AoiError(tr("The area has {count} separate parts; this platform needs one polygon: select one feature "
                      "or merge them into one.", count=len(aoi.geometry.geoms)))


# -- small helpers -----------------------------------------------------------------------------------------------

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


