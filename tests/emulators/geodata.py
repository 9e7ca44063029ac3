"""Real, small, deterministic extraction results (what BEOD delivers) written with GDAL/OGR.

`write_export(folder, aoi, ...)` writes `folder/EXPORT/<layer>/<format>/<files>` for an AOI (shapely, EPSG:4326):
- building: polygons on a regular grid of small footprints, clipped to the AOI (id, height, usage);
- tree:     points between the buildings (id, height, crown_m);
- road:     lines along every third grid line, clipped (id, name, kind, width);
- clutter:  a coarse 3x3 grid of polygons with a land-cover class (id, class, code);
- dtm:      Float32 GeoTIFF over the extent, a smooth elevation surface, nodata (-9999) outside the AOI.
Vector formats: shapefile (building.shp .shx .dbf .prj .cpg), geopackage (building.gpkg); raster: geotiff
(dtm.tif); 3d_tiles for building and tree (tileset.json + <layer>.b3dm holding boxes as glTF 2.0).
Output CRS 3857 or 4326. Same inputs give byte-identical files (timestamps pinned). A tile takes ~0.1 s.
"""

from __future__ import annotations

import json
import math
import random
import struct
from pathlib import Path

import numpy as np
import shapely
from osgeo import gdal, ogr, osr
from shapely.geometry import box

VECTOR_LAYERS = ("building", "tree", "road", "clutter")
THREE_D_LAYERS = ("building", "tree")
VECTOR_FORMATS = {"shapefile": ("ESRI Shapefile", ".shp"), "geopackage": ("GPKG", ".gpkg")}
RASTER_FORMATS = ("geotiff",)
THREE_D_FORMATS = ("3d_tiles",)
NODATA = -9999.0
_MAX_CELLS = 400  # caps the features per layer so a tile stays fast whatever its size
_FIXED_DATE = "2024-01-01"
_CLUTTER = (("urban", 1), ("vegetation", 2), ("water", 3), ("bare", 4), ("industrial", 5))
_FIELDS = {
    "building": (("id", ogr.OFTInteger), ("height", ogr.OFTReal), ("usage", ogr.OFTString)),
    "tree": (("id", ogr.OFTInteger), ("height", ogr.OFTReal), ("crown_m", ogr.OFTReal)),
    "road": (("id", ogr.OFTInteger), ("name", ogr.OFTString), ("kind", ogr.OFTString), ("width", ogr.OFTReal)),
    "clutter": (("id", ogr.OFTInteger), ("class", ogr.OFTString), ("code", ogr.OFTInteger)),
}
_GEOMETRY_TYPES = {"building": ogr.wkbPolygon, "tree": ogr.wkbPoint, "road": ogr.wkbLineString,
                   "clutter": ogr.wkbPolygon}


def write_export(folder: Path, aoi, *, output_crs: int = 3857, vector_formats=("shapefile", "geopackage"),
                 raster_formats=("geotiff",), three_d_formats=("3d_tiles",), extent=None) -> list[Path]:
    """Write the EXPORT tree for `aoi` (the part of the AOI in this tile) and return the files written.

    `extent` (minx, miny, maxx, maxy in lon/lat) is the tile's box, used for the grid and the DTM; default the
    AOI bounds. An AOI empty in the tile gives empty but valid layers and an all-nodata DTM.
    """
    if output_crs not in (3857, 4326):
        raise ValueError(f"unsupported output CRS {output_crs}")
    extent = tuple(extent or aoi.bounds)
    features = _features(aoi, extent)
    srs = _srs(output_crs)
    to_output = None if output_crs == 4326 else osr.CoordinateTransformation(_srs(4326), srs)
    export = Path(folder) / "EXPORT"
    written: list[Path] = []
    for layer in VECTOR_LAYERS:
        geometries = [_to_ogr(geom, to_output) for geom, _ in features[layer]]
        attributes = [values for _, values in features[layer]]
        for fmt in vector_formats:
            written += _write_vector(export / layer / fmt, layer, fmt, srs, geometries, attributes)
    if "geotiff" in raster_formats:
        written.append(_write_dtm(export / "dtm" / "geotiff" / "dtm.tif", aoi, extent, output_crs, srs, to_output))
    if "3d_tiles" in three_d_formats:
        for layer in THREE_D_LAYERS:
            written += _write_3d_tiles(export / layer / "3d_tiles", layer, features[layer], extent)
    return written


def area_km2(geometry) -> float:
    """Area of a lon/lat geometry in km², in an equal-area projection centred on it."""
    if geometry.is_empty:
        return 0.0
    centre = geometry.centroid
    equal_area = osr.SpatialReference()
    equal_area.ImportFromProj4(f"+proj=laea +lat_0={centre.y} +lon_0={centre.x} +datum=WGS84 +units=m +no_defs")
    projected = _to_ogr(geometry, osr.CoordinateTransformation(_srs(4326), equal_area))
    return projected.GetArea() / 1e6


def split_extent(bounds, count: int) -> list[tuple[float, float, float, float]]:
    """Cut a bbox into `count` tiles covering it exactly: rows of near-square cells, the last row wider cells."""
    minx, miny, maxx, maxy = bounds
    cols = math.ceil(math.sqrt(count))
    rows = math.ceil(count / cols)
    tiles = []
    for row in range(rows):
        in_row = cols if row < rows - 1 else count - cols * (rows - 1)
        y0 = miny + (maxy - miny) * row / rows
        y1 = miny + (maxy - miny) * (row + 1) / rows
        for col in range(in_row):
            tiles.append((minx + (maxx - minx) * col / in_row, y0, minx + (maxx - minx) * (col + 1) / in_row, y1))
    return tiles


# --- synthetic features (lon/lat) ------------------------------------------------------------------------------
def _features(aoi, extent) -> dict[str, list]:
    minx, miny, maxx, maxy = extent
    lat0 = math.radians((miny + maxy) / 2)
    m_lon, m_lat = 111_320.0 * max(math.cos(lat0), 0.01), 110_574.0
    width_m, height_m = (maxx - minx) * m_lon, (maxy - miny) * m_lat
    step_m = max(60.0, math.sqrt(width_m * height_m / _MAX_CELLS))
    step_x, step_y = step_m / m_lon, step_m / m_lat
    cols, rows = max(1, int((maxx - minx) / step_x)), max(1, int((maxy - miny) / step_y))
    rng = random.Random(f"{minx:.7f},{miny:.7f},{maxx:.7f},{maxy:.7f}")
    out: dict[str, list] = {name: [] for name in VECTOR_LAYERS}

    for j in range(rows):
        for i in range(cols):
            cx, cy = minx + (i + 0.5) * step_x, miny + (j + 0.5) * step_y
            half_w, half_h = step_x * rng.uniform(0.15, 0.3), step_y * rng.uniform(0.15, 0.3)
            footprint = _clip(box(cx - half_w, cy - half_h, cx + half_w, cy + half_h), aoi)
            height = round(rng.uniform(4.0, 30.0), 1)
            if footprint is not None:
                usage = ("residential", "commercial", "école")[(i + j) % 3]  # a non-ASCII value tests encodings
                out["building"].append((footprint, (len(out["building"]) + 1, height, usage)))
            tx, ty = cx + step_x * 0.4, cy + step_y * 0.4
            if shapely.contains_xy(aoi, tx, ty):
                out["tree"].append((shapely.Point(tx, ty), (len(out["tree"]) + 1, round(height / 3, 1),
                                                             round(rng.uniform(2.0, 8.0), 1))))
    lines = [shapely.LineString([(minx, miny + k * step_y), (maxx, miny + k * step_y)]) for k in range(0, rows, 3)]
    lines += [shapely.LineString([(minx + k * step_x, miny), (minx + k * step_x, maxy)]) for k in range(0, cols, 3)]
    for number, line in enumerate(lines):
        for part in _parts(line.intersection(aoi), "LineString"):
            kind = "primary" if number % 4 == 0 else "residential"
            out["road"].append((part, (len(out["road"]) + 1, f"Road {number}", kind, 12.0 if kind == "primary" else 6.0)))
    for number, cell in enumerate(split_extent(extent, 9)):
        for part in _parts(box(*cell).intersection(aoi), "Polygon"):
            name, code = _CLUTTER[number % len(_CLUTTER)]
            out["clutter"].append((part, (len(out["clutter"]) + 1, name, code)))
    return out


def _clip(polygon, aoi):
    """The largest polygon of polygon ∩ aoi, or None."""
    parts = _parts(polygon.intersection(aoi), "Polygon")
    return max(parts, key=lambda p: p.area) if parts else None


def _parts(geometry, kind: str) -> list:
    if geometry.is_empty:
        return []
    if geometry.geom_type == kind:
        return [geometry]
    return [g for g in getattr(geometry, "geoms", []) if g.geom_type == kind and not g.is_empty]


# --- writers ---------------------------------------------------------------------------------------------------
def _check(result, target: Path):
    """GDAL answers None on failure (exceptions stay off: turning them on is process-wide and QGIS shares it)."""
    if result is None:
        raise RuntimeError(f"GDAL could not write {target}: {gdal.GetLastErrorMsg()}")
    return result


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _to_ogr(geometry, transform) -> ogr.Geometry:
    result = ogr.CreateGeometryFromWkb(geometry.wkb)
    if transform is not None:
        result.Transform(transform)
    return result


def _write_vector(folder: Path, layer: str, fmt: str, srs, geometries, attributes) -> list[Path]:
    driver_name, suffix = VECTOR_FORMATS[fmt]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{layer}{suffix}"
    options = ["ENCODING=UTF-8", f"DBF_DATE_LAST_UPDATE={_FIXED_DATE}"] if fmt == "shapefile" else []
    gdal.SetThreadLocalConfigOption("OGR_CURRENT_DATE", f"{_FIXED_DATE}T00:00:00.000Z")  # GPKG timestamps
    try:
        dataset = _check(ogr.GetDriverByName(driver_name).CreateDataSource(str(target)), target)
        out = _check(dataset.CreateLayer(layer, srs, _GEOMETRY_TYPES[layer], options=options), target)
        for name, kind in _FIELDS[layer]:
            out.CreateField(ogr.FieldDefn(name, kind))
        out.StartTransaction()
        definition = out.GetLayerDefn()
        for geometry, values in zip(geometries, attributes):
            feature = ogr.Feature(definition)
            for (name, _), value in zip(_FIELDS[layer], values):
                feature.SetField(name, value)
            feature.SetGeometry(geometry)
            out.CreateFeature(feature)
        out.CommitTransaction()
        dataset = None  # closes and flushes
    finally:
        gdal.SetThreadLocalConfigOption("OGR_CURRENT_DATE", None)
    if fmt != "shapefile":
        return [target]
    return [target.with_suffix(ext) for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg")]


def _write_dtm(target: Path, aoi, extent, epsg: int, srs, to_output) -> Path:
    minx, miny, maxx, maxy = extent
    if to_output is not None:  # Mercator maps a lon/lat box to an axis-aligned box
        (minx, miny, _), (maxx, maxy, _) = to_output.TransformPoints([(minx, miny), (maxx, maxy)])
    floor = 5.0 if epsg == 3857 else 5.0 / 111_320.0
    resolution = max(floor, (maxx - minx) / 256, (maxy - miny) / 256)
    cols, rows = max(1, math.ceil((maxx - minx) / resolution)), max(1, math.ceil((maxy - miny) / resolution))
    xs = minx + (np.arange(cols) + 0.5) * resolution
    ys = maxy - (np.arange(rows) + 0.5) * resolution
    grid_x, grid_y = np.meshgrid(xs, ys)
    if epsg == 3857:
        lon = np.degrees(grid_x / 6_378_137.0)
        lat = np.degrees(np.arctan(np.sinh(grid_y / 6_378_137.0)))
        area = shapely.from_wkb(bytes(_to_ogr(aoi, to_output).ExportToWkb())) if not aoi.is_empty else aoi
    else:
        lon, lat, area = grid_x, grid_y, aoi
    elevation = 150.0 + 30.0 * np.sin(2 * np.pi * lon / 0.01) + 20.0 * np.cos(2 * np.pi * lat / 0.008)
    inside = shapely.contains_xy(area, grid_x, grid_y) if not area.is_empty else np.zeros_like(grid_x, bool)
    values = np.where(inside, elevation, NODATA).astype(np.float32)

    target.parent.mkdir(parents=True, exist_ok=True)
    dataset = _check(gdal.GetDriverByName("GTiff").Create(str(target), cols, rows, 1, gdal.GDT_Float32,
                                                          options=["COMPRESS=DEFLATE", "PREDICTOR=3"]), target)
    dataset.SetGeoTransform((minx, resolution, 0.0, maxy, 0.0, -resolution))
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.WriteArray(values)
    dataset = None
    return target


def _write_3d_tiles(folder: Path, layer: str, features, extent) -> list[Path]:
    """tileset.json (3D Tiles 1.0) + one .b3dm of boxes (at most 64) in an east-north-up frame at the centre."""
    minx, miny, maxx, maxy = extent
    lon0, lat0 = (minx + maxx) / 2, (miny + maxy) / 2
    m_lon, m_lat = 111_320.0 * max(math.cos(math.radians(lat0)), 0.01), 110_574.0
    positions, indices = [], []
    for geometry, values in features[:64]:
        bx0, by0, bx1, by1 = geometry.buffer(0.00002).bounds if layer == "tree" else geometry.bounds
        e0, e1 = (bx0 - lon0) * m_lon, (bx1 - lon0) * m_lon
        n0, n1 = (by0 - lat0) * m_lat, (by1 - lat0) * m_lat
        top = float(values[1])
        base = len(positions)
        # glTF is y-up: (east, up, -north)
        positions += [(e, h, -n) for h in (0.0, top) for e, n in ((e0, n0), (e1, n0), (e1, n1), (e0, n1))]
        for a, b, c in ((0, 2, 1), (0, 3, 2), (4, 5, 6), (4, 6, 7), (0, 1, 5), (0, 5, 4), (1, 2, 6), (1, 6, 5),
                        (2, 3, 7), (2, 7, 6), (3, 0, 4), (3, 4, 7)):
            indices += [base + a, base + b, base + c]
    if not positions:  # an empty tile still gets a valid, tiny mesh
        positions, indices = [(0.0, 0.0, 0.0), (1.0, 0.0, 0.0), (0.0, 0.0, -1.0)], [0, 1, 2]
    max_height = max(p[1] for p in positions)
    folder.mkdir(parents=True, exist_ok=True)
    content = folder / f"{layer}.b3dm"
    content.write_bytes(_b3dm(_glb(np.array(positions, np.float32), np.array(indices, np.uint32))))
    tileset = {
        "asset": {"version": "1.0"},
        "geometricError": 100.0,
        "root": {
            "transform": _enu_to_ecef(lon0, lat0),
            "boundingVolume": {"region": [math.radians(minx), math.radians(miny), math.radians(maxx),
                                          math.radians(maxy), 0.0, max_height]},
            "geometricError": 0.0,
            "refine": "ADD",
            "content": {"uri": content.name},
        },
    }
    (folder / "tileset.json").write_text(json.dumps(tileset, indent=1))
    return [folder / "tileset.json", content]


def _glb(positions: np.ndarray, indices: np.ndarray) -> bytes:
    binary = positions.tobytes() + indices.tobytes()
    binary += b"\0" * (-len(binary) % 4)
    gltf = {
        "asset": {"version": "2.0", "generator": "EO Connector test emulator"},
        "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1, "mode": 4}]}],
        "buffers": [{"byteLength": len(binary)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": positions.nbytes, "target": 34962},
            {"buffer": 0, "byteOffset": positions.nbytes, "byteLength": indices.nbytes, "target": 34963},
        ],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": len(positions), "type": "VEC3",
             "min": positions.min(axis=0).tolist(), "max": positions.max(axis=0).tolist()},
            {"bufferView": 1, "componentType": 5125, "count": len(indices), "type": "SCALAR"},
        ],
    }
    text = json.dumps(gltf, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 4)
    total = 12 + 8 + len(text) + 8 + len(binary)
    return (struct.pack("<4sII", b"glTF", 2, total) + struct.pack("<I4s", len(text), b"JSON") + text
            + struct.pack("<I4s", len(binary), b"BIN\0") + binary)


def _b3dm(glb: bytes) -> bytes:
    table = json.dumps({"BATCH_LENGTH": 0}).encode()
    table += b" " * (-(28 + len(table)) % 8)  # the glb must start on an 8-byte boundary
    header = struct.pack("<4s6I", b"b3dm", 1, 28 + len(table) + len(glb), len(table), 0, 0, 0)
    return header + table + glb


def _enu_to_ecef(lon: float, lat: float) -> list[float]:
    """Column-major 4x4 matrix from a local east-north-up frame at (lon, lat, 0) to WGS84 Earth-centred axes."""
    lam, phi = math.radians(lon), math.radians(lat)
    a, e2 = 6_378_137.0, 6.69437999014e-3
    n = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    origin = (n * math.cos(phi) * math.cos(lam), n * math.cos(phi) * math.sin(lam), n * (1 - e2) * math.sin(phi))
    east = (-math.sin(lam), math.cos(lam), 0.0)
    north = (-math.sin(phi) * math.cos(lam), -math.sin(phi) * math.sin(lam), math.cos(phi))
    up = (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))
    return [*east, 0.0, *north, 0.0, *up, 0.0, *origin, 1.0]
