"""A catalogue search as a background task whose pages reach the GUI as they arrive.

The provider's `search(...)` is a generator of pages (count first, then the pages, fetched side by side where the
provider can: core/paging.py); it runs in a QgsTask and each page is handed to the GUI thread through a queued
signal, so the results browser fills up while later pages are still being fetched and QGIS never waits on the
network.

What keeps the GUI thread smooth while thousands of results arrive (`make bench` measures it):
- each page's footprint features are built in the task's thread (footprints.page_with_features): the GUI thread
  only hands them over to the layer and appends the rows;
- the task's thread waits until the GUI thread has taken a page before it prepares the next one. Both need Python's
  global lock, and every Qt call of the GUI thread lets it go: a worker busy in Python meanwhile would make each of
  those calls wait up to a switch interval (5 ms). The page workers, mostly waiting on the network, keep fetching;
- a page is "taken" only after a whole turn of the event loop: pages ready together would otherwise be handled in
  one pass, back to back, with no painting, timer or input between them;
- Python's garbage collector: a full pass walks every object of QGIS's Python, holding the lock for tens of
  milliseconds at a time, more as results pile up. What lives when a search starts (QGIS, the plugins) and the
  results shown live long: gc.freeze() takes them out of those passes (they are still freed by reference counting
  when dropped; results are plain data without reference cycles).
"""

import gc
import threading
from typing import Callable, Dict, Optional

from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core.errors import EOError
from ..core.i18n import tr
from .footprints import page_with_features
from .tasks import OperationTask, start_task

HANDOVER_WAIT = 2.0  # seconds the task's thread waits for the GUI thread to take a page before going on anyway


class CatalogueSearch(QObject):
    """One search at a time: starting another cancels the one running."""

    pageArrived = pyqtSignal(object, int)  # list of Items, total number of results
    finished = pyqtSignal(int, object)  # number of items received, error (None, Cancelled or an EOError)
    _page = pyqtSignal(object, int, object)  # from the task's thread: items, total, (its task, an Event set when taken)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.task: Optional[OperationTask] = None
        self.received = 0
        self._page.connect(self._forward_page)

    def is_running(self) -> bool:
        return self.task is not None

    def start(self, description: str, make_pages: Callable) -> OperationTask:
        """make_pages(progress) -> iterator of pages (with .items and .total); called in the task's thread."""
        self.cancel()
        self.received = 0
        gc.freeze()  # what QGIS and the plugins hold now is long-lived (module docstring)
        search, this = self, {}  # signals emitted from the task's thread are queued to the GUI thread

        def operation(progress):
            count = 0
            taken = threading.Event()
            for page in make_pages(progress):
                progress.check()
                count += len(page.items)
                total = max(int(page.total or 0), count)
                taken.clear()
                search._page.emit(page_with_features(page.items), total, (this["task"], taken))
                progress.report(count / total if total else 1.0,
                                tr("{count} of {total} results", count=count, total=total))
                _wait_until_taken(taken, progress)
            return count

        task = OperationTask(description, operation)
        task.done.connect(lambda result, error, t=task: self._done(t, result, error))
        this["task"] = self.task = task
        start_task(task)
        return task

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def _forward_page(self, items, total, sender):
        task, taken = sender
        try:
            if task is self.task:  # pages of a search replaced meanwhile are dropped
                self.received += len(items)
                self.pageArrived.emit(items, total)
            gc.freeze()  # the results shown live as long as the list (module docstring)
        finally:
            QTimer.singleShot(0, taken.set)  # the next page after a whole turn of the event loop (module docstring)

    def _done(self, task: OperationTask, result, error):
        if task is not self.task:  # an older search, replaced by a newer one: its end is not news
            return
        self.task = None
        self.finished.emit(self.received, error)


def _wait_until_taken(taken: threading.Event, progress) -> None:
    """Until the GUI thread has taken the page (or a cancel; or HANDOVER_WAIT, when it does not run its events)."""
    waited = 0.0
    while not taken.wait(0.05) and waited < HANDOVER_WAIT:
        progress.check()
        waited += 0.05


class SessionHeaders:
    """The request headers of a connection's session (e.g. a bearer token) for files fetched by URL in worker threads
    (quicklooks); the client is built once, on first use, in the worker."""

    def __init__(self, connections, connection):
        self.connections, self.connection = connections, connection
        self._client = None
        self._lock = threading.Lock()

    def __call__(self) -> Dict[str, str]:
        with self._lock:  # one client (one token keeper) for all the quicklook workers
            try:
                if self._client is None:
                    self._client = self.connections.client(self.connection)
                return self.connections.platform(self.connection).request_headers(self._client)
            except EOError:  # no session (yet): asked without a token; a new sign-in is picked up next time
                self._client = None
                return {}
