"""Object storage behind S3-style presigned URLs, served by an emulator under a path prefix.

`PresignedStorage.presign(base_url, key)` gives a URL like
  <base>/storage/<bucket>/<key>?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=...&X-Amz-Date=...
  &X-Amz-Expires=<ttl>&X-Amz-SignedHeaders=host&X-Amz-Signature=<hmac>
and `handle(request)` serves the file under `root/<key>` the way S3 does:
- a request that also carries an Authorization header -> 400 InvalidArgument (two auth mechanisms);
- a wrong or missing signature, or a method other than GET (HEAD too when allow_head=False, as on real S3 where
  a URL presigned for GET refuses HEAD) -> 403 SignatureDoesNotMatch;
- past X-Amz-Date + X-Amz-Expires, or revoked by `expire_all()` -> 403 AccessDenied "Request has expired";
- unknown key -> 404 NoSuchKey;
- ETag (quoted md5 of the content), Content-Length, Accept-Ranges: bytes, Last-Modified; a single
  "Range: bytes=..." -> 206 with Content-Range (If-Range honoured), unsatisfiable -> 416 InvalidRange, several
  ranges -> the whole object (S3 serves one range only). Files are streamed in chunks.
Errors are S3's XML `<Error><Code>..</Code><Message>..</Message>...</Error>`.
"""

from __future__ import annotations

import hashlib
import hmac
import mimetypes
import os
import secrets
import threading
import time
from datetime import datetime, timezone
from email.utils import formatdate
from pathlib import Path
from typing import Callable
from urllib.parse import quote, unquote, urlencode
from xml.sax.saxutils import escape

from tests.emulators.faults import Request, Response

_CONTENT_TYPES = {
    ".zip": "application/zip",
    ".gpkg": "application/geopackage+sqlite3",
    ".tif": "image/tiff",
    ".json": "application/json",
    ".b3dm": "application/octet-stream",
    ".glb": "model/gltf-binary",
}
_DATE_FORMAT = "%Y%m%dT%H%M%SZ"


def s3_error(status: int, code: str, message: str, **extra: str) -> Response:
    fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in extra.items())
    body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{escape(message)}</Message>'
            f"{fields}<RequestId>{secrets.token_hex(8).upper()}</RequestId></Error>").encode()
    return Response(status, {"Content-Type": "application/xml"}, body)


class PresignedStorage:
    def __init__(self, root: Path, *, prefix: str = "/storage", bucket: str = "results", url_ttl: int = 600,
                 allow_head: bool = True, clock: Callable[[], float] = time.time) -> None:
        self.root = Path(root).resolve()
        self.prefix = prefix.rstrip("/")
        self.bucket = bucket
        self.url_ttl = int(url_ttl)
        self.allow_head = allow_head
        self._clock = clock
        self._secret = secrets.token_bytes(32)
        self._lock = threading.Lock()
        # URLs are signed with temporary credentials, as S3 does with STS: expire_all() rotates them, so URLs
        # issued before stop working while fresh ones (even within the same second) carry the new token.
        self._session_token = secrets.token_urlsafe(16)
        self._issued: set[str] = set()
        self._revoked: set[str] = set()
        self._etags: dict[Path, tuple[int, int, str]] = {}

    # --- signing ---------------------------------------------------------------------------------------------
    def presign(self, base_url: str, key: str) -> str:
        """A GET URL for `key` (a relative path under root) valid `url_ttl` seconds from now."""
        stamp = datetime.fromtimestamp(self._clock(), timezone.utc)
        params = {
            "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
            "X-Amz-Credential": f"EMULATORKEY/{stamp:%Y%m%d}/us-east-1/s3/aws4_request",
            "X-Amz-Date": stamp.strftime(_DATE_FORMAT),
            "X-Amz-Expires": str(self.url_ttl),
            "X-Amz-SignedHeaders": "host",
            "X-Amz-Security-Token": self._session_token,
        }
        object_path = f"{self.prefix}/{self.bucket}/{quote(key)}"
        signature = self._sign(unquote(object_path), params)
        with self._lock:
            self._issued.add(signature)
        return f"{base_url}{object_path}?{urlencode(params)}&X-Amz-Signature={signature}"

    def expire_all(self) -> None:
        """Every URL issued so far answers 'Request has expired' from now on."""
        with self._lock:
            self._revoked |= self._issued
            self._issued = set()
            self._session_token = secrets.token_urlsafe(16)

    def owns(self, path: str) -> bool:
        return path.startswith(f"{self.prefix}/")

    def _sign(self, object_path: str, params: dict[str, str]) -> str:
        canonical = "\n".join([object_path] + [f"{k}={params.get(k, '')}" for k in sorted(params)])
        return hmac.new(self._secret, canonical.encode(), hashlib.sha256).hexdigest()

    # --- serving ---------------------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        params = {k: v[0] for k, v in request.query.items() if k.startswith("X-Amz-")}
        signature = params.pop("X-Amz-Signature", "")
        if request.header("authorization") is not None:
            return s3_error(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm "
                            "query parameter, Signature query string parameter or the Authorization header "
                            "should be specified", ArgumentName="Authorization")
        method_ok = request.method == "GET" or (request.method == "HEAD" and self.allow_head)
        expected = self._sign(unquote(request.path), params)
        if not method_ok or not signature or not hmac.compare_digest(signature, expected):
            return s3_error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match "
                            "the signature you provided. Check your key and signing method.")
        with self._lock:
            revoked = signature in self._revoked
        if revoked or self._expired(params):
            return s3_error(403, "AccessDenied", "Request has expired")
        key = unquote(request.path)[len(f"{self.prefix}/{self.bucket}/"):]
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            return s3_error(404, "NoSuchKey", "The specified key does not exist.", Key=key)
        return self._serve_file(request, path)

    def _expired(self, params: dict[str, str]) -> bool:
        try:
            issued = datetime.strptime(params["X-Amz-Date"], _DATE_FORMAT).replace(tzinfo=timezone.utc)
            return self._clock() > issued.timestamp() + int(params["X-Amz-Expires"])
        except (KeyError, ValueError):
            return True

    def _serve_file(self, request: Request, path: Path) -> Response:
        size, etag = self._stat(path)
        headers = {
            "Content-Type": _CONTENT_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
            or "application/octet-stream",
            "ETag": etag,
            "Last-Modified": formatdate(path.stat().st_mtime, usegmt=True),
            "Accept-Ranges": "bytes",
        }
        wanted = request.header("range")
        if_range = request.header("if-range")
        if wanted and (if_range is None or if_range == etag):
            span = _parse_range(wanted, size)
            if span == "unsatisfiable":
                error = s3_error(416, "InvalidRange", "The requested range is not satisfiable",
                                 RangeRequested=wanted, ActualObjectSize=str(size))
                error.headers["Content-Range"] = f"bytes */{size}"
                return error
            if span is not None:
                start, end = span
                headers["Content-Range"] = f"bytes {start}-{end}/{size}"
                return Response(206, headers, file=path, file_start=start, file_length=end - start + 1)
        return Response(200, headers, file=path, file_start=0, file_length=size)

    def stored(self, path: Path) -> None:
        """Note the ETag of a file just written, as S3 computes it at upload: the first client to download it does not
        wait for its checksum (a benchmark's first tool would otherwise pay for every file)."""
        self._stat(Path(path).resolve())

    def _stat(self, path: Path) -> tuple[int, str]:
        info = path.stat()
        with self._lock:
            cached = self._etags.get(path)
        if cached and cached[0] == info.st_mtime_ns and cached[1] == info.st_size:
            return info.st_size, cached[2]
        etag = f'"{file_md5(path)}"'
        with self._lock:
            self._etags[path] = (info.st_mtime_ns, info.st_size, etag)
        return info.st_size, etag


def _parse_range(header: str, size: int) -> tuple[int, int] | str | None:
    """(start, end) inclusive, "unsatisfiable", or None to ignore the header (bad syntax, several ranges)."""
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    first, dash, last = spec.strip().partition("-")
    if not dash or not (first.isdigit() or last.isdigit()):
        return None
    if not first:  # suffix range: the last N bytes
        count = int(last)
        return (max(0, size - count), size - 1) if count > 0 and size > 0 else "unsatisfiable"
    if last and not last.isdigit():
        return None
    start = int(first)
    end = int(last) if last else size - 1
    if last and end < start:
        return None
    if start >= size:
        return "unsatisfiable"
    return start, min(end, size - 1)


def file_md5(path: os.PathLike) -> str:
    digest = hashlib.md5()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
