"""One HTTP exchange of a download, shared by the whole-file path (download.py) and the ranged one
(ranged_download.py): the request an entry describes, its body read raw as it arrives, what an answer says about
ranges, the one refresh of an entry shared by the connections fetching it, and the sentences a user reads.

URLs (presigned signatures), headers (tokens) and bodies are never logged: a file is named by its relative path.
"""

import dataclasses
import http.client
import re
import threading
from typing import Optional, Tuple

import requests
import urllib3

from .errors import EOError, LinkExpired, NetworkError, ProtocolError, SessionExpired
from .i18n import tr
from .log import get_logger, redact
from .models import DownloadEntry
from .safe_paths import NO_SPACE_ERRNOS, disk_full_error

log = get_logger("download")

MAX_REFRESHES = 2
MAX_RETRY_DELAY = 30.0
# What a connection dropped in the middle of a body looks like, depending on where it broke.
DROPPED = (
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ConnectionError,
    requests.exceptions.Timeout,
    urllib3.exceptions.ProtocolError,
    urllib3.exceptions.ReadTimeoutError,
    http.client.IncompleteRead,
    ConnectionError,
    TimeoutError,
)
_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", re.IGNORECASE)
_UNSATISFIED_RANGE = re.compile(r"^\s*bytes\s+\*/(\d+)\s*$", re.IGNORECASE)


class Refused(Exception):
    """401/403: a fresh link or token may help. `version` is the EntryLink version the request was sent with."""

    def __init__(self, status: int, version: int = 0):
        super().__init__(status)
        self.status = status
        self.version = version


class Dropped(Exception):
    """The connection broke before the whole body arrived; what did arrive is on disk."""

    def __init__(self, cause):
        super().__init__(type(cause).__name__)
        self.cause = cause


class Restart(Exception):
    """What is on disk cannot be continued: start the file again from zero (whole, not in ranges)."""


def redact_text(text: str) -> str:
    """Drop query strings (presigned signatures) and known secrets from a text bound for the log."""
    return redact(re.sub(r"\?[^\s'\")>]*", "?…", text))


def retry_delay(base: float, attempt: int) -> float:
    return min(base * 2 ** (attempt - 1), MAX_RETRY_DELAY)


def send(session, entry: DownloadEntry, progress, extra_headers=None):
    """Send the entry's request (method, body, headers) streamed; the response whatever its status."""
    headers = dict(entry.headers or {})
    # The bytes on disk must be the file's bytes, so that a Range request continues them (curl does the same).
    headers.setdefault("Accept-Encoding", "identity")
    headers.update(extra_headers or {})
    body = {}
    if isinstance(entry.body, bytes):
        body["data"] = entry.body
    elif entry.body is not None:
        body["json"] = entry.body
    return session.request(entry.method, entry.url, headers=headers, stream=True, progress=progress,
                           idempotent=entry.idempotent, **body)


def plain_length(response) -> Optional[int]:
    """Content-Length, when it counts the bytes we write (not a compressed transfer)."""
    value = response.headers.get("Content-Length")
    if not is_identity(response) or not value or not value.strip().isdigit():
        return None
    return int(value)


def is_identity(response) -> bool:
    return response.headers.get("Content-Encoding", "identity").strip().lower() in ("", "identity")


def accepts_ranges(response) -> bool:
    return "bytes" in response.headers.get("Accept-Ranges", "").lower()


def content_range(response) -> Optional[Tuple[int, int, Optional[int]]]:
    """(first byte, last byte, total or None) of a 206 answer; None when absent or unreadable."""
    match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
    if not match:
        return None
    return int(match.group(1)), int(match.group(2)), None if match.group(3) == "*" else int(match.group(3))


def unsatisfied_total(response) -> Optional[int]:
    """The file's size a 416 answer gives ('bytes */<size>'), or None."""
    match = _UNSATISFIED_RANGE.match(response.headers.get("Content-Range", ""))
    return int(match.group(1)) if match else None


def strong_etag(response) -> str:
    """The ETag when it identifies the bytes exactly (a weak W/ one does not), else ""."""
    etag = response.headers.get("ETag", "").strip()
    return "" if etag.startswith("W/") else etag


def chunks(response, size: int):
    """The body's bytes as they arrive, up to the last byte received before a drop.

    Read from the raw stream without decoding: urllib3 2 buffers a decoded read until the whole chunk is in, so
    the bytes received before a dropped connection would be lost and could not be resumed. A body sent
    compressed anyway (despite Accept-Encoding: identity) is decoded by requests."""
    raw = getattr(response, "raw", None)
    if not is_identity(response) or raw is None or not hasattr(raw, "read"):
        yield from response.iter_content(size)
        return
    while True:
        chunk = raw.read(size, decode_content=False)
        if not chunk:
            return
        yield chunk


class EntryLink:
    """The current request of one file, shared by every connection fetching it: after a refusal, one refresh for
    all of them (at most MAX_REFRESHES per file), asked of the entry's own `refresh` or else the download's."""

    def __init__(self, entry: DownloadEntry, refresh=None):
        self._entry = entry
        self._refresh = entry.refresh or refresh
        self._version = self._refreshes = 0
        self._lock = threading.Lock()

    def current(self) -> Tuple[DownloadEntry, int]:
        with self._lock:
            return self._entry, self._version

    def refused(self, refusal: Refused) -> None:
        """Get a fresh link after `refusal`, unless another connection already did; the user's error when no
        refresh is possible any more."""
        with self._lock:
            name = self._entry.relative_path
            if refusal.version != self._version:
                return  # refused with an older link: the fresh one is already here
            if self._refresh is None or self._refreshes >= MAX_REFRESHES:
                raise refused_error(refusal.status, name) from None
            self._refreshes += 1
            log.info("%s refused with HTTP %s; asking for a fresh link", name, refusal.status)
            self._entry = refreshed(self._entry, self._refresh(self._entry))
            self._version += 1


def refreshed(entry: DownloadEntry, fresh) -> DownloadEntry:
    """`entry` with what a refresher gave: the same file in the same place, with a new url and headers; a new
    request (method, body) only when the refresher gave one (a body, or a method other than GET)."""
    if fresh is None or not getattr(fresh, "url", None):
        return entry
    new_request = getattr(fresh, "body", None) is not None or getattr(fresh, "method", "GET") != "GET"
    return dataclasses.replace(
        entry, url=fresh.url, headers=dict(fresh.headers or {}),
        size=entry.size if fresh.size is None else fresh.size,
        checksum=fresh.checksum or entry.checksum,
        method=fresh.method if new_request else entry.method,
        body=fresh.body if new_request else entry.body,
        idempotent=fresh.idempotent if new_request else entry.idempotent)


def refused_error(status: int, name: str) -> EOError:
    if status == 401:
        return SessionExpired(tr("The server refused {name}: your session has expired, sign in again.",
                                 name=name), details=f"{name}: HTTP 401")
    return LinkExpired(tr("The download link of {name} has expired or was refused; search again to get fresh "
                          "links, then resume the download.", name=name), details=f"{name}: HTTP 403")


def gave_up_error(name: str, problem: Exception, attempts: int) -> EOError:
    cause = problem.cause if isinstance(problem, Dropped) else problem
    details = redact_text(f"{name}: {attempts} attempts; last: {type(cause).__name__}: {cause}")
    log.warning("giving up on %s: %s", name, details)
    if isinstance(problem, Restart):
        return ProtocolError(tr("The server cannot resume the download of {name}; try again later.", name=name),
                             details=details)
    return NetworkError(tr("The connection kept dropping while downloading {name}; run the download again to "
                           "resume it.", name=name), details=details)


def unexpected_error(exc: Exception, name: str) -> EOError:
    details = redact_text(f"{name}: {type(exc).__name__}: {exc}")
    log.warning("download of %s failed: %s", name, details)
    if isinstance(exc, OSError) and exc.errno in NO_SPACE_ERRNOS:
        return disk_full_error(exc, name)
    if isinstance(exc, OSError) and exc.filename and not isinstance(exc, requests.RequestException):
        return EOError(tr("{name} cannot be written to the output folder ({reason}); choose another folder, then "
                          "resume.", name=name, reason=exc.strerror or type(exc).__name__), details=details)
    return EOError(tr("Downloading {name} failed unexpectedly; run the download again to resume it.", name=name),
                   details=details)


def answer_error(session, response, name: str) -> EOError:
    """The error for an answer a download cannot use (raise_for_status's for 4xx/5xx)."""
    session.raise_for_status(response)
    return ProtocolError(tr("The server answered the download of {name} in a way EO Connector does not "
                            "understand.", name=name), details=f"{name}: HTTP {response.status_code}")
