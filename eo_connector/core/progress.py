"""The one progress protocol every long operation speaks.

An operation receives a `Progress`, calls `report(fraction, message)` as it goes and `check()` (or asks
`cancelled()`) between steps. A QgsTask, a QgsProcessingFeedback and a console printer are thin adapters
over it (see eo_connector/tasks.py and eo_connector/processing/). Operations are written once.
"""

import threading
import time

from .errors import Cancelled


class Progress:
    """Base adapter: thread-safe, silent, never cancelled unless `cancel()` is called."""

    def __init__(self):
        self._cancel_event = threading.Event()

    # -- what adapters override
    def on_report(self, fraction: float, message: str) -> None:
        pass

    def is_cancel_requested(self) -> bool:
        return False

    # -- what operations call
    def report(self, fraction: float, message: str = "") -> None:
        self.on_report(min(1.0, max(0.0, float(fraction))), message)

    def cancelled(self) -> bool:
        return self._cancel_event.is_set() or self.is_cancel_requested()

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop."""
        if self.cancelled():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel_event.set()

    def sleep(self, seconds: float) -> None:
        """Wait, waking early (with Cancelled) if the user cancels."""
        deadline = time.monotonic() + seconds
        while True:
            self.check()
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self._cancel_event.wait(min(left, 0.1))

    def part(self, start: float, end: float) -> "Progress":
        """A child whose 0..1 maps onto start..end of this one (for one stage of a longer job)."""
        return _Part(self, start, end)


class _Part(Progress):
    def __init__(self, parent: Progress, start: float, end: float):
        super().__init__()
        self._parent, self._start, self._end = parent, start, end
        self._cancel_event = parent._cancel_event

    def on_report(self, fraction, message):
        self._parent.report(self._start + (self._end - self._start) * fraction, message)

    def is_cancel_requested(self):
        return self._parent.cancelled()


class PrintProgress(Progress):
    """Console adapter: prints a line when the message changes or every 10 %."""

    def __init__(self, write=print):
        super().__init__()
        self._write = write
        self._last = (-1, None)

    def on_report(self, fraction, message):
        step = int(fraction * 10)
        if (step, message) != self._last:
            self._last = (step, message)
            self._write(f"{fraction * 100:5.1f}%  {message}")


class RecordingProgress(Progress):
    """Keeps every report; for tests and for callers that poll the latest state."""

    def __init__(self):
        super().__init__()
        self.reports = []
        self._lock = threading.Lock()

    def on_report(self, fraction, message):
        with self._lock:
            self.reports.append((fraction, message))

    @property
    def last(self):
        with self._lock:
            return self.reports[-1] if self.reports else (0.0, "")
