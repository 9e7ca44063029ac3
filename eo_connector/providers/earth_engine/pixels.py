"""Pixels over the AOI with image:computePixels: the AOI's box in the chosen CRS at the chosen scale becomes one
pixel grid, split into tiles under the service's per-request limits (48 MiB uncompressed, 32768 pixels a side;
smaller tiles keep several requests in flight), fetched in parallel by the shared downloader (POST entries, safe to
repeat, each tile a file: a run resumes with the tiles it has), then assembled into one Cloud-Optimised GeoTIFF
clipped to the AOI by the context's raster tools. A tile the service still finds too large is split in four and
asked again (the limit it states is learnt); cancelled, the tiles stay for the next run and no mosaic appears.
"""

import math
import os
import re
from dataclasses import asdict, dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ...core.aoi import aoi_from_wkt
from ...core.download import Downloader
from ...core.errors import EOError, InvalidInput
from ...core.i18n import number, tr
from ...core.log import get_logger
from ...core.safe_paths import human_size

log = get_logger("earth_engine.pixels")

MAX_REQUEST_BYTES = 50331648  # what the service accepts per request (uncompressed), in its own error message
MAX_DIMENSION = 32768
TILE_SIDE = 1024  # pixels a side at most: many medium requests go faster in parallel than a few huge ones
WORKERS = 8  # requests in flight at once, within a project's usual concurrent-request quota
_LIMIT_WORDS = re.compile(r"Total request size \((\d+) bytes\) must be less than or equal to (\d+) bytes")
_BYTES = {"int8": 1, "uint8": 1, "int16": 2, "uint16": 2, "int32": 4, "uint32": 4, "int64": 8, "float": 4,
          "double": 8, "int": 4}


@dataclass
class Window:
    """A tile of the grid: its first column and row and its size in pixels."""

    col: int
    row: int
    width: int
    height: int

    @property
    def path(self) -> str:
        return f"r{self.row:06d}_c{self.col:06d}_{self.width}x{self.height}.tif"

    def quarters(self) -> List["Window"]:
        w1, h1 = max(1, self.width // 2), max(1, self.height // 2)
        parts = [Window(self.col, self.row, w1, h1), Window(self.col + w1, self.row, self.width - w1, h1),
                 Window(self.col, self.row + h1, w1, self.height - h1),
                 Window(self.col + w1, self.row + h1, self.width - w1, self.height - h1)]
        return [p for p in parts if p.width > 0 and p.height > 0]


@dataclass
class Grid:
    """The whole pixel grid: top-left corner and pixel size in the CRS's units, size in pixels."""

    crs: str
    x0: float
    y0: float
    pixel: float
    width: int
    height: int

    def body(self, expression: dict, window: Window, bands: Sequence[str]) -> Dict[str, Any]:
        """The computePixels request of one tile (the PixelGrid as earthengine-api sends it)."""
        body = {"expression": expression, "fileFormat": "GEO_TIFF", "grid": {
            "dimensions": {"width": window.width, "height": window.height},
            "affineTransform": {"scaleX": self.pixel, "shearX": 0, "translateX": self.x0 + window.col * self.pixel,
                                "shearY": 0, "scaleY": -self.pixel,
                                "translateY": self.y0 - window.row * self.pixel},
            "crsCode": self.crs}}
        if bands:
            body["bandIds"] = list(bands)
        return body


def bytes_per_pixel(info: Optional[dict], bands: Sequence[str] = ()) -> Tuple[List[str], int]:
    """(band ids, bytes of one pixel of all of them) from an image's getInfo (value:compute) answer; unknown
    types count as 8 bytes, the widest."""
    known = (info or {}).get("bands") or []
    wanted = list(bands) or [b.get("id") for b in known]
    size = 0
    for band in wanted:
        spec = next((b for b in known if b.get("id") == band), None)
        precision = str(((spec or {}).get("data_type") or {}).get("precision") or "double").lower()
        size += _BYTES.get(precision, 8)
    return wanted, max(1, size)


def pixel_size(scale: float, crs: str) -> float:
    """The pixel size in the CRS's units: metres as given, or degrees for geographic CRS (at the equator)."""
    if crs.upper() in ("EPSG:4326", "EPSG:4258", "EPSG:4269", "CRS:84"):
        return scale / 111319.49079327357
    return scale


def make_grid(bounds: Tuple[float, float, float, float], scale: float, crs: str) -> Grid:
    """The grid covering `bounds` (in the CRS) with square pixels of `scale` metres, snapped to whole pixels."""
    if not scale or scale <= 0:
        raise InvalidInput(tr("The scale must be a positive number of metres per pixel."))
    pixel = pixel_size(float(scale), crs)
    west, south, east, north = bounds
    x0, y0 = math.floor(west / pixel) * pixel, math.ceil(north / pixel) * pixel
    width, height = max(1, math.ceil((east - x0) / pixel)), max(1, math.ceil((y0 - south) / pixel))
    return Grid(crs, x0, y0, pixel, width, height)


def windows(grid: Grid, pixel_bytes: int, max_bytes: int = MAX_REQUEST_BYTES, side: int = TILE_SIDE) -> List[Window]:
    """Tiles covering the grid, each under `max_bytes` (with room for the TIFF's own bytes) and `side` pixels."""
    side = min(side, MAX_DIMENSION, max(1, int(math.sqrt(max_bytes * 0.9 / pixel_bytes))))
    return [Window(col, row, min(side, grid.width - col), min(side, grid.height - row))
            for row in range(0, grid.height, side) for col in range(0, grid.width, side)]


def estimate(grid: Grid, pixel_bytes: int) -> int:
    return grid.width * grid.height * pixel_bytes


def limit_refused(error: EOError) -> Optional[int]:
    """The limit the service states when it refuses a tile as too large ("Total request size (N bytes) must be less
    than or equal to M bytes"), else None."""
    found = _LIMIT_WORDS.search(f"{error.message} {error.details}")
    return int(found.group(2)) if found else None


def split_over(pending: List[Window], limit: int, pixel_bytes: int) -> List[Window]:
    """Every tile still to fetch split in four until each is under the learnt limit."""
    result = []
    for window in pending:
        parts = [window]
        while any(p.width * p.height * pixel_bytes > limit * 0.9 for p in parts):
            if all(p.width == 1 and p.height == 1 for p in parts):
                break
            parts = [q for p in parts for q in p.quarters()]
        result.extend(parts)
    return result


def grid_for(client, params: dict) -> Grid:
    """The record's grid: the AOI's box reprojected once to the output CRS (by the raster tools)."""
    aoi = aoi_from_wkt(params["aoi_wkt"], params.get("aoi_source") or "")
    bounds = aoi.geometry.bounds
    crs = params["crs"]
    if crs.upper() != "EPSG:4326":
        if client.rasters is None:
            raise InvalidInput(tr("Reprojecting the area of interest needs GDAL; choose EPSG:4326."))
        bounds = client.rasters.transform_bounds(bounds, "EPSG:4326", crs)
    return make_grid(bounds, params["scale"], crs)


def run_pixels(client, record, progress, on_change) -> List[str]:
    """Fetch every tile (resuming), then the mosaic. Returns [the COG's path]."""
    params = record.params
    grid = grid_for(client, params)
    pixel_bytes = int(params.get("pixel_bytes") or 8)
    expression, bands = params["expression"], params.get("bands") or []
    if record.remote.get("windows"):
        plan = [Window(**w) for w in record.remote["windows"]]
    else:
        plan = windows(grid, pixel_bytes, int(params.get("max_request_bytes") or MAX_REQUEST_BYTES))
    tiles_dir = os.path.join(record.output_dir, "tiles")
    downloads = progress.part(0.0, 0.85)
    downloader = Downloader(client.http, workers=int(params.get("workers") or WORKERS))
    for _round in range(8):
        record.remote["windows"] = [asdict(w) for w in plan]
        record.remote["tiles"] = len(plan)
        on_change(record)
        downloads.report(0.0, tr("Fetching {count} tiles of pixels ({size} uncompressed)", count=number(len(plan)),
                                 size=human_size(estimate(grid, pixel_bytes))))
        entries = [client.pixels_entry(grid.body(expression, w, bands), w.path) for w in plan]
        try:
            downloader.download(entries, tiles_dir, downloads)
            break
        except InvalidInput as err:
            limit = limit_refused(err)
            if limit is None:
                raise
            done = [w for w in plan if os.path.isfile(os.path.join(tiles_dir, w.path))]
            pending = [w for w in plan if w not in done]
            log.info("a tile was over the service's limit of %d bytes: %d tiles split", limit, len(pending))
            plan = done + split_over(pending, limit, pixel_bytes)
    else:
        raise InvalidInput(tr("Earth Engine kept refusing the tiles as too large; choose a coarser scale."))
    progress.check()
    output = os.path.join(record.output_dir, params.get("file_name") or "pixels.tif")
    if client.rasters is None:
        raise InvalidInput(tr("Assembling the tiles needs GDAL, which QGIS ships; run this inside QGIS."))
    client.rasters.mosaic_cog([os.path.join(tiles_dir, w.path) for w in plan], output, params["aoi_wkt"],
                              grid.crs, progress.part(0.85, 1.0))
    record.remote["mosaic"] = output
    return [output]
