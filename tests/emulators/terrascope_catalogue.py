"""The Terrascope emulator's catalogue: collections and their products, generated deterministically by index.

Layout (what tests and the benchmark can count on):
- Product `i` of a collection of N products is acquired at start + (i + 0.5) * (end - start) / N, so index
  order is date order and a huge N costs nothing until a query asks for it (attributes are numpy arrays built
  at the first query, features are built only for the page answered).
- Even indices lie on the collection's HOME footprint, which covers the demo AOI (DEMO_BBOX, Sophia Antipolis);
  odd indices are spread round-robin over footprints elsewhere in Europe that do not touch the home one. So a
  search over the demo AOI and the whole date range matches ceil(N / 2) products (products=10000 -> 5000).
  CGLS products are global (every footprint covers the AOI).
- cloudCover, satellite, ms of acquisition, publication and modification dates come from a hash of `i`.
Filters honour real geometry intersection (footprints are tested exactly with shapely), dates (acquisition
interval overlaps [start, end]), cloud cover, orbit, direction, tile, product type, group, platform, resolution,
publication / modification dates. Each product has 2 data GeoTIFFs, a QUALITY related GeoTIFF, a JPEG
quicklook and a WMS preview link, and an ISO 19139 XML alternate; lengths are advertised exactly (see
terrascope_files.py, which pads every file to the advertised length).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np
from shapely.geometry import Polygon, box, mapping

from tests.emulators.terrascope_query import CollectionQuery, ProductQuery

DEMO_BBOX = (7.0, 43.6, 7.06, 43.66)  # the benchmark's AOI, west,south,east,north


@dataclass(frozen=True)
class Footprint:
    name: str  # S2 tile id, S1 track name
    polygon: Polygon
    epsg: int  # CRS of the product's GeoTIFFs
    orbits: tuple[int, int]  # relative orbits; product alternates between them
    directions: tuple[str, str] = ("DESCENDING", "DESCENDING")


@dataclass(frozen=True)
class FileSpec:
    role: str  # data | related | previews | alternates
    suffix: str  # appended to the product stem
    media_type: str
    kind: str  # band | classification | quicklook | metadata (terrascope_files.py)
    base_length: int  # advertised length = base_length + 16 * (i % 97)
    title: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class CollectionSpec:
    id: str
    title: str
    abstract: str
    platform: str
    serials: tuple[str, str]
    instrument: str
    sensor_type: str
    product_type: str
    version: str
    resolution: int
    start: datetime
    end: datetime
    default_count: int
    footprints: tuple[Footprint, ...]  # the first one is HOME
    files: tuple[FileSpec, ...]
    wms_layer: str
    has_cloud: bool = True
    has_tile: bool = True
    duration_s: int = 0

    @property
    def short(self) -> str:
        return self.id.rsplit(":", 1)[1]

    def stem(self, serial: str, when: datetime, footprint: Footprint) -> str:
        stamp = f"{when:%Y%m%dT%H%M%S}"
        if self.platform == "Sentinel-1":
            return f"{serial}_IW_GRDH_1SDV_{stamp}_{footprint.name}"
        if self.platform.startswith("Sentinel-2"):
            return f"{serial}_{stamp}_{footprint.name}"
        return f"c_gls_NDVI300_{when:%Y%m%d%H%M}_GLOBE_OLCI"

    def title_for(self, stem: str) -> str:
        return f"{stem}_{self.product_type}_{self.version}"


def _quad(*corners) -> Polygon:
    return Polygon(corners)


def _utm(lon: float) -> int:
    return 32600 + int((lon + 180) // 6) + 1


def _tile(name, west, south, east, north, orbits) -> Footprint:
    return Footprint(name, box(west, south, east, north), _utm((west + east) / 2), orbits)


S2_TILES = (
    _tile("32TLP", 6.45, 43.25, 7.75, 44.15, (8, 108)),  # HOME: Nice, Sophia Antipolis
    _tile("31TFJ", 4.85, 43.25, 6.2, 44.15, (8, 108)),
    _tile("32TMQ", 8.0, 44.4, 9.3, 45.3, (65, 108)),
    _tile("31UFS", 4.2, 50.4, 5.7, 51.4, (51, 94)),
    _tile("31UES", 2.7, 50.4, 4.1, 51.4, (51, 94)),
    _tile("32ULB", 6.0, 49.5, 7.4, 50.5, (8, 108)),
    _tile("30TVK", -3.2, 40.0, -1.9, 41.0, (51, 94)),
    _tile("33UVP", 14.0, 47.8, 15.5, 48.8, (79, 122)),
    _tile("29SMC", -10.15, 37.85, -8.95, 38.85, (80, 123)),
    _tile("34UDC", 20.2, 51.8, 21.7, 52.8, (36, 79)),
)
S1_TRACKS = (  # slanted swaths, so a bbox and a polygon query can differ
    Footprint("T088", _quad((6.1, 42.7), (8.6, 43.1), (8.2, 44.9), (5.6, 44.5)), 32632, (88, 139),
              ("ASCENDING", "DESCENDING")),
    Footprint("T037", _quad((2.0, 49.9), (4.9, 50.3), (4.5, 52.1), (1.5, 51.7)), 32631, (37, 110),
              ("ASCENDING", "DESCENDING")),
    Footprint("T110", _quad((-4.5, 39.4), (-1.6, 39.8), (-2.0, 41.6), (-4.9, 41.2)), 32630, (110, 154),
              ("DESCENDING", "ASCENDING")),
    Footprint("T022", _quad((18.5, 51.0), (21.6, 51.4), (21.1, 53.2), (18.0, 52.8)), 32634, (22, 73),
              ("ASCENDING", "DESCENDING")),
)
GLOBE = (Footprint("GLOBE", box(-180.0, -60.0, 180.0, 75.0), 4326, (1, 1)),)


def _files(data: tuple[str, str], related: str, version_tag: str) -> tuple[FileSpec, ...]:
    return (
        FileSpec("data", f"_{data[0]}_{version_tag}.tif", "image/tiff", "band", 10240, title=data[0]),
        FileSpec("data", f"_{data[1]}_{version_tag}.tif", "image/tiff", "band", 10240, title=data[1]),
        FileSpec("related", f"_{related}_{version_tag}.tif", "image/tiff", "classification", 5120,
                 title=related, category="QUALITY"),
        FileSpec("previews", f"_QUICKLOOK_{version_tag}.jpg", "image/jpeg", "quicklook", 12288,
                 category="QUICKLOOK"),
        FileSpec("alternates", f"_{version_tag}.xml", "application/vnd.iso.19139+xml", "metadata", 3072,
                 title="Inspire metadata"),
    )


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


COLLECTIONS = (
    CollectionSpec(
        "urn:eop:VITO:TERRASCOPE_S2_TOC_V2", "Sentinel-2 top-of-canopy reflectance, 10 m (V2)",
        "Atmospherically corrected Sentinel-2 surface reflectance (TOC) over Europe, processed by VITO.",
        "Sentinel-2", ("S2A", "S2B"), "MSI", "OPTICAL", "TOC", "V210", 10, _utc(2015, 7, 1), _utc(2024, 12, 31),
        12000, S2_TILES, _files(("TOC-B04_10M", "TOC-B08_10M"), "SCENECLASSIFICATION_20M", "V210"),
        "CGS_S2_RADIOMETRY"),
    CollectionSpec(
        "urn:eop:VITO:TERRASCOPE_S2_NDVI_V2", "Sentinel-2 NDVI, 10 m (V2)",
        "Normalised difference vegetation index from Sentinel-2 TOC reflectance.",
        "Sentinel-2", ("S2A", "S2B"), "MSI", "OPTICAL", "NDVI", "V210", 10, _utc(2015, 7, 1), _utc(2024, 12, 31),
        2400, S2_TILES, _files(("NDVI_10M", "NDVI-QA_10M"), "SCENECLASSIFICATION_20M", "V210"), "CGS_S2_NDVI"),
    CollectionSpec(
        "urn:eop:VITO:TERRASCOPE_S1_GAMMA0_V1", "Sentinel-1 GRD terrain-flattened backscatter (gamma0)",
        "Sentinel-1 IW GRD backscatter, radiometrically terrain corrected, VV and VH.",
        "Sentinel-1", ("S1A", "S1B"), "C-SAR", "RADAR", "GAMMA0", "V110", 20, _utc(2017, 1, 1), _utc(2024, 12, 31),
        3000, S1_TRACKS, _files(("VV", "VH"), "LIA", "V110"), "CGS_S1_GRD_SIGMA0", has_cloud=False,
        has_tile=False, duration_s=25),
    CollectionSpec(
        "urn:eop:VITO:CGLS_NDVI300_V2_GLOBAL", "Copernicus Global Land NDVI 300 m (V2)",
        "Global 10-daily NDVI composites at 300 m from PROBA-V and Sentinel-3 OLCI.",
        "Sentinel-3", ("S3A", "S3B"), "OLCI", "OPTICAL", "NDVI300", "V2.0.1", 300, _utc(2014, 1, 1),
        _utc(2024, 12, 31), 360, GLOBE, _files(("NDVI", "NOBS"), "QFLAG", "V2.0.1"), "CGLS_NDVI300",
        has_tile=False),
)


def check_count(spec: CollectionSpec, count: int) -> int:
    """The collection's time span in ms; ValueError when `count` products cannot have distinct titles in it."""
    span_ms = int((spec.end - spec.start).total_seconds() * 1000)
    if count < 0 or (count and span_ms // count < 60_000):  # titles hold minutes (CGLS) or seconds
        raise ValueError(f"{count} products do not fit in {spec.id}'s date range (1 minute apart at least)")
    return span_ms


def _hash(index: np.ndarray, salt: int) -> np.ndarray:
    """A fast deterministic 32-bit hash of the product index, in [0, 1)."""
    value = (index.astype(np.uint64) * np.uint64(2654435761) + np.uint64(salt * 40503)) & np.uint64(0xFFFFFFFF)
    value ^= value >> np.uint64(15)
    value = (value * np.uint64(2246822519)) & np.uint64(0xFFFFFFFF)
    value ^= value >> np.uint64(13)
    return value.astype(np.float64) / 2.0 ** 32


class ProductTable:
    """The attributes of every product of one collection as numpy arrays (built once, read-only)."""

    def __init__(self, spec: CollectionSpec, count: int) -> None:
        span_ms = check_count(spec, count)
        self.spec, self.count = spec, count
        index = np.arange(count, dtype=np.int64)
        start_ms = int(spec.start.timestamp() * 1000)
        whole_seconds = start_ms + ((2 * index + 1) * span_ms) // (2 * max(count, 1)) // 1000 * 1000
        self.begin_ms = whole_seconds + (_hash(index, 1) * 1000).astype(np.int64)
        self.end_ms = self.begin_ms + spec.duration_s * 1000
        others = len(spec.footprints) - 1
        away = 1 + (index // 2) % others if others else 0  # odd indices go round-robin over the other footprints
        self.footprint = np.where(index % 2 == 0, 0, away)
        pass_number = (index // 2) % 2
        orbits = np.array([fp.orbits for fp in spec.footprints], np.int64)
        self.orbit = orbits[self.footprint, pass_number]
        ascending = np.array([[d == "ASCENDING" for d in fp.directions] for fp in spec.footprints])
        self.ascending = ascending[self.footprint, pass_number]
        self.serial = (_hash(index, 2) < 0.5).astype(np.int8)
        self.cloud = np.round(100.0 * _hash(index, 3) ** 2, 3) if spec.has_cloud else np.full(count, np.nan)
        self.published_ms = self.begin_ms + (86400 + _hash(index, 4) * 172800).astype(np.int64) * 1000
        self.updated_ms = self.published_ms + (_hash(index, 5) * 30 * 86400).astype(np.int64) * 1000
        self.day = self.begin_ms // 86_400_000

    # --- one product -----------------------------------------------------------------------------------------
    def when(self, i: int) -> datetime:
        return datetime.fromtimestamp(int(self.begin_ms[i]) / 1000, timezone.utc)

    def stem(self, i: int) -> str:
        return self.spec.stem(self.spec.serials[self.serial[i]], self.when(i), self.spec.footprints[self.footprint[i]])

    def title(self, i: int) -> str:
        return self.spec.title_for(self.stem(i))

    def length(self, i: int, file: FileSpec) -> int:
        return file.base_length + 16 * (i % 97)

    def index_of(self, title: str) -> int | None:
        """The product index whose title is `title` (titles hold the acquisition second), or None."""
        found = re.search(r"_(\d{8}T\d{6})_|_(\d{12})_GLOBE", title)
        if not found or not self.count:
            return None
        if found.group(1):
            moment = datetime.strptime(found.group(1), "%Y%m%dT%H%M%S")
        else:
            moment = datetime.strptime(found.group(2), "%Y%m%d%H%M")
        millis = int(moment.replace(tzinfo=timezone.utc).timestamp() * 1000)
        guess = int(np.searchsorted(self.begin_ms, millis))
        for i in range(max(0, guess - 1), min(self.count, guess + 3)):
            if self.title(i) == title:
                return i
        return None

    # --- queries ---------------------------------------------------------------------------------------------
    def matching(self, query: ProductQuery) -> np.ndarray:
        """Indices of the products matching the query, in the query's sort order."""
        spec = self.spec
        mask = np.ones(self.count, bool)
        if query.start_ms is not None:
            mask &= self.end_ms >= query.start_ms
        if query.end_ms is not None:
            mask &= self.begin_ms <= query.end_ms
        if query.areas:
            hits = [k for k, fp in enumerate(spec.footprints) if all(fp.polygon.intersects(a) for a in query.areas)]
            mask &= np.isin(self.footprint, hits)
        if query.product_type is not None and query.product_type != spec.product_type:
            mask[:] = False
        if query.platform is not None:
            wanted = query.platform.lower()
            if wanted in (s.lower() for s in spec.serials):
                mask &= self.serial == [s.lower() for s in spec.serials].index(wanted)
            elif wanted != spec.platform.lower():
                mask[:] = False
        if query.resolution is not None and not query.resolution.mask(np.array([spec.resolution]))[0]:
            mask[:] = False
        if query.tile is not None:
            names = [fp.name for fp in spec.footprints] if spec.has_tile else []
            mask &= self.footprint == (names.index(query.tile) if query.tile in names else -1)
        if query.direction is not None:
            mask &= self.ascending == (query.direction == "ASCENDING")
        for interval, values in ((query.orbit, self.orbit), (query.cloud, self.cloud),
                                 (query.publication, self.published_ms), (query.modification, self.updated_ms)):
            if interval is not None:
                mask &= interval.mask(values)
        if query.group is not None:
            mask &= self._group_mask(query.group)
        if query.title is not None:
            found = self.index_of(query.title)
            keep = mask[found] if found is not None else False
            mask[:] = False
            if keep:
                mask[found] = True
        indices = np.nonzero(mask)[0]
        return self._sorted(indices, query.sort_key, query.ascending)

    def _group_mask(self, group: str) -> np.ndarray:
        found = re.fullmatch(r"(\w+)_(\d{8})_R(\d{3})", group)
        serials = list(self.spec.serials)
        if not found or found.group(1) not in serials:
            return np.zeros(self.count, bool)
        day = datetime.strptime(found.group(2), "%Y%m%d").replace(tzinfo=timezone.utc).timestamp() // 86400
        return (self.serial == serials.index(found.group(1))) & (self.day == day) & \
            (self.orbit == int(found.group(3)))

    def _sorted(self, indices: np.ndarray, key: str | None, ascending: bool) -> np.ndarray:
        if key in (None, "start", "date"):
            return indices if ascending else indices[::-1]
        if key == "title":  # titles start with the satellite, then the acquisition time
            order = np.lexsort((self.begin_ms[indices], self.serial[indices])) if self.spec.platform != \
                "Sentinel-3" else np.arange(len(indices))
        else:
            values = {"cloudCover": self.cloud, "published": self.published_ms, "updated": self.updated_ms}[key]
            order = np.argsort(values[indices], kind="stable")
        ordered = indices[order]
        return ordered if ascending else ordered[::-1]


class Catalogue:
    """Collections, their product tables (built lazily) and a small cache of query results."""

    def __init__(self, products: None | int | dict[str, int] = None) -> None:
        self.specs = {spec.id: spec for spec in COLLECTIONS}
        counts = {spec.id: spec.default_count for spec in COLLECTIONS}
        if isinstance(products, int):
            counts = {cid: products for cid in counts}
        elif products:
            unknown = set(products) - set(counts)
            if unknown:
                raise ValueError(f"unknown collections {sorted(unknown)}; known: {sorted(counts)}")
            counts.update(products)
        for collection, count in counts.items():
            check_count(self.specs[collection], count)
        self.counts = counts
        self._tables: dict[str, ProductTable] = {}
        self._results: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def table(self, collection: str) -> ProductTable:
        with self._lock:
            if collection not in self._tables:
                self._tables[collection] = ProductTable(self.specs[collection], self.counts[collection])
            return self._tables[collection]

    def spec_by_short(self, short: str) -> CollectionSpec | None:
        return next((s for s in self.specs.values() if s.short == short), None)

    def matching(self, query: ProductQuery) -> np.ndarray:
        key = (query.collection, query.match_key)
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        result = self.table(query.collection).matching(query)
        with self._lock:
            self._results[key] = result
            while len(self._results) > 64:
                self._results.popitem(last=False)
        return result

    def collections(self, query: CollectionQuery) -> list[CollectionSpec]:
        found = []
        for spec in self.specs.values():
            if query.start_ms is not None and spec.end.timestamp() * 1000 < query.start_ms:
                continue
            if query.end_ms is not None and spec.start.timestamp() * 1000 > query.end_ms:
                continue
            if query.platform is not None and query.platform.lower() not in \
                    (spec.platform.lower(), *(s.lower() for s in spec.serials)):
                continue
            coverage = box(*self.coverage(spec))
            if not all(coverage.intersects(area) for area in query.areas):
                continue
            found.append(spec)
        return found

    @staticmethod
    def coverage(spec: CollectionSpec) -> tuple[float, float, float, float]:
        bounds = np.array([fp.polygon.bounds for fp in spec.footprints])
        return (float(bounds[:, 0].min()), float(bounds[:, 1].min()), float(bounds[:, 2].max()),
                float(bounds[:, 3].max()))


def iso(moment: datetime | int) -> str:
    """ISO 8601 with milliseconds and Z, as Terrascope writes dates (epoch ms accepted)."""
    if not isinstance(moment, datetime):
        moment = datetime.fromtimestamp(int(moment) / 1000, timezone.utc)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"


def footprint_geojson(footprint: Footprint) -> dict:
    return mapping(footprint.polygon)
