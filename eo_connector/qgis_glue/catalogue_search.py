"""A catalogue search as a background task whose pages reach the GUI as they arrive.

The provider's `search(...)` is a generator of pages (count first, then the server's next links); it runs in a
QgsTask and each page is handed to the GUI thread through a queued signal, so the results browser fills up while
later pages are still being fetched and QGIS never waits on the network.
"""

from typing import Callable, Optional

from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.i18n import tr
from .tasks import OperationTask, start_task


class CatalogueSearch(QObject):
    """One search at a time: starting another cancels the one running."""

    pageArrived = pyqtSignal(object, int)  # list of Items, total number of results
    finished = pyqtSignal(int, object)  # number of items received, error (None, Cancelled or an EOError)
    _page = pyqtSignal(object, int, object)  # from the task's thread: items, total, the task that found them

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
        search, this = self, {}  # signals emitted from the task's thread are queued to the GUI thread

        def operation(progress):
            count = 0
            for page in make_pages(progress):
                progress.check()
                count += len(page.items)
                total = max(int(page.total or 0), count)
                search._page.emit(list(page.items), total, this["task"])
                progress.report(count / total if total else 1.0,
                                tr("{count} of {total} results", count=count, total=total))
            return count

        task = OperationTask(description, operation)
        task.done.connect(lambda result, error, t=task: self._done(t, result, error))
        this["task"] = self.task = task
        start_task(task)
        return task

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def _forward_page(self, items, total, task):
        if task is self.task:  # pages of a search replaced meanwhile are dropped
            self.received += len(items)
            self.pageArrived.emit(items, total)

    def _done(self, task: OperationTask, result, error):
        if task is not self.task:  # an older search, replaced by a newer one: its end is not news
            return
        self.task = None
        self.finished.emit(self.received, error)
