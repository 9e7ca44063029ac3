"""Cloud-native assets opened in place as layers: GDAL's /vsicurl/ (and /vsis3/ where S3 credentials exist).

The connection's key or token is handed to GDAL for that one URL only (GDAL_HTTP_HEADERS set as a path-specific
option, VSISetPathSpecificOption), in this process's memory: the layer's source in the project is the plain URL, never
a credential. When a project is opened again, `restore_credentials` hands the credentials back to GDAL for the
streamed layers of connections the user still has.

Which GDAL honours it: GDAL 3.10 (Debian 13, QGIS 3.40) sends the header for that path only; GDAL 3.6 (Debian 12) has
VSISetPathSpecificOption but its /vsicurl/ reads GDAL_HTTP_HEADERS from the global configuration only, so a
path-specific header is silently not sent. Rather than guess from version numbers, `scoped_headers_work()` asks GDAL
once per QGIS session: a HEAD through /vsicurl/ to a throw-away server on 127.0.0.1 that answers only when the header
came. Where it does not, a public asset still streams and one that needs the key is refused with a sentence
(download it instead) -- the key is never set globally, where GDAL would send it to every server.
"""

from typing import Callable, Dict, Optional, Tuple

from osgeo import gdal
from qgis.core import QgsDataProvider, QgsProject, QgsRasterLayer, QgsVectorLayer

from ..core.errors import EOError, InvalidInput
from ..core.i18n import tr
from ..core.log import logger, register_secret
from ..core.models import Item
from ..core.streaming import RASTER, stream_target
from .layers import PROPERTY

CONNECTION = PROPERTY + "stream_connection"
HREF = PROPERTY + "stream_href"


_probed: Dict[str, bool] = {}


def can_scope_headers() -> bool:
    """Whether this GDAL sends a header set for one path only (asked once: see the module's text)."""
    if "answer" not in _probed:
        _probed["answer"] = hasattr(gdal, "SetPathSpecificOption") and scoped_headers_work()
    return _probed["answer"]


def scoped_headers_work() -> bool:
    import http.server
    import threading
    import uuid

    token = uuid.uuid4().hex

    class Probe(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):  # noqa: N802
            ok = self.headers.get("X-EO-Probe") == token
            self.send_response(200 if ok else 401)
            self.send_header("Content-Length", "1" if ok else "0")
            self.end_headers()

        do_GET = do_HEAD  # noqa: N815

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Probe)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    path = f"/vsicurl/http://127.0.0.1:{server.server_address[1]}/probe-{token}.bin"
    try:
        gdal.SetPathSpecificOption(path, "GDAL_HTTP_HEADERS", f"X-EO-Probe: {token}")
        found = gdal.VSIStatL(path) is not None
    except Exception as err:  # noqa: BLE001 (GDAL's exception mode or not: the answer is "no")
        logger.info("GDAL path-specific header probe failed: %s", err)
        found = False
    finally:
        gdal.SetPathSpecificOption(path, "GDAL_HTTP_HEADERS", None)
        server.shutdown()
        server.server_close()
    logger.info("GDAL %s %s a header set for one path only", gdal.__version__, "sends" if found else "does not send")
    return found


def scope(path: str) -> str:
    """The GDAL path prefix the credentials are given for: the asset's own URL (a Zarr's: its folder)."""
    if path.startswith('ZARR:"'):
        path = path[len('ZARR:"'):].rstrip('"') + "/"
    return path


def give_credentials(path: str, headers: Dict[str, str]) -> None:
    """GDAL sends `headers` for requests under this asset's URL only (nothing when headers is empty)."""
    if not headers:
        return
    if not can_scope_headers():
        raise InvalidInput(tr("This QGIS's GDAL ({version}) cannot send a key for one URL only, and this asset needs "
                              "one: download it instead (a QGIS with GDAL 3.10 streams it).",
                              version=gdal.__version__))
    for value in headers.values():
        register_secret(value)
    text = "\r\n".join(f"{name}: {value}" for name, value in headers.items())
    gdal.SetPathSpecificOption(scope(path), "GDAL_HTTP_HEADERS", text)
    # GDAL would otherwise look for sidecar files (.aux.xml, .msk…) next to the asset: URLs the key is not for
    gdal.SetPathSpecificOption(scope(path), "GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR")


def forget_credentials(path: str) -> None:
    if can_scope_headers():
        gdal.SetPathSpecificOption(scope(path), "GDAL_HTTP_HEADERS", None)


def prepare_stream(item: Item, asset_key: str, headers: Dict[str, str]) -> Tuple[str, str, str]:
    """In a worker thread: check the asset can be streamed, give GDAL its credentials for that URL only and open it
    once (GDAL keeps what it read, so the layer then opens at once on the GUI thread). Returns (kind, GDAL path,
    layer name); InvalidInput with the reason when it cannot be streamed, EOError when GDAL cannot open it."""
    asset = item.assets.get(asset_key)
    if asset is None:
        raise InvalidInput(tr("Item {item} has no asset {asset}.", item=item.id, asset=asset_key))
    kind, path, reason = stream_target(asset)
    if reason:
        raise InvalidInput(reason)
    give_credentials(path, headers)
    opened = None
    try:
        opened = gdal.OpenEx(path, gdal.OF_RASTER if kind == RASTER else gdal.OF_VECTOR)
    except RuntimeError as err:  # GDAL's exception mode
        logger.info("streaming %s failed: %s", asset.href, err)
    if opened is None:
        raise EOError(tr("GDAL could not open “{name}” in place (the server may not allow byte ranges, or refused "
                         "the credentials): download it instead.", name=asset.title or asset_key),
                      details=gdal.GetLastErrorMsg())
    opened = None
    return kind, path, f"{item.id} — {asset.title or asset_key}"


def layer_of(kind: str, path: str, name: str, href: str, connection_id: str = ""):
    """On the GUI thread: the layer of a prepared stream, remembering (not in clear) where its credentials come
    from: the connection id and the asset's URL."""
    layer = QgsRasterLayer(path, name, "gdal") if kind == RASTER else QgsVectorLayer(path, name, "ogr")
    if not layer.isValid():
        raise EOError(tr("QGIS could not open “{name}” in place: download it instead.", name=name),
                      details=layer.error().summary() if layer.error() else "")
    layer.setCustomProperty(CONNECTION, connection_id)
    layer.setCustomProperty(HREF, href)
    return layer


def add_streamed_asset(item: Item, asset_key: str, headers: Dict[str, str], connection_id: str = "",
                       project: Optional[QgsProject] = None):
    """prepare_stream then layer_of, added to the project (the console's path; the dock prepares in a task)."""
    kind, path, name = prepare_stream(item, asset_key, headers)
    layer = layer_of(kind, path, name, item.assets[asset_key].href, connection_id)
    (project or QgsProject.instance()).addMapLayer(layer)
    return layer


def restore_credentials(project: QgsProject, headers_for: Callable[[str, str], Dict[str, str]]) -> int:
    """After a project is read: give GDAL the credentials of its streamed layers again (headers_for(connection id,
    href) -> headers, {} when the connection is gone) and open those layers again (QGIS tried them without the
    credentials). Returns how many were restored."""
    restored = 0
    for layer in project.mapLayers().values():
        connection_id = layer.customProperty(CONNECTION)
        href = layer.customProperty(HREF)
        if not connection_id or not href:
            continue
        try:
            headers = headers_for(str(connection_id), str(href))
            if headers:
                give_credentials(layer.source(), headers)
                if hasattr(gdal, "VSICurlPartialClearCache"):  # GDAL remembers the refusal of the first try
                    gdal.VSICurlPartialClearCache(scope(layer.source()))
                layer.setDataSource(layer.source(), layer.name(), layer.providerType(),
                                    QgsDataProvider.ProviderOptions())
                restored += 1 if layer.isValid() else 0
        except EOError as err:
            logger.info("credentials of streamed layer %s not restored: %s", layer.name(), err)
    return restored
