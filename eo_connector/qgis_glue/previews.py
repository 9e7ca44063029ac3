"""Item previews: quicklook images fetched in worker threads (a few at a time, cached), and WMS preview links
added as real QGIS WMS layers under a "Previews" group.

Provider-neutral: the quicklook is the first asset with role "thumbnail", the WMS link the first with role "wms"
(an OGC GetMap URL). Nothing here runs on the GUI thread except handing results over.
"""

import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Dict, List, Optional, Set
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from qgis.core import QgsApplication, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QObject, Qt, pyqtSignal
from qgis.PyQt.QtGui import QImage

from ..core.errors import Cancelled, EOError, InvalidInput, ProtocolError
from ..core.http import HttpSession, raise_for_status
from ..core.i18n import tr
from ..core.log import logger, redact
from ..core.models import Asset, Item
from ..core.progress import Progress
from .gdal_files import open_raster
from .layers import PROPERTY
from .proxy import qgis_http_session

MAX_QUICKLOOK_BYTES = 25 * 1000 * 1000
MAX_QUICKLOOK_SIDE = 1024  # bigger quicklooks are scaled down once, in the worker
CHUNK = 256 * 1024
# Qt reads these but without a contrast stretch they look black: GDAL does better.
_DEEP_FORMATS = {getattr(QImage.Format, name) for name in ("Format_Grayscale16", "Format_RGBX64", "Format_RGBA64",
                                                           "Format_RGBA64_Premultiplied") if hasattr(QImage.Format, name)}
# GetMap parameters the WMS provider writes itself; every other one (TIME, vendor parameters) stays in the URL.
_GETMAP_PARAMS = {"service", "request", "version", "layers", "styles", "crs", "srs", "bbox", "width", "height",
                  "format", "transparent", "bgcolor", "exceptions"}


def asset_with_role(item: Item, role: str) -> Optional[Asset]:
    return next((asset for asset in item.assets.values() if role in (asset.roles or [])), None)


def thumbnail_asset(item: Item) -> Optional[Asset]:
    return asset_with_role(item, "thumbnail")


def wms_asset(item: Item) -> Optional[Asset]:
    return asset_with_role(item, "wms")


# -- quicklook images (worker thread)

def decode_image(data: bytes, max_side: int = MAX_QUICKLOOK_SIDE) -> QImage:
    """PNG/JPEG/... through Qt; TIFFs Qt cannot read (or only as dark 16-bit) through GDAL with a stretch."""
    image = QImage.fromData(data)
    if image.isNull() or image.format() in _DEEP_FORMATS:
        image = _decode_with_gdal(data, max_side) or image
    if image.isNull():
        raise ProtocolError(tr("The quicklook image could not be read."))
    if max(image.width(), image.height()) > max_side:
        image = image.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


def _decode_with_gdal(data: bytes, max_side: int) -> Optional[QImage]:
    import numpy as np
    from osgeo import gdal  # GDAL ships with QGIS; imported here so plugin start stays light

    path = f"/vsimem/eo_connector_quicklook_{uuid.uuid4().hex}"
    gdal.FileFromMemBuffer(path, data)
    try:
        dataset = open_raster(path)
        if dataset is None or not dataset.RasterCount:
            return None
        scale = max(dataset.RasterXSize, dataset.RasterYSize) / float(max_side)
        width = max(1, int(dataset.RasterXSize / scale)) if scale > 1 else dataset.RasterXSize
        height = max(1, int(dataset.RasterYSize / scale)) if scale > 1 else dataset.RasterYSize
        count = 3 if dataset.RasterCount >= 3 else 1
        bands, masks = [], []
        for index in range(1, count + 1):
            band = dataset.GetRasterBand(index)
            values = band.ReadAsArray(buf_xsize=width, buf_ysize=height).astype("float64")
            nodata = band.GetNoDataValue()
            valid = np.isfinite(values) & ((values != nodata) if nodata is not None else True)
            bands.append(_stretch(values, valid, band.DataType == gdal.GDT_Byte))
            masks.append(valid)
        dataset = None
    finally:
        gdal.Unlink(path)
    pixels = np.dstack(bands * (3 if count == 1 else 1) + [np.where(np.logical_or.reduce(masks), 255, 0)])
    pixels = np.ascontiguousarray(pixels.astype("uint8"))
    image = QImage(pixels.tobytes(), width, height, 4 * width, QImage.Format.Format_RGBA8888)
    return image.copy()  # own the pixels: the numpy buffer goes away


def _stretch(values, valid, is_byte):
    """To 0..255: bytes as they are, other types from their 2nd to 98th percentile."""
    import numpy as np

    if is_byte or not valid.any():
        return np.clip(np.nan_to_num(values), 0, 255)
    low, high = np.percentile(values[valid], (2, 98))
    if high <= low:
        high = low + 1.0
    return np.clip((np.nan_to_num(values) - low) * 255.0 / (high - low), 0, 255)


def fetch_quicklook(http: HttpSession, url: str, headers: Optional[Callable[[], Dict[str, str]]], progress) -> QImage:
    """Download and decode one quicklook (in a worker thread: `headers()` may refresh a token over the network)."""
    response = http.get(url, headers=dict(headers() or {}) if headers else None, stream=True, progress=progress)
    try:
        raise_for_status(response)
        chunks, size = [], 0
        for chunk in response.iter_content(CHUNK):
            progress.check()
            size += len(chunk)
            if size > MAX_QUICKLOOK_BYTES:
                raise ProtocolError(tr("The quicklook is too large to show."), details=redact(url))
            chunks.append(chunk)
    finally:
        response.close()
    return decode_image(b"".join(chunks))


_POOL: Optional[ThreadPoolExecutor] = None


def _pool() -> ThreadPoolExecutor:
    """The worker threads of every quicklook loader (each loader keeps to its own `parallel` share)."""
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=6, thread_name_prefix="eo-quicklook")
    return _POOL


class QuicklookLoader(QObject):
    """Fetches quicklooks by URL, at most `parallel` at a time, urgent wishes first, into a small LRU cache.
    `loaded(url, QImage)` / `failed(url, message)` come on the GUI thread.

    The fetches run in a small pool of worker threads of its own rather than as QGIS tasks: they are short, there
    can be hundreds of them, and they have no place in QGIS's task list."""

    loaded = pyqtSignal(str, QImage)
    failed = pyqtSignal(str, str)
    _fetched = pyqtSignal(str, object, object)  # from a worker: url, image, error (queued to the GUI thread)

    def __init__(self, http: Optional[HttpSession] = None, parallel: int = 3, cache_size: int = 300, parent=None):
        super().__init__(parent)
        self.http = http or qgis_http_session(timeout=(5, 30), retries=1)
        self.parallel = max(1, parallel)
        self.cache_size = cache_size
        self.headers: Optional[Callable[[], Dict[str, str]]] = None
        self._cache: "OrderedDict[str, QImage]" = OrderedDict()
        self._errors: Dict[str, str] = {}
        self._queue: List[str] = []  # next to fetch at the end
        self._running: Dict[str, Progress] = {}
        self._fetched.connect(self._finished)

    def set_headers_provider(self, headers: Optional[Callable[[], Dict[str, str]]]):
        """`headers()` returns the request headers (e.g. {"Authorization": "Bearer …"}); called in the worker."""
        self.headers = headers
        self._errors.clear()  # a failure may have been a missing sign-in

    def cached(self, url: str) -> Optional[QImage]:
        image = self._cache.get(url)
        if image is not None:
            self._cache.move_to_end(url)
        return image

    def error(self, url: str) -> str:
        return self._errors.get(url, "")

    def pending(self) -> int:
        return len(self._queue) + len(self._running)

    def want(self, urls: List[str], urgent: bool = False):
        """Queue these URLs (not yet cached, failed or running); `urgent` ones are fetched before the others."""
        fresh = [u for u in urls if u and u not in self._cache and u not in self._errors and u not in self._running]
        if not fresh:
            return
        self._queue = [u for u in self._queue if u not in fresh]
        if urgent:
            self._queue.extend(reversed(fresh))
        else:
            self._queue[0:0] = reversed(fresh)  # behind the urgent ones, first wished first
        self._start_next()

    def retain(self, urls: Set[str]):
        """Forget queued URLs no longer wanted (rows scrolled away); running fetches finish into the cache."""
        self._queue = [u for u in self._queue if u in urls]

    def clear(self):
        """Drop the queue and cancel running fetches (a new search); the cache stays."""
        self._queue.clear()
        self._errors.clear()
        for progress in list(self._running.values()):
            progress.cancel()

    def _start_next(self):
        while self._queue and len(self._running) < self.parallel:
            url = self._queue.pop()
            progress = self._running[url] = Progress()
            _pool().submit(self._fetch, url, progress, self.headers)

    def _fetch(self, url: str, progress: Progress, headers):
        """In a worker thread: the image, or the error in words (never an exception out of the pool)."""
        try:
            image, error = fetch_quicklook(self.http, url, headers, progress), None
        except EOError as err:
            image, error = None, err
        except Exception as err:  # an unexpected bug: logged, the row shows no quicklook
            logger.warning("quicklook %s failed: %s", redact(url), redact(f"{type(err).__name__}: {err}"))
            image, error = None, EOError(details=type(err).__name__)
        try:
            self._fetched.emit(url, image, error)
        except RuntimeError:  # the loader is gone (the dock was closed)
            pass

    def _finished(self, url: str, image, error):
        self._running.pop(url, None)
        if error is None and image is not None:
            self._cache[url] = image
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
            self.loaded.emit(url, image)
        elif error is not None and not isinstance(error, Cancelled):
            self._errors[url] = str(error)
            self.failed.emit(url, str(error))
        self._start_next()


# -- WMS previews

def wms_uri(getmap_url: str) -> str:
    """A GetMap URL -> the source of a QGIS "wms" layer: base URL keeping TIME and vendor parameters, layers,
    styles, crs and format; the provider then asks for whatever extent and size the map needs."""
    parts = urlsplit(getmap_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidInput(tr("The WMS preview link is not a web address."), details=redact(getmap_url or ""))
    query = parse_qsl(parts.query, keep_blank_values=True)
    params = {key.lower(): value for key, value in query}
    layers = [name for name in params.get("layers", "").split(",") if name]
    if not layers:
        raise InvalidInput(tr("The WMS preview link names no layer."), details=redact(getmap_url))
    styles = params.get("styles", "").split(",")
    styles = (styles + [""] * len(layers))[:len(layers)]
    kept = [(key, value) for key, value in query if key.lower() not in _GETMAP_PARAMS]
    base = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), ""))
    # Written by hand: QgsDataSourceUri hands repeated keys to the provider last first, so they go in reversed
    # for the GetMap requests to list the layers in the link's order (tested).
    fields = [("IgnoreGetMapUrl", "1"),  # the advertised GetMap URL would lose TIME and vendor parameters
              ("contextualWMSLegend", "0"), ("crs", params.get("crs") or params.get("srs") or "EPSG:3857"),
              ("format", params.get("format") or "image/png")]
    fields += [("layers", name) for name in reversed(layers)] + [("styles", style) for style in reversed(styles)]
    fields.append(("url", base))
    return "&".join(f"{key}={quote(value, safe=':/?,')}" for key, value in fields)


def build_wms_layer(getmap_url: str, name: str, progress=None) -> QgsRasterLayer:
    """Open the WMS layer in the calling worker thread (the provider reads GetCapabilities there, not on the GUI
    thread) and hand it to the main thread, where it must live to be added to the project."""
    layer = QgsRasterLayer(wms_uri(getmap_url), name, "wms")
    if progress is not None:
        progress.check()
    if not layer.isValid():
        reason = layer.error().summary() if layer.error() else ""
        raise EOError(tr("The WMS preview could not be opened: the server did not answer as a WMS."),
                      details=redact(f"{getmap_url}: {reason}"))
    layer.moveToThread(QgsApplication.instance().thread())
    return layer


def add_preview_layer(layer: QgsRasterLayer, item_id: str = "", project: Optional[QgsProject] = None,
                      connection_id: str = ""):
    """Add the layer on top of the "Previews" group (created at the top of the layer tree when missing)."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    name = tr("Previews")
    group = root.findGroup(name) or root.insertGroup(0, name)
    layer.setCustomProperty(PROPERTY + "kind", "preview")
    layer.setCustomProperty(PROPERTY + "item_id", item_id)
    layer.setCustomProperty(PROPERTY + "connection_id", connection_id)  # it leaves the map with its connection
    project.addMapLayer(layer, False)
    group.insertLayer(0, layer)
    logger.info("WMS preview layer %s added", layer.name())
    return layer
