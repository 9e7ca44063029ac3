"""QgsTask adapter over the progress protocol: any operation `fn(progress) -> result` runs in QGIS's task manager,
with its progress bar and cancel button; its result or its error in words comes back on the GUI thread."""

import gc
import traceback

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..core.errors import Cancelled, EOError
from ..core.i18n import tr
from ..core.log import logger, redact
from ..core.progress import Progress


class TaskProgress(Progress):
    """Progress adapter: fraction -> QgsTask.setProgress, cancel button -> cancelled()."""

    def __init__(self, task: "OperationTask"):
        super().__init__()
        self._task = task

    def on_report(self, fraction, message):
        self._task.setProgress(fraction * 100.0)
        if message and message != self._task.message:
            self._task.message = message
            self._task.messageChanged.emit(message)

    def is_cancel_requested(self):
        return self._task.isCanceled()


class OperationTask(QgsTask):
    """Runs `operation(progress)` off the GUI thread. After it ends (on the GUI thread) `done` is emitted with
    (result, error): error is None on success, an EOError (Cancelled included) otherwise."""

    messageChanged = pyqtSignal(str)
    done = pyqtSignal(object, object)

    def __init__(self, description, operation, *, can_cancel=True):
        flags = QgsTask.Flag.CanCancel if can_cancel else QgsTask.Flags()
        super().__init__(description, flags)
        self.operation = operation
        self.progress = TaskProgress(self)
        self.message = ""
        self.result = None
        self.error = None

    def run(self):
        try:
            self.result = self.operation(self.progress)
            return True
        except Cancelled as err:
            self.error = err
        except EOError as err:
            self.error = err
            logger.warning("%s: %s %s", self.description(), err.message, err.details)
        except Exception as err:  # an unexpected bug: the user gets a sentence, the log gets the traceback
            logger.error("%s failed unexpectedly:\n%s", self.description(), redact(traceback.format_exc()))
            self.error = EOError(tr("An unexpected error stopped the task; details are in the EO Connector log."),
                                 details=f"{type(err).__name__}: {redact(str(err))}")
        return False

    def cancel(self):
        self.progress.cancel()
        super().cancel()

    def finished(self, ok):
        if not ok and self.error is None:
            self.error = Cancelled()
        self.done.emit(self.result, None if ok else self.error)


def start_task(task: OperationTask) -> OperationTask:
    """Hand the task to QGIS's task manager (visible in its task list).

    What lives when a background job starts (QGIS's and the plugins' Python objects) is long-lived: gc.freeze() keeps
    it out of the garbage collector's full passes, which the job's threads would otherwise run over the whole of
    QGIS's Python while holding the global lock, stalling the GUI thread for tens of milliseconds."""
    gc.freeze()
    QgsApplication.taskManager().addTask(task)
    return task
