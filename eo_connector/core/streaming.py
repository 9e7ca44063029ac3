"""Which assets can be opened in place (streamed) rather than downloaded, and the GDAL path that opens them.

- GeoTIFF / COG (image/tiff): /vsicurl/<https url> (GDAL reads only the byte ranges it needs);
- Zarr: ZARR:"/vsicurl/<url>"; NetCDF over HTTP only where GDAL's netCDF driver reads /vsicurl/ (rarely): kept as a
  file to download;
- vector assets GDAL reads over HTTP (GeoJSON, FlatGeobuf, GeoPackage, Parquet): /vsicurl/ as vector layers;
- s3:// hrefs: /vsis3/bucket/key, only where the user has S3 credentials (AWS_* variables or ~/.aws), else a sentence;
- anything else (SAFE zips, raw CADU chunks, PDFs…): a sentence saying it must be downloaded.
"""

import os
from typing import Optional, Tuple
from urllib.parse import urlsplit

from .i18n import tr
from .models import Asset

RASTER, VECTOR, NONE = "raster", "vector", ""
_RASTER_TYPES = ("image/tiff", "image/geotiff", "image/jp2", "application/x-zarr", "application/vnd+zarr")
_VECTOR_TYPES = ("application/geo+json", "application/vnd.flatgeobuf", "application/geopackage+sqlite3",
                 "application/x-parquet", "application/vnd.apache.parquet")
_RASTER_EXTENSIONS = (".tif", ".tiff", ".jp2", ".zarr", ".vrt")
_VECTOR_EXTENSIONS = (".geojson", ".fgb", ".gpkg", ".parquet", ".json")


def asset_kind(asset: Asset) -> str:
    """RASTER, VECTOR or NONE: what GDAL can open in place."""
    media = (asset.media_type or "").split(";")[0].strip().lower()
    path = urlsplit(asset.href).path.lower().rstrip("/")
    if media in _RASTER_TYPES or (not media and path.endswith(_RASTER_EXTENSIONS)):
        return RASTER
    if media in _VECTOR_TYPES or (not media and path.endswith(_VECTOR_EXTENSIONS)):
        return VECTOR
    if media.startswith("image/tiff"):
        return RASTER
    return NONE


def has_s3_credentials(environ=None) -> bool:
    environ = os.environ if environ is None else environ
    if environ.get("AWS_ACCESS_KEY_ID") and environ.get("AWS_SECRET_ACCESS_KEY"):
        return True
    if environ.get("AWS_NO_SIGN_REQUEST", "").upper() in ("YES", "TRUE", "1"):
        return True
    home = os.path.expanduser("~")
    return os.path.exists(environ.get("AWS_SHARED_CREDENTIALS_FILE") or os.path.join(home, ".aws", "credentials"))


def gdal_path(href: str, kind: str) -> Tuple[str, str]:
    """(GDAL path, "") for an href GDAL can stream, else ("", the reason in a sentence)."""
    parts = urlsplit(href)
    if parts.scheme in ("http", "https"):
        path = "/vsicurl/" + href
    elif parts.scheme == "s3":
        if not has_s3_credentials():
            return "", tr("This asset is in S3 storage (s3://{bucket}) and no S3 credentials are set up on this "
                          "computer (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or ~/.aws/credentials): download its "
                          "https copy instead, or set up the credentials and try again.", bucket=parts.netloc)
        path = f"/vsis3/{parts.netloc}{parts.path}"
    elif parts.scheme in ("", "file"):
        path = parts.path
    else:
        return "", tr("Assets served by {scheme}:// cannot be opened in place: download them.", scheme=parts.scheme)
    if kind == RASTER and parts.path.lower().rstrip("/").endswith(".zarr"):
        path = f'ZARR:"{path}"'
    return path, ""


def stream_target(asset: Asset) -> Tuple[str, str, str]:
    """(kind, GDAL path, "") when the asset can be opened in place, else ("", "", why not in a sentence)."""
    kind = asset_kind(asset)
    if kind == NONE:
        media = asset.media_type or tr("unknown type")
        return "", "", tr("“{name}” ({media}) cannot be opened in place: GDAL streams GeoTIFF/COG, Zarr and "
                          "vector files. Download it instead.", name=asset.title or asset.path, media=media)
    path, reason = gdal_path(asset.href, kind)
    return (kind, path, "") if path else ("", "", reason)


def http_prefix(href: str) -> Optional[str]:
    """The /vsicurl/ prefix the credentials are scoped to: scheme, host and port (every asset of that server)."""
    parts = urlsplit(href)
    if parts.scheme not in ("http", "https"):
        return None
    return f"/vsicurl/{parts.scheme}://{parts.netloc}/"
