"""Product files and WMS previews of the Terrascope emulator: real, small, deterministic files.

ProductFiles.path(table, i, spec) writes a product's file at its first request, into a temporary folder:
- band:           UInt16 GeoTIFF, 64 x 64, over the footprint's bounds in the footprint's CRS (UTM or EPSG:4326);
- classification: Byte GeoTIFF, 32 x 32, Sentinel-2 scene classes 0..11 with a colour table;
- quicklook:      RGB JPEG, 256 x 256;
- metadata:       ISO 19139 XML (gmd:MD_Metadata) with identifier, title, date and bounding box.
Every file is padded (zeros after a TIFF/JPEG, blanks after the XML root) to exactly the length the catalogue
advertises, so HEAD, Content-Length and the client's size checks agree; GDAL and image readers ignore the tail.

serve(request, path, media_type): HEAD and GET with ETag, Last-Modified, Accept-Ranges; one "bytes=" range ->
206 + Content-Range (If-Range honoured), unsatisfiable -> 416, several ranges or a malformed header -> 200 whole.

WmsService: WMS 1.3.0 (and 1.1.1 GetMap) GetCapabilities and GetMap (PNG with alpha or JPEG) of a smooth colour
field, transparent outside the collection's footprints; errors are ServiceExceptionReport XML (400).
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from email.utils import formatdate
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import shapely
from osgeo import gdal, osr

from tests.emulators.faults import Request, Response
from tests.emulators.terrascope_catalogue import CollectionSpec, FileSpec, ProductTable, iso

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_SCL_COLOURS = ((0, 0, 0), (255, 0, 0), (47, 47, 47), (100, 50, 0), (0, 160, 0), (255, 230, 90), (0, 0, 255),
                (128, 128, 128), (192, 192, 192), (255, 255, 255), (100, 200, 255), (255, 150, 255))


def _vsimem_bytes(path: str) -> bytes:
    handle = gdal.VSIFOpenL(path, "rb")
    try:
        gdal.VSIFSeekL(handle, 0, 2)
        size = gdal.VSIFTellL(handle)
        gdal.VSIFSeekL(handle, 0, 0)
        return bytes(gdal.VSIFReadL(1, size, handle))
    finally:
        gdal.VSIFCloseL(handle)
        gdal.Unlink(path)


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _extent(bounds, epsg: int) -> tuple[float, float, float, float]:
    """The footprint's bounds in the file's CRS."""
    if epsg == 4326:
        return bounds
    west, south, east, north = bounds
    transform = osr.CoordinateTransformation(_srs(4326), _srs(epsg))
    points = transform.TransformPoints([(west, south), (west, north), (east, south), (east, north)])
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _geotiff(values: np.ndarray, data_type: int, bounds, epsg: int, colours=None) -> bytes:
    rows, cols = values.shape
    minx, miny, maxx, maxy = _extent(bounds, epsg)
    target = f"/vsimem/terrascope-{threading.get_ident()}-{id(values)}.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(target, cols, rows, 1, data_type)
    dataset.SetGeoTransform((minx, (maxx - minx) / cols, 0.0, maxy, 0.0, -(maxy - miny) / rows))
    dataset.SetProjection(_srs(epsg).ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(0)
    if colours:
        table = gdal.ColorTable()
        for value, colour in enumerate(colours):
            table.SetColorEntry(value, colour)
        band.SetRasterColorTable(table)
    band.WriteArray(values)
    dataset = band = None  # closes and flushes
    return _vsimem_bytes(target)


def _jpeg(rgb: np.ndarray) -> bytes:
    rows, cols = rgb.shape[1:]
    memory = gdal.GetDriverByName("MEM").Create("", cols, rows, 3, gdal.GDT_Byte)
    for band in range(3):
        memory.GetRasterBand(band + 1).WriteArray(rgb[band])
    target = f"/vsimem/terrascope-{threading.get_ident()}-{id(rgb)}.jpg"
    gdal.GetDriverByName("JPEG").CreateCopy(target, memory, options=["QUALITY=80"])
    memory = None
    return _vsimem_bytes(target)


def _metadata_xml(table: ProductTable, i: int) -> bytes:
    spec = table.spec
    west, south, east, north = spec.footprints[table.footprint[i]].polygon.bounds
    title = table.title(i)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">
  <gmd:fileIdentifier><gco:CharacterString>{escape(spec.id)}:{escape(title)}</gco:CharacterString></gmd:fileIdentifier>
  <gmd:parentIdentifier><gco:CharacterString>{escape(spec.id)}</gco:CharacterString></gmd:parentIdentifier>
  <gmd:dateStamp><gco:DateTime>{iso(int(table.published_ms[i]))}</gco:DateTime></gmd:dateStamp>
  <gmd:identificationInfo><gmd:MD_DataIdentification>
    <gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>{escape(title)}</gco:CharacterString></gmd:title>
      <gmd:date><gmd:CI_Date><gmd:date><gco:DateTime>{iso(int(table.begin_ms[i]))}</gco:DateTime></gmd:date>
      </gmd:CI_Date></gmd:date></gmd:CI_Citation></gmd:citation>
    <gmd:abstract><gco:CharacterString>{escape(spec.abstract)}</gco:CharacterString></gmd:abstract>
    <gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>
      <gmd:westBoundLongitude><gco:Decimal>{west}</gco:Decimal></gmd:westBoundLongitude>
      <gmd:eastBoundLongitude><gco:Decimal>{east}</gco:Decimal></gmd:eastBoundLongitude>
      <gmd:southBoundLatitude><gco:Decimal>{south}</gco:Decimal></gmd:southBoundLatitude>
      <gmd:northBoundLatitude><gco:Decimal>{north}</gco:Decimal></gmd:northBoundLatitude>
    </gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent></gmd:extent>
  </gmd:MD_DataIdentification></gmd:identificationInfo>
</gmd:MD_Metadata>
""".encode()


def _content(table: ProductTable, i: int, file: FileSpec, number: int) -> bytes:
    footprint = table.spec.footprints[table.footprint[i]]
    bounds = footprint.polygon.bounds
    rng = np.random.default_rng(i * 31 + number)
    if file.kind == "band":
        y, x = np.mgrid[0:64, 0:64]
        values = 1000 + 400 * np.sin((x + i % 17) / 7.0) + 300 * np.cos((y + number * 5) / 9.0)
        return _geotiff((values + rng.integers(0, 50, values.shape)).astype(np.uint16), gdal.GDT_UInt16, bounds,
                        footprint.epsg)
    if file.kind == "classification":
        classes = rng.choice([4, 5, 6, 8, 9, 10], size=(32, 32), p=[0.4, 0.2, 0.1, 0.1, 0.1, 0.1]).astype(np.uint8)
        return _geotiff(classes, gdal.GDT_Byte, bounds, footprint.epsg, _SCL_COLOURS)
    if file.kind == "quicklook":
        y, x = np.mgrid[0:256, 0:256]
        rgb = np.stack([90 + 60 * np.sin(x / 21.0 + i), 120 + 50 * np.cos(y / 25.0), 80 + 40 * np.sin((x + y) / 33.0)])
        return _jpeg(rgb.clip(0, 255).astype(np.uint8))
    if file.kind == "metadata":
        return _metadata_xml(table, i)
    raise ValueError(f"unknown file kind {file.kind}")


class ProductFiles:
    """Files generated at their first request and kept under `root` (removed by the emulator at stop)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()
        self._etags: dict[Path, str] = {}

    def find(self, table: ProductTable, i: int, name: str) -> tuple[FileSpec, int] | None:
        stem = table.stem(i)
        for number, file in enumerate(table.spec.files):
            if stem + file.suffix == name:
                return file, number
        return None

    def path(self, table: ProductTable, i: int, file: FileSpec, number: int) -> Path:
        target = self.root / table.spec.short / table.title(i) / (table.stem(i) + file.suffix)
        with self._lock:  # one writer per file; readers wait for the finished file
            if not target.exists():
                data = _content(table, i, file, number)
                length = table.length(i, file)
                if len(data) > length:
                    raise RuntimeError(f"{target.name}: {len(data)} bytes exceed the advertised {length}")
                data += (b" " if file.kind == "metadata" else b"\0") * (length - len(data))
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_name(target.name + ".part")
                partial.write_bytes(data)
                os.replace(partial, target)
                self._etags[target] = '"' + hashlib.md5(data).hexdigest() + '"'
            return target

    def etag(self, path: Path) -> str:
        with self._lock:
            return self._etags[path]


def serve(request: Request, path: Path, media_type: str, etag: str) -> Response:
    size = path.stat().st_size
    headers = {"Content-Type": media_type, "Accept-Ranges": "bytes", "ETag": etag,
               "Last-Modified": formatdate(path.stat().st_mtime, usegmt=True)}
    wanted = (request.header("range") or "").strip()
    if_range = request.header("if-range")
    match = _RANGE.match(wanted) if wanted else None
    if match is None or (if_range is not None and if_range != etag and if_range != headers["Last-Modified"]):
        return Response(200, headers, file=path, file_length=size)
    first, last = match.groups()
    if not first and not last:
        return Response(200, headers, file=path, file_length=size)
    if first:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
        if last and int(last) < start:
            return Response(200, headers, file=path, file_length=size)  # invalid: ignored, as RFC 9110 says
    else:
        start, end = max(0, size - int(last)), size - 1
    if start >= size or (not first and int(last) == 0):
        return Response(416, {"Content-Range": f"bytes */{size}", "Content-Type": "text/plain"},
                        b"Requested range not satisfiable")
    headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    return Response(206, headers, file=path, file_start=start, file_length=end - start + 1)


class WmsService:
    def __init__(self, specs: list[CollectionSpec]) -> None:
        self.layers = {spec.wms_layer: spec for spec in specs}
        self._coverage = {spec.wms_layer: shapely.union_all([fp.polygon for fp in spec.footprints])
                          for spec in specs}
        for area in self._coverage.values():
            shapely.prepare(area)

    def handle(self, request: Request, base_url: str) -> Response:
        params = {name.upper(): values[0] for name, values in request.query.items()}
        if params.get("SERVICE", "").upper() != "WMS":
            return _wms_error("InvalidParameterValue", "SERVICE must be WMS")
        operation = params.get("REQUEST", "").lower()
        if operation == "getcapabilities":
            return Response(200, {"Content-Type": "text/xml; charset=utf-8"}, self.capabilities(base_url))
        if operation == "getmap":
            return self.get_map(params)
        return _wms_error("OperationNotSupported", f"REQUEST '{params.get('REQUEST', '')}' is not supported")

    def capabilities(self, base_url: str) -> bytes:
        online = escape(f"{base_url}/wms?")
        layers = []
        for name, spec in self.layers.items():
            west, south, east, north = self._coverage[name].bounds
            layers.append(
                f"<Layer queryable=\"0\" opaque=\"0\"><Name>{name}</Name><Title>{escape(spec.title)}</Title>"
                f"<Abstract>{escape(spec.abstract)}</Abstract>"
                f"<EX_GeographicBoundingBox><westBoundLongitude>{west}</westBoundLongitude>"
                f"<eastBoundLongitude>{east}</eastBoundLongitude><southBoundLatitude>{south}</southBoundLatitude>"
                f"<northBoundLatitude>{north}</northBoundLatitude></EX_GeographicBoundingBox>"
                f"<BoundingBox CRS=\"EPSG:4326\" minx=\"{south}\" miny=\"{west}\" maxx=\"{north}\" maxy=\"{east}\"/>"
                f"<Style><Name>default</Name><Title>default</Title></Style></Layer>")
        get = (f"<DCPType><HTTP><Get><OnlineResource xlink:type=\"simple\" xlink:href=\"{online}\"/></Get></HTTP>"
               "</DCPType>")
        return (
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            "<WMS_Capabilities version=\"1.3.0\" xmlns=\"http://www.opengis.net/wms\" "
            "xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
            "<Service><Name>WMS</Name><Title>Terrascope WMS (emulator)</Title>"
            f"<OnlineResource xlink:type=\"simple\" xlink:href=\"{online}\"/><LayerLimit>1</LayerLimit>"
            "<MaxWidth>4096</MaxWidth><MaxHeight>4096</MaxHeight></Service>"
            "<Capability><Request>"
            f"<GetCapabilities><Format>text/xml</Format>{get}</GetCapabilities>"
            f"<GetMap><Format>image/png</Format><Format>image/jpeg</Format>{get}</GetMap>"
            "</Request><Exception><Format>XML</Format></Exception>"
            "<Layer><Title>Terrascope</Title><CRS>EPSG:4326</CRS><CRS>CRS:84</CRS><CRS>EPSG:3857</CRS>"
            "<EX_GeographicBoundingBox><westBoundLongitude>-180</westBoundLongitude><eastBoundLongitude>180"
            "</eastBoundLongitude><southBoundLatitude>-90</southBoundLatitude><northBoundLatitude>90"
            "</northBoundLatitude></EX_GeographicBoundingBox>"
            + "".join(layers) + "</Layer></Capability></WMS_Capabilities>").encode()

    def get_map(self, params: dict[str, str]) -> Response:
        version = params.get("VERSION", "")
        if version not in ("1.3.0", "1.1.1"):
            return _wms_error("InvalidParameterValue", "VERSION must be 1.3.0 (or 1.1.1)")
        layer = params.get("LAYERS", "")
        if layer not in self.layers:
            return _wms_error("LayerNotDefined", f"Layer '{layer}' is not defined")
        crs = params.get("CRS" if version == "1.3.0" else "SRS", "")
        if crs not in ("EPSG:4326", "CRS:84", "EPSG:3857"):
            return _wms_error("InvalidCRS", f"CRS '{crs}' is not supported")
        fmt = params.get("FORMAT", "")
        if fmt not in ("image/png", "image/jpeg"):
            return _wms_error("InvalidFormat", f"FORMAT '{fmt}' is not supported")
        try:
            bbox = [float(v) for v in params.get("BBOX", "").split(",")]
            width, height = int(params.get("WIDTH", "")), int(params.get("HEIGHT", ""))
        except ValueError:
            return _wms_error("MissingOrInvalidParameter", "BBOX, WIDTH and HEIGHT are required numbers")
        if len(bbox) != 4 or not (0 < width <= 4096 and 0 < height <= 4096) or bbox[0] >= bbox[2] \
                or bbox[1] >= bbox[3]:
            return _wms_error("MissingOrInvalidParameter", "BBOX needs 4 ordered numbers; WIDTH and HEIGHT 1..4096")
        if crs == "EPSG:4326" and version == "1.3.0":
            bbox = [bbox[1], bbox[0], bbox[3], bbox[2]]  # WMS 1.3.0 EPSG:4326 is latitude first
        minx, miny, maxx, maxy = bbox
        xs = minx + (np.arange(width) + 0.5) * (maxx - minx) / width
        ys = maxy - (np.arange(height) + 0.5) * (maxy - miny) / height
        x, y = np.meshgrid(xs, ys)
        if crs == "EPSG:3857":
            x, y = np.degrees(x / 6378137.0), np.degrees(np.arctan(np.sinh(y / 6378137.0)))
        red = 120 + 80 * np.sin(x * 40.0)
        green = 140 + 70 * np.cos(y * 50.0)
        blue = 90 + 60 * np.sin((x + y) * 30.0)
        alpha = np.where(shapely.contains_xy(self._coverage[layer], x, y), 255, 0)
        bands = [b.clip(0, 255).astype(np.uint8) for b in (red, green, blue, alpha)]
        return Response(200, {"Content-Type": fmt}, _image(bands, fmt))


def _image(bands: list[np.ndarray], fmt: str) -> bytes:
    if fmt == "image/jpeg":
        return _jpeg(np.stack(bands[:3]))
    rows, cols = bands[0].shape
    memory = gdal.GetDriverByName("MEM").Create("", cols, rows, 4, gdal.GDT_Byte)
    for number, values in enumerate(bands, start=1):
        memory.GetRasterBand(number).WriteArray(values)
    target = f"/vsimem/terrascope-wms-{threading.get_ident()}.png"
    gdal.GetDriverByName("PNG").CreateCopy(target, memory)
    memory = None
    return _vsimem_bytes(target)


def _wms_error(code: str, text: str) -> Response:
    body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ServiceExceptionReport version=\"1.3.0\" "
            f"xmlns=\"http://www.opengis.net/ogc\"><ServiceException code=\"{code}\">{escape(text)}"
            "</ServiceException></ServiceExceptionReport>")
    return Response(400, {"Content-Type": "text/xml; charset=utf-8"}, body.encode())
