"""The data an RS-Server emulator serves: CADIP downlink sessions and their files, AUXIP auxiliary files, a public
STAC catalogue of scenes, and real files (COG GeoTIFFs, PNG thumbnails, raw CADU chunks) written on first request.

Everything is deterministic: the same arguments give the same sessions, ids and bytes. Footprints lie around the
demo AOI (Sophia Antipolis, tests/data/sample_aoi.gpkg) so a search over it finds them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

CADIP_STATIONS = ("CADIP", "INS", "MPS", "MTI", "NSG", "SGS")
PLATFORMS = ("S1A", "S2A", "S2B", "S3A", "S3B")
AUX_TYPES = ("AUX_RESORB", "AUX_PREORB", "AUX_POEORB", "AUX_CAL", "AUX_INS")
DEMO_BBOX = (7.0, 43.6, 7.06, 43.66)
DEMO_START = dt.datetime(2024, 1, 15, tzinfo=dt.timezone.utc)
ISO = "%Y-%m-%dT%H:%M:%SZ"
gdal.UseExceptions()


def iso(value: dt.datetime) -> str:
    return value.strftime(ISO)


def box(west, south, east, north) -> dict:
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                [west, south]]]}


def swath(index: int) -> tuple[float, float, float, float]:
    """A footprint around the demo AOI, shifted a little per index (every one overlaps the AOI)."""
    dx, dy = (index % 5) * 0.004, (index % 3) * 0.004
    return (6.98 + dx, 43.58 + dy, 7.08 + dx, 43.68 + dy)


def cadip_sessions(base_url: str, sessions_per_station: int = 4) -> dict[str, list[dict]]:
    """{collection id: [session items]}: each station's sessions, two channels of three blocks each."""
    found: dict[str, list[dict]] = {}
    for s, station in enumerate(CADIP_STATIONS):
        items = []
        for n in range(sessions_per_station):
            platform = PLATFORMS[(s + n) % 2]  # S1A and S2A alternate: both found over the demo dates
            start = DEMO_START + dt.timedelta(days=n, hours=s, minutes=7 * n)
            stop = start + dt.timedelta(minutes=12)
            session_id = f"{platform}_{start.strftime('%Y%m%d%H%M%S')}{s:02d}{n:04d}"
            collection = f"cadip_{station.lower()}"
            assets = {}
            for channel in (1, 2):
                for block in (1, 2, 3):
                    name = f"DCS_{s + 1:02d}_{session_id}_ch{channel}_DSDB_{block:05d}.raw"
                    assets[name] = {"href": f"{base_url}/data/cadip/{station}/{session_id}/{name}",
                                    "type": "application/octet-stream", "roles": ["cadu"], "title": name,
                                    "file:size": chunk_size(name), "cadip:channel": channel,
                                    "cadip:block_number": block, "cadip:retransfer": False,
                                    "cadip:final_block": block == 3}
            bounds = swath(n + s)
            items.append({
                "type": "Feature", "stac_version": "1.0.0", "stac_extensions": [], "id": session_id,
                "collection": collection, "geometry": box(*bounds), "bbox": list(bounds),
                "properties": {"datetime": iso(start), "start_datetime": iso(start), "end_datetime": iso(stop),
                               "platform": platform, "cadip:id": f"{hashlib.md5(session_id.encode()).hexdigest()}",
                               "cadip:session_id": session_id, "cadip:num_channels": 2, "cadip:station": station,
                               "cadip:station_unit_id": "00", "cadip:antenna_id": f"MSP{s + 1:02d}",
                               "cadip:downlink_orbit": 51000 + n, "published": iso(stop + dt.timedelta(hours=1))},
                "assets": assets, "links": []})
        found[f"cadip_{station.lower()}"] = items
    return found


def chunk_size(name: str) -> int:
    return 40_000 + int(hashlib.md5(name.encode()).hexdigest()[:4], 16) % 20_000


def chunk_bytes(name: str) -> bytes:
    size = chunk_size(name)
    seed = int(hashlib.md5(name.encode()).hexdigest()[:8], 16)
    return np.random.default_rng(seed).integers(0, 256, size, dtype=np.uint8).tobytes()


def auxip_files(base_url: str, count: int = 30) -> dict[str, list[dict]]:
    items = []
    for n in range(count):
        platform = PLATFORMS[n % len(PLATFORMS)]
        kind = AUX_TYPES[n % len(AUX_TYPES)]
        start = DEMO_START + dt.timedelta(hours=6 * n)
        stop = start + dt.timedelta(days=1)
        name = f"{platform}_OPER_{kind}_OPOD_{start.strftime('%Y%m%dT%H%M%S')}_V{start.strftime('%Y%m%dT%H%M%S')}.EOF"
        items.append({
            "type": "Feature", "stac_version": "1.0.0", "stac_extensions": [], "id": name, "collection": "adgs_aux",
            "geometry": None, "bbox": None,
            "properties": {"datetime": iso(start), "start_datetime": iso(start), "end_datetime": iso(stop),
                           "platform": platform, "product:type": kind, "constellation": "sentinel-" + platform[1],
                           "adgs:id": hashlib.md5(name.encode()).hexdigest(), "processing:level": "L0",
                           "created": iso(start - dt.timedelta(hours=2))},
            "assets": {"file": {"href": f"{base_url}/data/auxip/{name}", "type": "application/xml",
                                "roles": ["data"], "title": name, "file:size": chunk_size(name) // 8}},
            "links": []})
    return {"adgs_aux": items}


def public_scenes(base_url: str, count: int, collection: str = "sentinel-2-l2a-demo") -> list[dict]:
    """A public catalogue's scenes: COG 'visual' asset (with an s3 alternate), a thumbnail, metadata."""
    items = []
    for n in range(count):
        bounds = swath(n)
        when = DEMO_START + dt.timedelta(days=n % 365, minutes=n // 365)
        item_id = f"S2A_DEMO_{when.strftime('%Y%m%dT%H%M%S')}_{n:05d}"
        items.append({
            "type": "Feature", "stac_version": "1.0.0", "stac_extensions": [], "id": item_id,
            "collection": collection, "geometry": box(*bounds), "bbox": list(bounds),
            "properties": {"datetime": iso(when), "platform": "sentinel-2a", "eo:cloud_cover": float(n * 7 % 100),
                           "s2:mgrs_tile": "32TLP", "view:sun_elevation": 30.0 + n % 20},
            "assets": {
                "visual": {"href": f"{base_url}/data/public/{item_id}/visual.tif",
                           "type": "image/tiff; application=geotiff; profile=cloud-optimized", "roles": ["data"],
                           "title": "True colour (COG)",
                           "alternate": {"s3": {"href": f"s3://demo-bucket/{item_id}/visual.tif"}}},
                "thumbnail": {"href": f"{base_url}/data/public/{item_id}/thumbnail.png", "type": "image/png",
                              "roles": ["thumbnail"], "title": "Thumbnail"},
                "metadata": {"href": f"{base_url}/data/public/{item_id}/metadata.xml", "type": "application/xml",
                             "roles": ["metadata"], "title": "Metadata"},
            },
            "links": []})
    return items


class Files:
    """Real files written on first request into `root`, then served with Range."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.Lock()

    def cog(self, key: str, bounds, seed: int = 0) -> Path:
        target = self.root / "cog" / f"{key}.tif"
        with self._lock:
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                write_cog(target, bounds, seed)
        return target

    def png(self, key: str, seed: int = 0) -> Path:
        target = self.root / "png" / f"{key}.png"
        with self._lock:
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                memory = gdal.GetDriverByName("MEM").Create("", 64, 64, 3, gdal.GDT_Byte)
                for band, array in enumerate(_rgb(64, seed)):
                    memory.GetRasterBand(band + 1).WriteArray(array)
                gdal.GetDriverByName("PNG").CreateCopy(str(target), memory)
                memory = None
        return target

    def blob(self, key: str, data: bytes) -> Path:
        target = self.root / "blob" / key
        with self._lock:
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        return target


def _rgb(size: int, seed: int) -> list[np.ndarray]:
    y, x = np.mgrid[0:size, 0:size]
    return [((x * 255 // size + seed * 31) % 256).astype(np.uint8), ((y * 255 // size + seed * 17) % 256)
            .astype(np.uint8), (((x + y) * 128 // size + seed * 7) % 256).astype(np.uint8)]


def write_cog(target: Path, bounds, seed: int = 0, size: int = 512) -> None:
    """A 3-band Byte Cloud-Optimized GeoTIFF (tiled, overviews) over `bounds` (lon/lat)."""
    west, south, east, north = bounds
    memory = gdal.GetDriverByName("MEM").Create("", size, size, 3, gdal.GDT_Byte)
    memory.SetGeoTransform((west, (east - west) / size, 0.0, north, 0.0, -(north - south) / size))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    memory.SetProjection(srs.ExportToWkt())
    for band, array in enumerate(_rgb(size, seed)):
        memory.GetRasterBand(band + 1).WriteArray(array)
    gdal.GetDriverByName("COG").CreateCopy(str(target), memory, options=["BLOCKSIZE=256", "COMPRESS=DEFLATE"])
    memory = None
