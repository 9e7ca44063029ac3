"""The one downloader every platform uses.

A download plan (list of DownloadEntry) is executed by a bounded pool of threads. Each file is the answer to its
entry's request (a GET by default; a POST with a JSON body, e.g. a pixel computation, goes the same way),
streamed to '<final>.part', verified (size, checksum) and only then renamed to its final name: a cancelled or failed
file never appears as complete. A GET is resumed with a Range request after a dropped connection or an earlier run;
any other request is sent again whole (when it is safe to repeat: DownloadEntry.idempotent). A large GET file whose
server honours Range is fetched as byte ranges over several connections (ranged_download.py).
URLs (presigned signatures), headers (tokens) and bodies are never logged: files are named by their relative path.
One request and its errors are in download_request.py; checksums in checksum.py; what the workers of one call
share in download_run.py.
"""

import concurrent.futures as cf
import http.client
import os
from typing import Callable, List, Optional

from .checksum import file_hexdigest, parse_checksum
from .download_request import (
    DROPPED,
    Dropped,
    EntryLink,
    Refused,
    Restart,
    accepts_ranges,
    answer_error,
    chunks,
    content_range,
    gave_up_error,
    is_identity,
    log,
    plain_length,
    retry_delay,
    send,
    strong_etag,
    unexpected_error,
    unsatisfied_total,
)
from .download_run import DownloadRun, ProgressTally, Stopped, wait_all
from .errors import EOError, IntegrityError, InvalidInput
from .i18n import tr
from .models import DownloadEntry
from .progress import Progress
from .ranged_download import RangeState, fetch_ranges, first_range_end, forget
from .safe_paths import NO_SPACE_ERRNOS, discard, disk_full_error, ensure_free_space, human_size, safe_join

__all__ = ["Downloader", "ensure_free_space", "human_size", "parse_checksum"]

SEGMENT_THRESHOLD = 64 * 1024 * 1024


def _part_size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _discard_part(part: str) -> None:
    discard(part)
    forget(part)


class Downloader:
    """Runs download plans: parallel, streamed, resumable, verified, renamed into place when complete.

    workers: files fetched at once. segments: connections for one large file (1: never in ranges);
    segment_threshold: a GET file larger than this many bytes whose server honours Range is fetched in ranges.
    """

    def __init__(self, session, *, workers: int = 8, chunk_size: int = 256 * 1024, max_attempts: int = 5,
                 retry_delay: float = 0.5, head_first: bool = False, segments: int = 4,
                 segment_threshold: int = SEGMENT_THRESHOLD):
        self.session = session
        # Some servers are asked with HEAD before each GET, as their own client does: an unauthorised
        # or mis-sized file is then refused before its body is sent.
        self.head_first = head_first
        self.workers = max(1, int(workers))
        self.chunk_size = int(chunk_size)
        self.max_attempts = max(1, int(max_attempts))
        self.retry_delay = retry_delay
        self.segments = max(1, int(segments))
        self.segment_threshold = max(0, int(segment_threshold))

    def download(self, plan: List[DownloadEntry], target_dir: str, progress: Progress, *,
                 refresh: Optional[Callable[[DownloadEntry], DownloadEntry]] = None) -> List[str]:
        """Download every entry under `target_dir`; return the absolute final paths in plan order.

        Files already complete are skipped and '.part' files are resumed, so running a plan again resumes it.
        When the server refuses an entry (401/403: an expired link or token), `refresh(entry)` (the entry's own
        `refresh` if it has one, else this one) gives the entry with a fresh url, headers or body; asked at most
        twice per file, once for all the connections of a file fetched in ranges.
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
            raise unexpected_error(exc, target_dir) from exc
        if all(entry.size is not None for entry in plan):
            ensure_free_space(target_dir, self._bytes_still_needed(plan, destinations))
        tally = ProgressTally(progress, [entry.size for entry in plan])
        job = DownloadRun(progress, refresh, tally, extra_connections=self.segments - 1)
        with cf.ThreadPoolExecutor(max_workers=min(self.workers, len(plan)),
                                   thread_name_prefix="eo-download") as pool:
            futures = [pool.submit(self._run_one, job, index, entry, destination)
                       for index, (entry, destination) in enumerate(zip(plan, destinations))]
            error = wait_all(job, futures)
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
            missing = RangeState.missing_bytes(destination + ".part")  # a ranged part is sparse: count its holes
            if missing is not None and 0 <= missing <= entry.size:
                needed += missing
                continue
            part = _part_size(destination + ".part")
            needed += entry.size - part if part <= entry.size else entry.size
        return needed

    def _run_one(self, job: DownloadRun, index: int, entry: DownloadEntry, destination: str) -> str:
        try:
            return self._fetch(job, index, entry, destination)
        except (EOError, Stopped):
            raise
        except Exception as exc:  # never a raw traceback for the user; the log keeps what happened
            raise unexpected_error(exc, entry.relative_path) from exc

    # -- file level

    def _fetch(self, job: DownloadRun, index: int, entry: DownloadEntry, destination: str) -> str:
        name = entry.relative_path
        job.check()
        if os.path.isfile(destination):
            size = os.path.getsize(destination)
            if self._mismatch(job, destination, entry, None, size) is None:
                log.debug("already complete, skipped: %s", name)
                job.tally.file_done(index, size)
                return destination
            log.info("existing %s does not match the catalogue; downloading it again", name)
        job.make_folder(os.path.dirname(destination))
        part = destination + ".part"
        link = EntryLink(entry, job.refresh)
        resumable = entry.method == "GET"  # only a GET continues with Range; any other request is sent again whole
        ranged = resumable and self.segments > 1
        attempts = 0
        restarted = headed = False
        head_size = None
        while True:
            job.check()
            entry, version = link.current()
            state = RangeState.load(part, entry.size) if resumable else None
            if not resumable:
                _discard_part(part)
            offset = 0 if state is not None else _part_size(part)
            if entry.size is not None and offset > entry.size:
                discard(part)  # longer than the file: a leftover of something else
                offset = 0
            resumed = state.done_bytes() if state is not None else offset
            job.tally.set_bytes(index, resumed)
            try:
                if self.head_first and not headed and resumable:
                    head_size = self._head(job, entry, version)
                    headed = True
                if state is not None:
                    total = fetch_ranges(self, job, index, link, state)
                elif entry.size is not None and 0 < offset == entry.size:
                    total = entry.size  # nothing left to fetch: only verify
                else:
                    total = self._transfer(job, index, link, part, offset, ranged, head_size)
            except Refused as refused:
                link.refused(refused)
                headed = False
                continue
            except (Dropped, Restart) as problem:
                attempts += 1
                if isinstance(problem, Restart):
                    log.info("cannot resume %s (%s); starting it again", name, problem)
                    _discard_part(part)
                    ranged = False  # whole, from zero: the server's ranges could not be trusted
                if attempts >= self.max_attempts or (isinstance(problem, Dropped) and not entry.idempotent):
                    raise gave_up_error(name, problem, attempts) from None
                if isinstance(problem, Dropped):
                    log.info("connection dropped while downloading %s (attempt %d of %d); %s", name, attempts,
                             self.max_attempts, "resuming" if resumable else "asking again")
                job.pause(retry_delay(self.retry_delay, attempts))
                continue
            size = os.path.getsize(part)
            problem = self._mismatch(job, part, entry, total, size)
            if problem is not None:
                _discard_part(part)
                if resumed > 0 and not restarted:  # an old part's bytes may be the culprit: one clean try
                    restarted = True
                    log.info("%s did not verify after resuming (%s); downloading it again", name, problem)
                    continue
                raise IntegrityError(tr("The downloaded file {name} does not match its expected size or checksum; "
                                        "it was discarded.", name=name), details=f"{name}: {problem}")
            job.check()
            forget(part)  # before the rename: a complete part without its sidecar is verified again, never lost
            os.replace(part, destination)
            job.tally.file_done(index, size)
            log.debug("downloaded %s", name)
            return destination

    def _transfer(self, job: DownloadRun, index: int, link: EntryLink, part: str, offset: int, ranged: bool,
                  head_size: Optional[int]) -> Optional[int]:
        """One request: stream the body into `part` from `offset`, or hand a large file over to the ranged path.
        Returns the file's total size if known."""
        entry, version = link.current()
        name = entry.relative_path
        size = entry.size if entry.size is not None else head_size
        headers = {}
        probe = ranged and offset == 0 and size is not None and size > self.segment_threshold
        if offset:
            headers["Range"] = f"bytes={offset}-"
        elif probe:  # the first range: a 206 shows the server honours Range, a 200 is the whole file
            headers["Range"] = f"bytes=0-{first_range_end(size, self.segments) - 1}"
        response = send(self.session, entry, job.quiet, headers)
        with response:
            status = response.status_code
            if status in (401, 403):
                raise Refused(status, version)
            if status == 416:
                total = unsatisfied_total(response)
                if offset and total in (None, offset):
                    return total  # the part already holds the whole file: verification decides
                raise Restart(f"HTTP 416 for a {offset}-byte part of a {total}-byte file")
            if status == 206:
                got = content_range(response)
                if got is None or got[0] != offset:
                    raise Restart(f"answer does not start at byte {offset}")
                total = got[2]
                if probe and (total != size or got[1] != int(headers["Range"].rsplit("-", 1)[1])
                              or not is_identity(response)):
                    raise Restart(f"the first range of a {size}-byte file was answered with another one")
            elif status == 200:
                offset, total = 0, None  # the server ignored the Range (or none was asked): from the start
            else:
                raise answer_error(self.session, response, name)
            length = plain_length(response)
            if total is None and status == 200:
                total = length
            if total is not None and entry.size is not None and total != entry.size:
                raise IntegrityError(tr("The server announces a different size for {name} than the catalogue; "
                                        "it was not downloaded.", name=name),
                                     details=f"{name}: server {total} bytes, catalogue {entry.size} bytes")
            if (probe and status == 206) or (ranged and status == 200 and not headers and length is not None
                                             and length > self.segment_threshold and accepts_ranges(response)):
                state = RangeState.create(part, total, self.segments, strong_etag(response))
                return fetch_ranges(self, job, index, link, state, first=response)
            written, dropped = self._copy_body(job, index, response, part, offset)
        if dropped is not None:
            raise Dropped(dropped)
        if length is not None and written < length:
            raise Dropped(http.client.IncompleteRead(b"", length - written))
        return total

    def _head(self, job: DownloadRun, entry: DownloadEntry, version: int) -> Optional[int]:
        """HEAD the file: refused -> Refused (a refresh may help); its length must match the catalogue's.
        Returns that length when the server gives it."""
        name = entry.relative_path
        response = self.session.request("HEAD", entry.url, headers=dict(entry.headers or {}), progress=job.quiet)
        with response:
            if response.status_code in (401, 403):
                raise Refused(response.status_code, version)
            self.session.raise_for_status(response)
            length = plain_length(response)
        if length is not None and entry.size is not None and length != entry.size:
            raise IntegrityError(tr("The server announces a different size for {name} than the catalogue; "
                                    "it was not downloaded.", name=name),
                                 details=f"{name}: HEAD {length} bytes, catalogue {entry.size} bytes")
        return length

    def _copy_body(self, job: DownloadRun, index: int, response, part: str, offset: int):
        """Append the body to `part`; returns (bytes written, the read error that ended it early or None)."""
        written, dropped = 0, None
        body = chunks(response, self.chunk_size)
        try:
            with open(part, "ab" if offset else "wb") as sink:
                while True:
                    try:
                        chunk = next(body)
                    except StopIteration:
                        break
                    except DROPPED as exc:
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

    @staticmethod
    def _mismatch(job: DownloadRun, path: str, entry: DownloadEntry, total: Optional[int],
                  size: int) -> Optional[str]:
        """Why `path` (of `size` bytes) is not the expected file, or None when it matches all that is known."""
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
