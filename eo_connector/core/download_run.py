"""What the worker threads of one Downloader.download() call share: the stop flag, the cancellable pause
between attempts and the overall progress tally.
"""

import contextlib
import os
import threading
import time

from .errors import Cancelled
from .i18n import tr
from .progress import Progress
from .safe_paths import human_size


class Stopped(Exception):
    """Another worker failed or the user cancelled: this worker stops quietly."""


class ProgressTally:
    """Overall progress: bytes when every size is known, else files; reported at most every `interval`."""

    def __init__(self, progress: Progress, sizes, interval=0.2):
        self._progress = progress
        self._count = len(sizes)
        self._total = sum(sizes) if sizes and all(s is not None for s in sizes) else 0
        self._bytes = [0] * len(sizes)
        self._sum = self._done = 0
        self._interval = interval
        self._last = 0.0
        self._lock = threading.Lock()

    def set_bytes(self, index: int, count: int) -> None:
        with self._lock:
            self._sum += count - self._bytes[index]
            self._bytes[index] = count
            self._report(force=False)

    def file_done(self, index: int, count: int) -> None:
        with self._lock:
            self._sum += count - self._bytes[index]
            self._bytes[index] = count
            self._done += 1
            self._report(force=True)

    def _report(self, force: bool) -> None:
        now = time.monotonic()
        if not force and now - self._last < self._interval:
            return
        self._last = now
        fraction = self._sum / self._total if self._total else self._done / max(self._count, 1)
        self._progress.report(fraction, tr("Downloading {done} of {count} files ({size})", done=self._done,
                                           count=self._count, size=human_size(self._sum)))

    def finish(self) -> None:
        with self._lock:
            self._progress.report(1.0, tr("Downloaded {count} files ({size})", count=self._count,
                                          size=human_size(self._sum)))


class DownloadRun:
    """What the workers of one download() call share. A child run (the connections fetching the ranges of one file)
    has its own stop flag and also stops with its parent.

    Each worker fetches a file over one connection; the other ranges of files fetched in ranges share
    `extra_connections` more, so that a run never opens more than workers + extra_connections at once."""

    def __init__(self, progress: Progress, refresh, tally: ProgressTally, parent=None, extra_connections: int = 0):
        self.progress = progress
        self.refresh = refresh
        self.tally = tally
        self.parent = parent
        self.stop = threading.Event()
        self.quiet = RunProgress(self)
        self._connections = (parent._connections if parent is not None
                             else threading.BoundedSemaphore(max(1, extra_connections)))
        self._folders = parent._folders if parent is not None else set()

    def make_folder(self, folder: str) -> None:
        """Create `folder` (and its parents) once per run: a tree's files share a few folders, and each call to the
        system is a moment a worker waits for Python's lock."""
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)

    @contextlib.contextmanager
    def extra_connection(self):
        """Hold one of the extra connections while a range is fetched; waits for a free one (or the run's stop)."""
        while not self._connections.acquire(timeout=0.1):
            self.check()
        try:
            yield
        finally:
            self._connections.release()

    def child(self) -> "DownloadRun":
        return DownloadRun(self.progress, self.refresh, self.tally, parent=self)

    def stopped(self) -> bool:
        return self.stop.is_set() or (self.parent is not None and self.parent.stopped())

    def check(self) -> None:
        if self.stopped():
            raise Stopped()
        self.progress.check()

    def pause(self, seconds: float) -> None:
        """Wait between attempts; wakes at once when the run stops, with Cancelled when the user cancels."""
        try:
            self.quiet.sleep(seconds)
        except Cancelled:
            self.check()  # Stopped when another worker failed: its error, not a cancel, is the one to report
            raise


class RunProgress(Progress):
    """Given to the HTTP session: its retry waits stop with the run, its reports are not ours to show."""

    def __init__(self, run: DownloadRun):
        super().__init__()
        self._run = run
        self._cancel_event = run.stop  # sleep() wakes as soon as the run stops

    def is_cancel_requested(self) -> bool:
        return self._run.stopped() or self._run.progress.cancelled()


def wait_all(run: DownloadRun, futures):
    """Wait for every future; on the first error (or a cancel) stop the others. Returns that error or None.
    Each future reports its end once (a callback): waiting on thousands of them in turn kept Python's lock busy."""
    lock, changed = threading.Lock(), threading.Event()
    state = {"left": len(futures), "error": None}

    def ended(future):
        failure = None if future.cancelled() else future.exception()
        with lock:
            state["left"] -= 1
            if state["error"] is None and failure is not None and not isinstance(failure, Stopped):
                state["error"] = failure
            if not state["left"] or state["error"] is not None:
                changed.set()

    if not futures:
        return None
    for future in futures:
        future.add_done_callback(ended)
    while True:
        changed.wait(0.1)
        cancelled = run.progress.cancelled()
        with lock:
            if state["error"] is None and cancelled:
                state["error"] = Cancelled()
            left, error = state["left"], state["error"]
        if error is not None and not run.stop.is_set():
            run.stop.set()
            for future in futures:
                future.cancel()
        if not left:
            return error
        if error is not None:
            changed.clear()  # now until the last one ends
