"""The one downloader every platform uses.

A download plan (list of DownloadEntry) is executed by a bounded pool of threads. Each file is streamed to
'<final>.part', resumed with a Range request after a dropped connection or an earlier run, verified (size,
checksum) and only then renamed to its final name: a cancelled or failed file never appears as complete.
URLs (presigned signatures) and headers (tokens) are never logged: files are named by their relative path.
Checksums are read and computed in checksum.py; what the workers of one call share is in download_run.py.
"""

import concurrent.futures as cf
import dataclasses
import http.client
import os
import re
from typing import Callable, List, Optional

import requests
import urllib3

from .checksum import file_hexdigest, parse_checksum
from .download_run import DownloadRun, ProgressTally, Stopped
from .errors import (
    Cancelled,
    EOError,
    IntegrityError,
    InvalidInput,
    LinkExpired,
    NetworkError,
    ProtocolError,
    SessionExpired,
)
from .i18n import tr
from .log import get_logger, redact
from .models import DownloadEntry
from .progress import Progress
from .safe_paths import NO_SPACE_ERRNOS, discard, disk_full_error, ensure_free_space, human_size, safe_join

__all__ = ["Downloader", "ensure_free_space", "human_size", "parse_checksum"]

log = get_logger("download")

MAX_REFRESHES = 2
MAX_RETRY_DELAY = 30.0
# What a connection dropped in the middle of a body looks like, depending on where it broke.
_DROPPED = (
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


def _redact(text: str) -> str:
    """Drop query strings (presigned signatures) and known secrets from a text bound for the log."""
    return redact(re.sub(r"\?[^\s'\")>]*", "?…", text))


def _part_size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0



def _delay(base: float, attempt: int) -> float:
    return min(base * 2 ** (attempt - 1), MAX_RETRY_DELAY)


def _unexpected_error(exc: Exception, name: str) -> EOError:
    details = _redact(f"{name}: {type(exc).__name__}: {exc}")
    log.warning("download of %s failed: %s", name, details)
    if isinstance(exc, OSError) and exc.errno in NO_SPACE_ERRNOS:
        return disk_full_error(exc, name)
    if isinstance(exc, OSError) and exc.filename and not isinstance(exc, requests.RequestException):
        return EOError(tr("{name} cannot be written to the output folder ({reason}); choose another folder, then "
                          "resume.", name=name, reason=exc.strerror or type(exc).__name__), details=details)
    return EOError(tr("Downloading {name} failed unexpectedly; run the download again to resume it.", name=name),
                   details=details)


class _Refused(Exception):
    def __init__(self, status):
        super().__init__(status)
        self.status = status


class _Dropped(Exception):
    def __init__(self, cause):
        super().__init__(type(cause).__name__)
        self.cause = cause


class _Restart(Exception):
    """The part on disk cannot be continued: start the file again from zero."""


class Downloader:
    """Runs download plans: parallel, streamed, resumable, verified, renamed into place when complete."""

    def __init__(self, session, *, workers: int = 8, chunk_size: int = 256 * 1024, max_attempts: int = 5,
                 retry_delay: float = 0.5, head_first: bool = False):
        self.session = session
        # Some servers (Terrascope) are asked with HEAD before each GET, as their own client does: an unauthorised
        # or mis-sized file is then refused before its body is sent.
        self.head_first = head_first
        self.workers = max(1, int(workers))
        self.chunk_size = int(chunk_size)
        self.max_attempts = max(1, int(max_attempts))
        self.retry_delay = retry_delay

    def download(self, plan: List[DownloadEntry], target_dir: str, progress: Progress, *,
                 refresh: Optional[Callable[[DownloadEntry], DownloadEntry]] = None) -> List[str]:
        """Download every entry under `target_dir`; return the absolute final paths in plan order.

        Files already complete are skipped and '.part' files are resumed, so running a plan again resumes it.
        `refresh(entry)` gives a fresh url/headers for an entry refused with 401/403 (at most twice per file).
        """
        target_dir = os.path.abspath(target_dir)
        destinations = [safe_join(target_dir, entry.relative_path) for entry in plan]
        self._refuse_duplicates(plan, destinations)
        if not plan:
            return []
        progress.check()
        try:
            os.makedirs(target_dir, exist_ok=True)
        except OSError as exc:
            raise _unexpected_error(exc, target_dir) from exc
        if all(entry.size is not None for entry in plan):
            ensure_free_space(target_dir, self._bytes_still_needed(plan, destinations))
        tally = ProgressTally(progress, [entry.size for entry in plan])
        job = DownloadRun(progress, refresh, tally)
        with cf.ThreadPoolExecutor(max_workers=min(self.workers, len(plan)),
                                   thread_name_prefix="eo-download") as pool:
            futures = [pool.submit(self._run_one, job, index, entry, destination)
                       for index, (entry, destination) in enumerate(zip(plan, destinations))]
            error = self._wait(job, futures)
        if error is not None:
            raise error
        tally.finish()
        return destinations

    # -- job level

    @staticmethod
    def _refuse_duplicates(plan, destinations) -> None:
        seen = set()
        for entry, destination in zip(plan, destinations):
            key = os.path.normcase(destination)
            if key in seen:
                raise InvalidInput(tr("Two files of this download would be written to the same place ({name}); "
                                      "nothing was downloaded.", name=entry.relative_path),
                                   details=f"duplicate destination {entry.relative_path}")
            seen.add(key)

    @staticmethod
    def _bytes_still_needed(plan, destinations) -> int:
        needed = 0
        for entry, destination in zip(plan, destinations):
            if os.path.isfile(destination) and os.path.getsize(destination) == entry.size:
                continue
            part = _part_size(destination + ".part")
            needed += entry.size - part if part <= entry.size else entry.size
        return needed

    @staticmethod
    def _wait(job: DownloadRun, futures) -> Optional[BaseException]:
        """Wait for every worker; on the first error (or a cancel) stop the others. Returns that error."""
        pending, error = set(futures), None
        while pending:
            done, pending = cf.wait(pending, timeout=0.1, return_when=cf.FIRST_EXCEPTION)
            for future in done:
                failure = None if future.cancelled() else future.exception()
                if error is None and failure is not None and not isinstance(failure, Stopped):
                    error = failure
            if error is None and job.progress.cancelled():
                error = Cancelled()
            if error is not None and not job.stop.is_set():
                job.stop.set()
                for future in pending:
                    future.cancel()
        return error

    def _run_one(self, job: DownloadRun, index: int, entry: DownloadEntry, destination: str) -> str:
        try:
            return self._fetch(job, index, entry, destination)
        except (EOError, Stopped):
            raise
        except Exception as exc:  # never a raw traceback for the user; the log keeps what happened
            raise _unexpected_error(exc, entry.relative_path) from exc

    # -- file level

    def _fetch(self, job: DownloadRun, index: int, entry: DownloadEntry, destination: str) -> str:
        name = entry.relative_path
        job.check()
        if os.path.isfile(destination):
            if self._mismatch(job, destination, entry, None) is None:
                log.debug("already complete, skipped: %s", name)
                job.tally.file_done(index, os.path.getsize(destination))
                return destination
            log.info("existing %s does not match the catalogue; downloading it again", name)
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        part = destination + ".part"
        attempts = refreshes = 0
        restarted = headed = False
        while True:
            job.check()
            offset = _part_size(part)
            if entry.size is not None and offset > entry.size:
                discard(part)  # longer than the file: a leftover of something else
                offset = 0
            job.tally.set_bytes(index, offset)
            try:
                if self.head_first and not headed:
                    self._head(job, entry)
                    headed = True
                if entry.size is not None and 0 < offset == entry.size:
                    total = entry.size  # nothing left to fetch: only verify
                else:
                    total = self._transfer(job, index, entry, part, offset)
            except _Refused as refused:
                if job.refresh is None or refreshes >= MAX_REFRESHES:
                    raise self._refused_error(refused.status, name) from None
                refreshes += 1
                log.info("%s refused with HTTP %s; asking for a fresh link", name, refused.status)
                entry = self._refreshed(job, entry)
                headed = False
                continue
            except (_Dropped, _Restart) as problem:
                attempts += 1
                if isinstance(problem, _Restart):
                    log.info("cannot resume %s (%s); starting it again", name, problem)
                    discard(part)
                if attempts >= self.max_attempts:
                    raise self._gave_up_error(name, problem) from None
                if isinstance(problem, _Dropped):
                    log.info("connection dropped while downloading %s (attempt %d of %d); resuming",
                             name, attempts, self.max_attempts)
                job.pause(_delay(self.retry_delay, attempts))
                continue
            problem = self._mismatch(job, part, entry, total)
            if problem is not None:
                discard(part)
                if offset > 0 and not restarted:  # an old part's beginning may be the culprit: one clean try
                    restarted = True
                    log.info("%s did not verify after resuming (%s); downloading it again", name, problem)
                    continue
                raise IntegrityError(tr("The downloaded file {name} does not match its expected size or checksum; "
                                        "it was discarded.", name=name), details=f"{name}: {problem}")
            job.check()
            os.replace(part, destination)
            job.tally.file_done(index, os.path.getsize(destination))
            log.debug("downloaded %s", name)
            return destination

    def _transfer(self, job: DownloadRun, index: int, entry: DownloadEntry, part: str, offset: int) -> Optional[int]:
        """One request: stream the body into `part` from `offset`. Returns the file's total size if known."""
        name = entry.relative_path
        headers = dict(entry.headers or {})
        # The bytes on disk must be the file's bytes, so that a Range request continues them (curl does the same).
        headers.setdefault("Accept-Encoding", "identity")
        if offset:
            headers["Range"] = f"bytes={offset}-"
        response = self.session.request("GET", entry.url, headers=headers, stream=True, progress=job.quiet)
        with response:
            status = response.status_code
            if status in (401, 403):
                raise _Refused(status)
            if status == 416:
                match = _UNSATISFIED_RANGE.match(response.headers.get("Content-Range", ""))
                total = int(match.group(1)) if match else None
                if offset and total in (None, offset):
                    return total  # the part already holds the whole file: verification decides
                raise _Restart(f"HTTP 416 for a {offset}-byte part of a {total}-byte file")
            if status == 206:
                match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
                if not match or int(match.group(1)) != offset:
                    raise _Restart(f"answer does not start at byte {offset}")
                total = None if match.group(3) == "*" else int(match.group(3))
            elif status == 200:
                offset, total = 0, None  # the server ignored the Range: start over
            else:
                self.session.raise_for_status(response)
                raise ProtocolError(tr("The server answered the download of {name} in a way EO Connector does not "
                                       "understand.", name=name), details=f"{name}: HTTP {status}")
            length = self._plain_length(response)
            if total is None and status == 200:
                total = length
            if total is not None and entry.size is not None and total != entry.size:
                raise IntegrityError(tr("The server announces a different size for {name} than the catalogue; "
                                        "it was not downloaded.", name=name),
                                     details=f"{name}: server {total} bytes, catalogue {entry.size} bytes")
            written, dropped = self._copy_body(job, index, response, part, offset)
        if dropped is not None:
            raise _Dropped(dropped)
        if length is not None and written < length:
            raise _Dropped(http.client.IncompleteRead(b"", length - written))
        return total

    def _head(self, job: DownloadRun, entry: DownloadEntry) -> None:
        """HEAD the file: refused -> _Refused (a refresh may help); its length must match the catalogue's."""
        name = entry.relative_path
        response = self.session.request("HEAD", entry.url, headers=dict(entry.headers or {}), progress=job.quiet)
        with response:
            if response.status_code in (401, 403):
                raise _Refused(response.status_code)
            self.session.raise_for_status(response)
            length = self._plain_length(response)
        if length is not None and entry.size is not None and length != entry.size:
            raise IntegrityError(tr("The server announces a different size for {name} than the catalogue; "
                                    "it was not downloaded.", name=name),
                                 details=f"{name}: HEAD {length} bytes, catalogue {entry.size} bytes")

    @staticmethod
    def _plain_length(response) -> Optional[int]:
        """Content-Length, when it counts the bytes we write (not a compressed transfer)."""
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        value = response.headers.get("Content-Length")
        if encoding not in ("", "identity") or not value or not value.strip().isdigit():
            return None
        return int(value)

    def _copy_body(self, job: DownloadRun, index: int, response, part: str, offset: int):
        """Append the body to `part`; returns (bytes written, the read error that ended it early or None)."""
        written, dropped = 0, None
        chunks = self._chunks(response)
        try:
            with open(part, "ab" if offset else "wb") as sink:
                while True:
                    try:
                        chunk = next(chunks)
                    except StopIteration:
                        break
                    except _DROPPED as exc:
                        dropped = exc
                        break
                    job.check()
                    sink.write(chunk)
                    written += len(chunk)
                    job.tally.set_bytes(index, offset + written)
        except OSError as exc:
            if exc.errno in NO_SPACE_ERRNOS:
                raise disk_full_error(exc, os.path.basename(part[: -len(".part")])) from exc
            raise
        return written, dropped

    def _chunks(self, response):
        """The body's bytes as they arrive, up to the last byte received before a drop.

        Read from the raw stream without decoding: urllib3 2 buffers a decoded read until the whole chunk is in, so
        the bytes received before a dropped connection would be lost and could not be resumed. A body sent
        compressed anyway (despite Accept-Encoding: identity) is decoded by requests."""
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        raw = getattr(response, "raw", None)
        if encoding not in ("", "identity") or raw is None or not hasattr(raw, "read"):
            yield from response.iter_content(self.chunk_size)
            return
        while True:
            chunk = raw.read(self.chunk_size, decode_content=False)
            if not chunk:
                return
            yield chunk

    @staticmethod
    def _mismatch(job: DownloadRun, path: str, entry: DownloadEntry, total: Optional[int]) -> Optional[str]:
        """Why `path` is not the expected file, or None when it matches all that is known."""
        size = os.path.getsize(path)
        if entry.size is not None and size != entry.size:
            return f"size {size} bytes, expected {entry.size}"
        if total is not None and size != total:
            return f"size {size} bytes, server announced {total}"
        checksum = parse_checksum(entry.checksum)
        if checksum is None:
            if entry.checksum:
                log.warning("unknown checksum form for %s; not verified", entry.relative_path)
            return None
        algorithm, expected = checksum
        actual = file_hexdigest(path, algorithm, job.check)
        return None if actual == expected else f"{algorithm} {actual}, expected {expected}"

    @staticmethod
    def _refreshed(job: DownloadRun, entry: DownloadEntry) -> DownloadEntry:
        fresh = job.refresh(entry)
        if fresh is None or not getattr(fresh, "url", None):
            return entry
        # Same file, same place: only the link and its headers change.
        return dataclasses.replace(
            entry, url=fresh.url, headers=dict(fresh.headers or {}),
            size=entry.size if fresh.size is None else fresh.size,
            checksum=fresh.checksum or entry.checksum)

    @staticmethod
    def _refused_error(status: int, name: str) -> EOError:
        if status == 401:
            return SessionExpired(tr("The server refused {name}: your session has expired, sign in again.",
                                     name=name), details=f"{name}: HTTP 401")
        return LinkExpired(tr("The download link of {name} has expired or was refused; search again to get fresh "
                              "links, then resume the download.", name=name), details=f"{name}: HTTP 403")

    def _gave_up_error(self, name: str, problem: Exception) -> EOError:
        cause = problem.cause if isinstance(problem, _Dropped) else problem
        details = _redact(f"{name}: {self.max_attempts} attempts; last: {type(cause).__name__}: {cause}")
        log.warning("giving up on %s: %s", name, details)
        if isinstance(problem, _Restart):
            return ProtocolError(tr("The server cannot resume the download of {name}; try again later.", name=name),
                                 details=details)
        return NetworkError(tr("The connection kept dropping while downloading {name}; run the download again to "
                               "resume it.", name=name), details=details)
