"""Opening the catalogue's sign-in page in the system browser for a sign-in that runs in a background task.

The task asks for the page from its own thread; the browser is opened on the GUI thread (Qt wants it there) and
the task goes on waiting for the loopback redirect without waiting for the browser to start.
"""

from typing import Callable

from qgis.PyQt.QtCore import QObject, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices


def open_in_system_browser(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


class BrowserOpener(QObject):
    """Callable handed to Connections.sign_in(open_browser=...). `open_url(url) -> bool` runs on the GUI thread;
    `failed` is emitted there when the browser could not be opened (the caller stops the sign-in)."""

    failed = pyqtSignal()
    _requested = pyqtSignal(str)

    def __init__(self, open_url: Callable[[str], bool], parent=None):
        super().__init__(parent)
        self.open_url = open_url
        self._requested.connect(self._open, Qt.ConnectionType.QueuedConnection)

    def __call__(self, url: str) -> bool:
        self._requested.emit(url)
        return True

    def _open(self, url: str):
        if not self.open_url(url):
            self.failed.emit()
