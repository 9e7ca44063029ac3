"""What the BEOD API refuses: the AOI WKT and the body of an extraction-mono scenario (400 {"detail": reason})."""

from __future__ import annotations

from typing import Any

import shapely

from tests.emulators.geodata import RASTER_FORMATS, THREE_D_FORMATS, VECTOR_FORMATS, area_km2

SCENARIO_FIELDS = frozenset({"name", "source_image_type", "source_image_id", "augmented", "output_crs",
                             "vector_formats", "raster_formats", "three_d_formats", "dl_models"})
BASEMAP_IDS = (1,)  # ESRI


def parse_aoi(text: str, max_aoi_km2: float) -> tuple[Any, str | None]:
    """The AOI polygon, or the reason BEOD refuses it."""
    try:
        geometry = shapely.from_wkt(text)
    except shapely.errors.GEOSException as exc:
        return None, f"Invalid WKT: {exc}"
    if geometry is None or geometry.geom_type != "Polygon":
        kind = geometry.geom_type.upper() if geometry is not None else "nothing"
        return None, f"The AOI must be a POLYGON, got {kind}"
    if geometry.is_empty:
        return None, "The AOI polygon is empty"
    if geometry.has_z:
        return None, "The AOI must have 2D lon/lat coordinates"
    minx, miny, maxx, maxy = geometry.bounds
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        return None, "AOI coordinates out of range: expected lon/lat in EPSG:4326 (lon first)"
    if not geometry.is_valid:
        return None, f"Invalid AOI polygon: {shapely.is_valid_reason(geometry)}"
    area = area_km2(geometry)
    if area > max_aoi_km2:
        return None, f"AOI too large: {area:.1f} km² exceeds the maximum of {max_aoi_km2:g} km²"
    return geometry, None


def parse_scenario(body: Any) -> tuple[dict[str, list[str]], str | None]:
    """The parsed format lists, or the reason the extraction-mono body is refused."""
    if not isinstance(body, dict):
        return {}, "The body must be a JSON object"
    if set(body) - SCENARIO_FIELDS:
        return {}, f"Unknown field(s): {', '.join(sorted(set(body) - SCENARIO_FIELDS))}"
    if SCENARIO_FIELDS - set(body):
        return {}, f"Missing field(s): {', '.join(sorted(SCENARIO_FIELDS - set(body)))}"
    if not isinstance(body["name"], str) or not body["name"].strip():
        return {}, "name must be a non-empty string"
    if body["source_image_type"] != "basemap":
        return {}, "source_image_type must be 'basemap'"
    if type(body["source_image_id"]) is not int or body["source_image_id"] not in BASEMAP_IDS:
        return {}, f"source_image_id must be the id of a basemap: {BASEMAP_IDS}"
    if type(body["augmented"]) is not bool:
        return {}, "augmented must be true or false"
    if type(body["output_crs"]) is not int or body["output_crs"] not in (3857, 4326):
        return {}, "output_crs must be the EPSG code 3857 or 4326 (an integer)"
    formats = {}
    for name, known in (("vector_formats", tuple(VECTOR_FORMATS)), ("raster_formats", RASTER_FORMATS),
                        ("three_d_formats", THREE_D_FORMATS)):
        value = body[name]
        if not isinstance(value, str):
            return {}, f"{name} must be a comma-separated string"
        items = [item.strip() for item in value.split(",")] if value.strip() else []
        if any(item not in known for item in items) or len(set(items)) != len(items):
            return {}, f"{name} must be a comma-separated list without repeats of: {', '.join(known)}"
        formats[name] = items
    if body["augmented"] and formats["three_d_formats"]:
        return {}, "three_d_formats: 3d_tiles is only available for non-augmented scenarios"
    if not any(formats.values()):
        return {}, "No output format requested"
    models = body["dl_models"]
    if not isinstance(models, list) or any(type(m) not in (str, int) for m in models):
        return {}, "dl_models must be a list of model names or ids ([] = default models)"
    return formats, None
