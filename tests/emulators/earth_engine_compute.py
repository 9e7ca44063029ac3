"""The Earth Engine emulator's evaluator: the Cloud API expression graph (B.4) walked for the functions the tests
and the demo use, images rendered as real PNG tiles and real GeoTIFFs, and refusals worded as the service words
them (400 INVALID_ARGUMENT with "<Function>: <reason>")."""

from __future__ import annotations

import struct
import uuid
import zlib
from dataclasses import dataclass, field, replace

import numpy as np

from tests.emulators.earth_engine_data import AssetSpec, Band

PUBLIC, LEGACY = "projects/earthengine-public/assets/", "projects/earthengine-legacy/assets/"


class EEError(Exception):
    """A refusal of the expression: answered 400 INVALID_ARGUMENT with this message."""


def asset_name(asset_id: str) -> str:
    if asset_id.startswith("projects/") and "/assets/" in asset_id:
        return asset_id
    if asset_id.startswith(("users/", "projects/")):
        return LEGACY + asset_id
    return PUBLIC + asset_id


@dataclass
class ImageValue:
    bands: list[Band]
    vis: dict | None = None
    region: dict | None = None

    def info(self) -> dict:
        return {"type": "Image", "bands": [{"id": b.id, "data_type": {"type": "PixelType", "precision": b.precision},
                                            "crs": "EPSG:4326", "crs_transform": [1, 0, 0, 0, 1, 0]}
                                           for b in self.bands], "properties": {}}

    def values(self, lon, lat) -> list[np.ndarray]:
        return [b.values(lon, lat) for b in self.bands]

    def rgba(self, lon, lat) -> np.ndarray:
        """What a map of this image shows (visualised as asked, else its first band stretched 0..255)."""
        vis = self.vis or {}
        chosen = vis.get("bands") or [b.id for b in self.bands][:1]
        data = [np.asarray(next(b for b in self.bands if b.id == name).values(lon, lat), dtype="float64")
                for name in chosen]
        low, high = float(vis.get("min", 0)), float(vis.get("max", 255))
        scaled = [np.clip((d - low) / ((high - low) or 1), 0, 1) ** (1 / float(vis.get("gamma", 1))) for d in data]
        height, width = lon.shape
        rgba = np.full((height, width, 4), 255, dtype="uint8")
        if len(scaled) == 3:
            for i in range(3):
                rgba[..., i] = (scaled[i] * 255).astype("uint8")
        elif vis.get("palette"):
            colours = np.array([[int(c[i:i + 2], 16) for i in (0, 2, 4)] for c in vis["palette"]], dtype="float64")
            position = scaled[0] * (len(colours) - 1)
            below = np.floor(position).astype(int).clip(0, len(colours) - 1)
            above = np.minimum(below + 1, len(colours) - 1)
            weight = (position - below)[..., None]
            rgba[..., :3] = (colours[below] * (1 - weight) + colours[above] * weight).astype("uint8")
        else:
            for i in range(3):
                rgba[..., i] = (scaled[0] * 255).astype("uint8")
        return rgba


@dataclass
class TableValue:
    features: list[dict] = field(default_factory=list)

    def info(self) -> dict:
        return {"type": "FeatureCollection", "columns": {}, "features": self.features}


class Evaluator:
    """Evaluates one expression against the emulator's assets (asset name -> AssetSpec)."""

    def __init__(self, assets: dict[str, AssetSpec]):
        self.assets = assets

    def evaluate(self, expression: dict):
        if not isinstance(expression, dict) or "result" not in expression or "values" not in expression:
            raise EEError("Invalid expression: 'result' and 'values' are required.")
        self._values, self._memo = expression["values"], {}
        return self._reference(str(expression["result"]))

    def _reference(self, key: str):
        if key not in self._memo:
            if key not in self._values:
                raise EEError(f"Invalid expression: no value '{key}'.")
            self._memo[key] = self._node(self._values[key])
        return self._memo[key]

    def _node(self, node: dict):
        if "constantValue" in node:
            return node["constantValue"]
        if "integerValue" in node:
            return int(node["integerValue"])
        if "valueReference" in node:
            return self._reference(str(node["valueReference"]))
        if "arrayValue" in node:
            return [self._node(v) for v in node["arrayValue"].get("values", [])]
        if "dictionaryValue" in node:
            return {k: self._node(v) for k, v in node["dictionaryValue"].get("values", {}).items()}
        if "functionInvocationValue" in node:
            call = node["functionInvocationValue"]
            arguments = {k: self._node(v) for k, v in (call.get("arguments") or {}).items()}
            return self._call(str(call.get("functionName")), arguments)
        raise EEError(f"Invalid expression: unsupported value {sorted(node)}.")

    # -- the functions
    def _call(self, name: str, args: dict):
        method = getattr(self, "f_" + name.replace(".", "_"), None)
        if method is None:
            raise EEError(f"Unknown algorithm: {name}.")
        return method(**args)

    def _asset(self, function: str, kind: str, asset_id: str) -> AssetSpec:
        spec = self.assets.get(asset_name(str(asset_id)))
        label = {"IMAGE": "Image", "IMAGE_COLLECTION": "ImageCollection", "TABLE": "Table"}[kind]
        if spec is None:
            raise EEError(f"{function}: {label} asset '{asset_id}' not found (does not exist or caller does not "
                          f"have access).")
        if spec.type != kind:
            raise EEError(f"{function}: Asset '{asset_id}' is not a{'n' if label[0] in 'AEIOU' else ''} {label}.")
        return spec

    def f_Number_add(self, left, right):
        return left + right

    def f_Number_subtract(self, left, right):
        return left - right

    def f_Number_multiply(self, left, right):
        return left * right

    def f_Number_divide(self, left, right):
        return left / right if right else 0

    def f_Image_load(self, id, version=None):  # noqa: A002 (Earth Engine's argument name)
        return ImageValue(list(self._asset("Image.load", "IMAGE", id).bands))

    def f_ImageCollection_load(self, id, version=None, filter=None):  # noqa: A002
        return ImageValue(list(self._asset("ImageCollection.load", "IMAGE_COLLECTION", id).bands))

    def f_ImageCollection_mosaic(self, collection):
        return collection

    def f_Collection_loadTable(self, tableId, geometryColumn=None, version=None):  # noqa: N803
        return TableValue(list(self._asset("Collection.loadTable", "TABLE", tableId).features))

    def f_Image_select(self, input, bandSelectors, newNames=None):  # noqa: A002
        chosen = []
        for selector in bandSelectors:
            found = [b for b in input.bands if b.id == selector]
            if not found:
                raise EEError(f"Image.select: Pattern '{selector}' did not match any bands.")
            chosen += found
        if newNames:
            chosen = [replace(b, id=n) for b, n in zip(chosen, newNames)]
        return replace(input, bands=chosen)

    def f_Image_visualize(self, image, bands=None, min=None, max=None, palette=None, gamma=None,  # noqa: A002
                          opacity=None, gain=None, bias=None, forceRgbOutput=None):  # noqa: N803
        ids = [b.id for b in image.bands]
        for band in bands or []:
            if band not in ids:
                raise EEError(f"Image.visualize: Pattern '{band}' did not match any bands.")
        if bands and len(bands) not in (1, 3):
            raise EEError(f"Image.visualize: Must provide either 1 or 3 bands, got {len(bands)}.")
        vis = {k: v for k, v in {"bands": bands, "min": min, "max": max, "palette": palette,
                                 "gamma": gamma}.items() if v is not None}
        return replace(image, vis=vis)

    def f_Image_clipToBoundsAndScale(self, input, geometry=None, scale=None, width=None, height=None,  # noqa: A002
                                     maxDimension=None):  # noqa: N803
        return replace(input, region=geometry)

    def f_GeometryConstructors_Polygon(self, coordinates, crs=None, geodesic=None, maxError=None,  # noqa: N803
                                       evenOdd=None):  # noqa: N803
        return {"type": "Polygon", "coordinates": coordinates}

    def f_Image_constant(self, value):
        return ImageValue([Band("constant", "int", "int32",
                                lambda lon, lat, v=value: np.full(lon.shape, v, dtype="int32"))])


def info(value):
    """value:compute's result (getInfo) for a value."""
    return value.info() if isinstance(value, (ImageValue, TableValue)) else value


def png(rgba: np.ndarray) -> bytes:
    """A real PNG (RGBA, 8 bits) of the array."""
    height, width, _ = rgba.shape
    raw = b"".join(b"\x00" + rgba[row].tobytes() for row in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


def geotiff(arrays: list[np.ndarray], names: list[str], transform: tuple, crs: str) -> bytes:
    """A real GeoTIFF of the bands (one common type, as computePixels promotes them), through GDAL."""
    from osgeo import gdal, osr

    dtype = np.result_type(*[a.dtype for a in arrays])
    types = {"int16": gdal.GDT_Int16, "uint16": gdal.GDT_UInt16, "int32": gdal.GDT_Int32, "uint8": gdal.GDT_Byte,
             "float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64, "uint32": gdal.GDT_UInt32}
    height, width = arrays[0].shape
    path = f"/vsimem/ee-emulator-{uuid.uuid4().hex}.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(path, width, height, len(arrays), types[str(dtype)])
    dataset.SetGeoTransform(transform)
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    dataset.SetProjection(srs.ExportToWkt())
    for index, (array, name) in enumerate(zip(arrays, names), start=1):
        band = dataset.GetRasterBand(index)
        band.WriteArray(array.astype(dtype))
        band.SetDescription(name)
    dataset.FlushCache()
    dataset = None
    handle = gdal.VSIFOpenL(path, "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    data = gdal.VSIFReadL(1, size, handle)
    gdal.VSIFCloseL(handle)
    gdal.Unlink(path)
    return bytes(data)


def lonlat_of(xs: np.ndarray, ys: np.ndarray, crs: str):
    """Longitude and latitude of grid coordinates in `crs`."""
    from tests.emulators.earth_engine_data import mercator_to_lonlat

    code = crs.upper()
    if code in ("EPSG:4326", "CRS:84"):
        return xs, ys
    if code in ("EPSG:3857", "EPSG:900913"):
        return mercator_to_lonlat(xs, ys)
    from osgeo import osr

    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.SetFromUserInput(crs)
    target.ImportFromEPSG(4326)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    points = osr.CoordinateTransformation(source, target).TransformPoints(
        list(zip(xs.ravel().tolist(), ys.ravel().tolist())))
    moved = np.array(points)
    return moved[:, 0].reshape(xs.shape), moved[:, 1].reshape(xs.shape)
