"""A large file fetched as byte ranges over several connections.

When a GET file is larger than Downloader.segment_threshold and its server honours Range, it is split into
`segments` ranges fetched in parallel, each written in place at its offset in a pre-sized '<final>.part' through its
own file handle (nothing is held in memory). '<final>.part.ranges' (JSON: the file's size, its ETag, and for each
range its first byte, its end and how many of its bytes are on disk) is written after the bytes it counts, so a
dropped connection or a later run continues each range where it stopped without fetching again what is on disk.
The caller (download.py) verifies the whole file, removes the sidecar and renames the part into place.
"""

import concurrent.futures as cf
import contextlib
import http.client
import json
import os
import threading
import time
from typing import List, Optional, Tuple

from .download_request import (
    DROPPED,
    Dropped,
    Refused,
    Restart,
    answer_error,
    chunks,
    content_range,
    gave_up_error,
    is_identity,
    log,
    retry_delay,
    send,
    strong_etag,
)
from .download_run import DownloadRun, wait_all
from .safe_paths import NO_SPACE_ERRNOS, discard, disk_full_error

SIDECAR_SUFFIX = ".ranges"
_VERSION = 1
_SAVE_INTERVAL = 0.5  # seconds between two saves of the sidecar while bytes arrive


def split(size: int, segments: int) -> List[List[int]]:
    """`segments` ranges of (nearly) equal length covering `size` bytes: [first byte, end (exclusive), done]."""
    count = max(1, min(int(segments), size))
    bounds = [size * i // count for i in range(count + 1)]
    return [[bounds[i], bounds[i + 1], 0] for i in range(count)]


def first_range_end(size: int, segments: int) -> int:
    """The end (exclusive) of the first range of a file of `size` bytes: what a probing request asks for."""
    return split(size, segments)[0][1]


def forget(part: str) -> None:
    """Remove the sidecar of `part` (and its temporary twin), if any."""
    discard(part + SIDECAR_SUFFIX + ".tmp")
    discard(part + SIDECAR_SUFFIX)


class RangeState:
    """The ranges of one '.part' and how many bytes of each are on disk; saved as '<part>.ranges'."""

    def __init__(self, part: str, size: int, ranges: List[List[int]], etag: str = ""):
        self.part = part
        self.path = part + SIDECAR_SUFFIX
        self.size = size
        self.etag = etag
        self._ranges = ranges
        self._lock = threading.Lock()
        self._saved = 0.0

    @classmethod
    def create(cls, part: str, size: int, segments: int, etag: str = "") -> "RangeState":
        """A fresh state: the sidecar first, then the part sized (sparse) to the whole file, so that a sized part is
        never left without the sidecar that says which of its bytes are real."""
        state = cls(part, size, split(size, segments), etag)
        state.save()
        with open(part, "wb") as handle:
            handle.truncate(size)
        return state

    @classmethod
    def load(cls, part: str, size: Optional[int] = None) -> Optional["RangeState"]:
        """The state an earlier ranged run left for `part`, or None. A sidecar that does not describe the part on
        disk (or a file of another size than `size`) is removed with its part: their bytes cannot be trusted."""
        if not os.path.exists(part + SIDECAR_SUFFIX):
            return None
        try:
            with open(part + SIDECAR_SUFFIX, encoding="utf-8") as handle:
                data = json.load(handle)
            state = cls(part, int(data["size"]), [[int(s), int(e), int(d)] for s, e, d in data["ranges"]],
                        str(data.get("etag") or ""))
            valid = data.get("version") == _VERSION and state._describes_part(size)
        except (OSError, ValueError, KeyError, TypeError):
            valid = False
        if not valid:
            log.info("the ranges of %s cannot be resumed; downloading it again", os.path.basename(part))
            discard(part)
            forget(part)
            return None
        return state

    @staticmethod
    def missing_bytes(part: str) -> Optional[int]:
        """Bytes still to fetch according to the sidecar of `part`; None without a readable sidecar."""
        try:
            with open(part + SIDECAR_SUFFIX, encoding="utf-8") as handle:
                data = json.load(handle)
            return sum(int(e) - int(s) - int(d) for s, e, d in data["ranges"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _describes_part(self, size: Optional[int]) -> bool:
        if size is not None and size != self.size:
            return False
        if os.path.getsize(self.part) != self.size:
            return False
        position = 0
        for start, end, done in self._ranges:
            if start != position or end <= start or not 0 <= done <= end - start:
                return False
            position = end
        return position == self.size

    def pending(self) -> List[int]:
        with self._lock:
            return [i for i, (start, end, done) in enumerate(self._ranges) if start + done < end]

    def position(self, index: int) -> Tuple[int, int]:
        """(next byte to fetch, end) of a range."""
        with self._lock:
            start, end, done = self._ranges[index]
            return start + done, end

    def done_bytes(self) -> int:
        with self._lock:
            return sum(done for _, _, done in self._ranges)

    def advance(self, index: int, count: int, report) -> None:
        """`count` more bytes of a range are on disk: `report(bytes of the file on disk)`, in order across the
        connections (so progress never goes back). Saved now and then."""
        with self._lock:
            self._ranges[index][2] += count
            report(sum(done for _, _, done in self._ranges))
            if time.monotonic() - self._saved >= _SAVE_INTERVAL:
                self._write()

    def save(self) -> None:
        with self._lock:
            self._write()

    def _write(self) -> None:
        temporary = self.path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump({"version": _VERSION, "size": self.size, "etag": self.etag, "ranges": self._ranges}, handle)
        os.replace(temporary, self.path)
        self._saved = time.monotonic()


def fetch_ranges(downloader, run: DownloadRun, index: int, link, state: RangeState, first=None) -> int:
    """Fetch every missing byte of `state` into its part over parallel connections; returns the file's size.

    `first`: an answer already open whose body starts at the first range's first byte (the probe that showed the
    server honours Range), read by the first range instead of asking again."""
    pending = state.pending()
    run.tally.set_bytes(index, state.done_bytes())
    if not pending:
        return state.size
    ranges = run.child()  # one failed range stops the others, not the other files
    try:
        with cf.ThreadPoolExecutor(max_workers=min(len(pending), downloader.segments),
                                   thread_name_prefix="eo-range") as pool:
            # The first range uses the file's own connection (the worker's); the others take extra ones.
            futures = [pool.submit(_fetch_range, downloader, ranges, index, link, state, i,
                                   first if i == 0 else None, i != pending[0]) for i in pending]
            error = wait_all(ranges, futures)
    finally:
        state.save()
    if error is not None:
        raise error
    run.check()
    return state.size


def _fetch_range(downloader, run: DownloadRun, index: int, link, state: RangeState, number: int, first,
                 extra: bool) -> None:
    """One range, resumed where it stopped after each drop (max_attempts in all); a refusal asks for a fresh link.
    `extra`: the range needs one of the run's extra connections."""
    attempts = 0
    while True:
        position, end = state.position(number)
        if position >= end:
            return
        run.check()
        try:
            with run.extra_connection() if extra else contextlib.nullcontext():
                entry, version = link.current()
                response = first if first is not None else send(downloader.session, entry, run.quiet,
                                                                {"Range": f"bytes={position}-{end - 1}"})
                handed, first = first is not None, None
                with response:
                    if not handed:
                        _check_answer(downloader.session, response, state, position, version, entry.relative_path)
                    dropped = _copy(downloader, run, index, response, state, number, entry.relative_path)
        except Refused as refused:
            link.refused(refused)
            continue
        position, end = state.position(number)
        if dropped is None and position < end:  # the body ended before the range did
            dropped = http.client.IncompleteRead(b"", end - position)
        if dropped is None:
            return
        attempts += 1
        if attempts >= downloader.max_attempts:
            raise gave_up_error(entry.relative_path, Dropped(dropped), downloader.max_attempts) from None
        log.info("connection dropped while downloading %s (range %d, attempt %d of %d); resuming",
                 entry.relative_path, number + 1, attempts, downloader.max_attempts)
        run.pause(retry_delay(downloader.retry_delay, attempts))


def _check_answer(session, response, state: RangeState, position: int, version: int, name: str) -> None:
    """The answer must be the asked range of the same file; else Refused (401/403) or Restart (whole, again)."""
    status = response.status_code
    if status in (401, 403):
        raise Refused(status, version)
    if status in (200, 416):
        raise Restart(f"HTTP {status} to a range request")
    if status != 206:
        raise answer_error(session, response, name)
    got = content_range(response)
    if got is None or got[0] != position or got[2] != state.size or not is_identity(response):
        raise Restart(f"the answer is not the range from byte {position} of a {state.size}-byte file")
    etag = strong_etag(response)
    if state.etag and etag and etag != state.etag:
        raise Restart("the file changed on the server")


def _copy(downloader, run: DownloadRun, index: int, response, state: RangeState, number: int, name: str):
    """Write the body at the range's place in the part, up to the range's end; returns the read error that ended
    it early, or None."""
    position, end = state.position(number)
    body = chunks(response, downloader.chunk_size)

    def report(on_disk):
        run.tally.set_bytes(index, on_disk)
    try:
        with open(state.part, "r+b", buffering=0) as sink:  # unbuffered: counted bytes are the OS's already
            sink.seek(position)
            while position < end:
                try:
                    chunk = next(body)
                except StopIteration:
                    return None
                except DROPPED as exc:
                    return exc
                run.check()
                if len(chunk) > end - position:
                    chunk = chunk[:end - position]  # a server sending past the range: the rest is not ours
                _write_all(sink, chunk)
                position += len(chunk)
                state.advance(number, len(chunk), report)
    except OSError as exc:
        if exc.errno in NO_SPACE_ERRNOS:
            raise disk_full_error(exc, name) from exc
        raise
    return None


def _write_all(sink, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[sink.write(view):]
