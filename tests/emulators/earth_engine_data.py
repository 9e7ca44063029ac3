"""What the Earth Engine emulator knows: assets (public catalogue ids, a Cloud project, a legacy users/ root) whose
pixels are functions of longitude and latitude (so every grid and every tile has real, deterministic values), tables
of features, and the public STAC catalogue in the layout Earth Engine publishes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

PROJECT = "ee-demo"
LEGACY_USER = "analyst"
SRTM = "USGS/SRTMGL1_003"
S2 = "COPERNICUS/S2_SR_HARMONIZED"
LSIB = "USDOS/LSIB_SIMPLE/2017"
MANY_FOLDER = "many"  # a folder with more assets than one page
DEMO_BBOX = (7.0, 43.6, 7.06, 43.66)


@dataclass
class Band:
    id: str
    precision: str  # Earth Engine's PixelType precision: int, float, double
    dtype: str  # numpy type of its pixels
    values: Callable[[np.ndarray, np.ndarray], np.ndarray]  # (lon, lat) -> values

    @property
    def bytes(self) -> int:
        return np.dtype(self.dtype).itemsize


def _elevation(lon, lat):
    return (200 + 150 * np.sin(lon * 40) * np.cos(lat * 40) + 20 * (lon - 7) * 100).astype("int16")


def _reflectance(offset):
    return lambda lon, lat: (1200 + offset + 800 * np.sin(lon * 90 + offset) * np.sin(lat * 70)).astype("uint16")


@dataclass
class AssetSpec:
    id: str  # as users type it (public), or the path under the project / users root
    name: str  # projects/.../assets/...
    type: str
    bands: list[Band] = field(default_factory=list)
    start: str = "2000-02-11T00:00:00Z"
    end: str = "2000-02-22T00:00:00Z"
    features: list[dict] = field(default_factory=list)
    bbox: tuple = (-180.0, -60.0, 180.0, 60.0)
    size: int = 0

    def info(self) -> dict:
        """The EarthEngineAsset JSON of getAsset / listAssets."""
        west, south, east, north = self.bbox
        found = {"type": self.type, "name": self.name, "id": self.id, "updateTime": "2024-01-01T00:00:00Z",
                 "geometry": {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north],
                                                                   [west, north], [west, south]]]}}
        if self.type in ("IMAGE", "IMAGE_COLLECTION"):
            found.update(startTime=self.start, endTime=self.end)
        if self.type == "IMAGE":
            found["bands"] = [{"id": b.id, "dataType": {"precision": b.precision.upper()},
                               "grid": {"crsCode": "EPSG:4326"}} for b in self.bands]
        if self.size:
            found["sizeBytes"] = str(self.size)
        return found


def _square(lon, lat, size, number):
    return {"type": "Feature", "id": str(number),
            "geometry": {"type": "Polygon", "coordinates": [[[lon, lat], [lon + size, lat], [lon + size, lat + size],
                                                             [lon, lat + size], [lon, lat]]]},
            "properties": {"country_na": f"Country {number}", "number": number}}


def build_assets(many: int = 130, features: int = 2500) -> dict[str, AssetSpec]:
    """Asset name -> spec."""
    public = "projects/earthengine-public/assets/"
    project = f"projects/{PROJECT}/assets/"
    legacy = f"projects/earthengine-legacy/assets/users/{LEGACY_USER}/"
    s2_bands = [Band(b, "int", "uint16", _reflectance(i * 300)) for i, b in enumerate(("B2", "B3", "B4", "B8"))]
    specs = [
        AssetSpec(SRTM, public + SRTM, "IMAGE", [Band("elevation", "int", "int16", _elevation)], size=123456789),
        AssetSpec(S2, public + S2, "IMAGE_COLLECTION", s2_bands, "2017-03-28T00:00:00Z", "2024-12-31T00:00:00Z"),
        AssetSpec(LSIB, public + LSIB, "TABLE", features=[_square(-170 + (i % 300) * 1.1, -50 + (i // 300) * 1.1,
                                                                   1.0, i) for i in range(features)]),
        AssetSpec(project + "demo", project + "demo", "FOLDER"),
        AssetSpec(project + "demo/dem", project + "demo/dem", "IMAGE",
                  [Band("elevation", "float", "float32", lambda lon, lat: _elevation(lon, lat).astype("float32"))],
                  bbox=(6.5, 43.0, 7.5, 44.0), size=4096000),
        AssetSpec(project + "demo/fields", project + "demo/fields", "TABLE", bbox=DEMO_BBOX,
                  features=[_square(7.0 + i * 0.01, 43.6, 0.008, i) for i in range(5)]),
        AssetSpec(project + MANY_FOLDER, project + MANY_FOLDER, "FOLDER"),
        AssetSpec(legacy.rstrip("/"), legacy.rstrip("/"), "FOLDER"),
        AssetSpec(legacy + "old_dem", legacy + "old_dem", "IMAGE",
                  [Band("b1", "int", "int16", _elevation)]),
    ]
    for number in range(many):
        name = f"{project}{MANY_FOLDER}/image_{number:03d}"
        specs.append(AssetSpec(name, name, "IMAGE", [Band("b1", "int", "int16", _elevation)]))
    for spec in specs:
        if spec.name.startswith(("projects/ee-demo", "projects/earthengine-legacy")):
            spec.id = spec.name
    return {spec.name: spec for spec in specs}


def children(assets: dict[str, AssetSpec], parent: str) -> list[AssetSpec]:
    """Direct children of a folder (or of a project root "projects/p/assets")."""
    prefix = parent.rstrip("/") + "/"
    return sorted((spec for name, spec in assets.items()
                   if name.startswith(prefix) and "/" not in name[len(prefix):]), key=lambda s: s.name)


# -- the public catalogue, as Earth Engine publishes it (STAC)
CATALOGUE = {
    "USGS": [(SRTM, "NASA SRTM Digital Elevation 30m", "image", ["elevation"], "2000-02-11T00:00:00Z",
              "2000-02-22T00:00:00Z")],
    "COPERNICUS": [(S2, "Harmonized Sentinel-2 MSI: MultiSpectral Instrument, Level-2A (SR)", "image_collection",
                    ["B2", "B3", "B4", "B8"], "2017-03-28T00:00:00Z", None)],
    "USDOS": [(LSIB, "LSIB 2017: Large Scale International Boundary Polygons, Simplified", "table", [],
               "2017-12-29T00:00:00Z", "2017-12-29T00:00:00Z")],
}


def stac_file(base: str, path: str) -> dict | None:
    """The STAC document at `path` under the catalogue's folder (catalog.json, <provider>/catalog.json,
    <provider>/<dataset>.json); None when there is none."""
    if path == "catalog.json":
        return {"type": "Catalog", "stac_version": "1.0.0", "id": "earth-engine-catalog",
                "title": "Earth Engine Data Catalog", "description": "Public datasets",
                "links": [{"rel": "self", "href": base + "catalog.json"}]
                + [{"rel": "child", "href": f"{provider}/catalog.json", "title": provider} for provider in CATALOGUE]}
    provider, _, rest = path.partition("/")
    if provider not in CATALOGUE:
        return None
    if rest == "catalog.json":
        return {"type": "Catalog", "stac_version": "1.0.0", "id": provider, "title": provider,
                "description": f"Datasets of {provider}",
                "links": [{"rel": "parent", "href": "../catalog.json"}]
                + [{"rel": "child", "href": dataset.replace("/", "_") + ".json", "title": dataset}
                   for dataset, *_ in CATALOGUE[provider]]}
    for dataset, title, kind, bands, start, end in CATALOGUE[provider]:
        if rest == dataset.replace("/", "_") + ".json":
            return {"type": "Collection", "stac_version": "1.0.0", "id": dataset, "title": title,
                    "gee:type": kind, "description": f"{title}. Served by the Earth Engine emulator.",
                    "license": "proprietary",
                    "extent": {"spatial": {"bbox": [[-180, -56, 180, 60]]}, "temporal": {"interval": [[start, end]]}},
                    "summaries": {"eo:bands": [{"name": b, "description": b} for b in bands]},
                    "links": [{"rel": "preview", "href": f"{base}thumbnails/{dataset.replace('/', '_')}.png",
                               "type": "image/png"}]}
    return None


def pixel_centres(x0, y0, sx, sy, width, height):
    """Arrays of pixel-centre x and y for a north-up grid."""
    xs = x0 + (np.arange(width) + 0.5) * sx
    ys = y0 + (np.arange(height) + 0.5) * sy
    return np.meshgrid(xs, ys)


def mercator_to_lonlat(x, y):
    radius = 6378137.0
    return np.degrees(x / radius), np.degrees(2 * np.arctan(np.exp(y / radius)) - math.pi / 2)
