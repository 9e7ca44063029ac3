"""Cloud-native assets opened in place as layers: GDAL's /vsicurl/ (and /vsis3/ where S3 credentials exist).

The connection's key or token is handed to GDAL for that one URL only (GDAL_HTTP_HEADERS as a path-specific option,
GDAL 3.6 and later: Debian 12 has 3.6, Debian 13 3.10), in this process's memory: the layer's source in the project is
the plain URL, never a credential. When a project is opened again, `restore_credentials` hands the credentials back
to GDAL for the streamed layers of connections the user still has. A GDAL older than 3.6 cannot scope a header to a
URL: a public asset still streams, one that needs the key is refused with a sentence (download it instead).
"""

from typing import Callable, Dict, Optional

from osgeo import gdal
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

from ..core.errors import EOError, InvalidInput
from ..core.i18n import tr
from ..core.log import logger, register_secret
from ..core.models import Item
from ..core.streaming import RASTER, stream_target
from .layers import PROPERTY

CONNECTION = PROPERTY + "stream_connection"
HREF = PROPERTY + "stream_href"
SCOPED_HEADERS_VERSION = 3060000


def can_scope_headers() -> bool:
    return hasattr(gdal, "SetPathSpecificOption") and int(gdal.VersionInfo("VERSION_NUM")) >= SCOPED_HEADERS_VERSION


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
                              "one: download it instead (GDAL 3.6 or newer streams it).",
                              version=gdal.__version__))
    for value in headers.values():
        register_secret(value)
    text = "\r\n".join(f"{name}: {value}" for name, value in headers.items())
    gdal.SetPathSpecificOption(scope(path), "GDAL_HTTP_HEADERS", text)


def forget_credentials(path: str) -> None:
    if can_scope_headers():
        gdal.SetPathSpecificOption(scope(path), "GDAL_HTTP_HEADERS", None)


def open_streamed(item: Item, asset_key: str, headers: Dict[str, str], connection_id: str = ""):
    """The layer of one asset read in place (not added to the project); InvalidInput with the reason when the asset
    cannot be streamed, EOError when GDAL cannot open it."""
    asset = item.assets.get(asset_key)
    if asset is None:
        raise InvalidInput(tr("Item {item} has no asset {asset}.", item=item.id, asset=asset_key))
    kind, path, reason = stream_target(asset)
    if reason:
        raise InvalidInput(reason)
    give_credentials(path, headers)
    name = f"{item.id} — {asset.title or asset_key}"
    layer = QgsRasterLayer(path, name, "gdal") if kind == RASTER else QgsVectorLayer(path, name, "ogr")
    if not layer.isValid():
        error = layer.error().summary() if layer.error() else ""
        logger.info("streaming %s failed: %s", asset.href, error)
        raise EOError(tr("GDAL could not open “{name}” in place (the server may not allow byte ranges, or the key was "
                         "refused): download it instead.", name=asset.title or asset_key), details=error)
    layer.setCustomProperty(CONNECTION, connection_id)
    layer.setCustomProperty(HREF, asset.href)
    return layer


def add_streamed_asset(item: Item, asset_key: str, headers: Dict[str, str], connection_id: str = "",
                       project: Optional[QgsProject] = None):
    layer = open_streamed(item, asset_key, headers, connection_id)
    (project or QgsProject.instance()).addMapLayer(layer)
    return layer


def restore_credentials(project: QgsProject, headers_for: Callable[[str, str], Dict[str, str]]) -> int:
    """After a project is read: give GDAL the credentials of its streamed layers again (headers_for(connection id,
    href) -> headers, {} when the connection is gone); reload those layers. Returns how many were restored."""
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
                layer.dataProvider().reloadData()
                layer.reload()
                restored += 1
        except EOError as err:
            logger.info("credentials of streamed layer %s not restored: %s", layer.name(), err)
    return restored
