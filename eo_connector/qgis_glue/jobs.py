"""The job manager shared by the dock and the console: starts operations as QgsTasks, keeps their JobRecords on
disk, loads results as layers when they finish, and lets interrupted jobs be followed again."""

from typing import Callable, Dict, Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.errors import Cancelled, EOError, InvalidInput
from ..core.i18n import tr
from ..core.job_store import JobStore
from ..core.log import logger
from ..core.models import Connection, JobRecord, JobState
from ..core.progress import Progress
from ..providers import registry
from .connections import Connections
from .layers import load_results
from .tasks import OperationTask, start_task


class _RecordProgress(Progress):
    """A Processing run's progress, also written into its JobRecord for the Jobs list; cancel() from the list
    cancels the run."""

    def __init__(self, inner: Progress, record: JobRecord, manager: "JobManager"):
        super().__init__()
        self._inner, self._record, self._manager = inner, record, manager

    def on_report(self, fraction, message):
        self._inner.report(fraction, message)
        self._record.progress = fraction
        if message:
            self._record.message = message
        self._manager.jobChanged.emit(self._record.id)

    def is_cancel_requested(self):
        return self._inner.cancelled()


def message_bar_notify(title: str, text: str, ok: bool):
    """Tell the user in QGIS's message bar that a job ended (success fades, failure stays). The bar shows a line and
    a half: the first sentence goes there, the whole text behind its "More" button."""
    from qgis.utils import iface

    if iface is not None and iface.messageBar() is not None:
        level = Qgis.MessageLevel.Success if ok else Qgis.MessageLevel.Critical
        short = first_sentence(text)
        if short != text:
            iface.messageBar().pushMessage(title, short, text, level, 8 if ok else 0)
        else:
            iface.messageBar().pushMessage(title, text, level, 8 if ok else 0)


def first_sentence(text: str, longest: int = 140) -> str:
    """The first sentence of `text` (cut at a word with "…" if even that is too long for the message bar)."""
    text = " ".join(str(text).split())
    end = next((i + 1 for i, char in enumerate(text) if char in ".!?" and (i + 1 == len(text) or text[i + 1] == " ")),
               len(text))
    sentence = text[:end]
    if len(sentence) > longest:
        sentence = sentence[:longest].rsplit(" ", 1)[0] + "…"
    return sentence


class JobManager(QObject):
    jobChanged = pyqtSignal(str)  # job id: state, progress or message changed
    jobFinished = pyqtSignal(str)  # job id: succeeded, failed or cancelled (layers already loaded)

    def __init__(self, store: JobStore, connections: Connections, *, poll_interval: float = 5.0, parent=None):
        super().__init__(parent)
        self.store = store
        self.connections = connections
        self.poll_interval = poll_interval
        self.tasks: Dict[str, OperationTask] = {}
        self.layers: Dict[str, list] = {}
        self.notify: Callable[[str, str, bool], None] = message_bar_notify

    def jobs(self):
        return self.store.all()

    def get(self, job_id: str) -> JobRecord:
        record = self.store.get(job_id)
        if record is None:
            raise InvalidInput(tr("There is no job {id}.", id=job_id))
        return record

    def is_running(self, job_id: str) -> bool:
        return job_id in self.tasks

    # -- starting jobs
    def start(self, connection: Connection, kind: str, values: dict) -> JobRecord:
        """Start the platform's operation `kind` with `values` (its fields) in the background. The inputs are checked
        here, before anything is sent (InvalidInput with the reason)."""
        operation = registry.get(connection.platform).operation(kind)
        record = operation.new_record(connection, values)
        self.store.save(record)
        self._launch(record)
        return record

    def run_here(self, connection: Connection, kind: str, values: dict, progress: Progress):
        """Run an operation in the calling thread (a Processing algorithm's), as a job of this manager: it is
        listed while it runs, can be cancelled from the Jobs list, and is remembered. Returns (record, result);
        raises its EOError (Cancelled included). Load its layers afterwards, on the GUI thread: load_results_of."""
        operation = registry.get(connection.platform).operation(kind)
        record = operation.new_record(connection, values)
        record.state, record.message = JobState.RUNNING, tr("Starting")
        self.store.save(record)
        relay = _RecordProgress(progress, record, self)
        self.tasks[record.id] = relay
        self.jobChanged.emit(record.id)
        try:
            with self.connections.open_client(connection) as client:
                result = operation.run(client, record, relay, self._changed, self.poll_interval)
        except EOError as err:
            self._ended(record, err)
            raise
        except Exception as err:  # a bug: recorded as failed, the traceback goes to Processing's log
            self._ended(record, EOError(details=f"{type(err).__name__}: {err}"))
            raise
        finally:
            self.tasks.pop(record.id, None)
        record.state, record.progress, record.message = JobState.SUCCEEDED, 1.0, tr("Done")
        self.store.save(record)
        self.jobChanged.emit(record.id)
        self.jobFinished.emit(record.id)
        return record, result

    def load_results_of(self, record: JobRecord, result) -> list:
        """Load a finished job's results as layers (GUI thread) and remember them with the job."""
        layers = self._load(record, result)
        self.layers[record.id] = layers
        self.jobChanged.emit(record.id)
        return layers

    def _ended(self, record: JobRecord, error: EOError):
        if isinstance(error, Cancelled):
            operation = self._operation_of(record)
            record.state = JobState.CANCELLED
            record.message = operation.cancelled_message(record) if operation else tr("Cancelled")
        else:
            record.state, record.error, record.message = JobState.FAILED, error.message, error.message
        self.store.save(record)
        self.jobChanged.emit(record.id)
        self.jobFinished.emit(record.id)

    def follow(self, job_id: str) -> JobRecord:
        """Follow again a job that was interrupted, failed on our side or cancelled: it resumes where it was."""
        record = self.get(job_id)
        if self.is_running(job_id):
            return record
        record.error = ""
        record.remote.pop("cancel_requested", None)
        self._launch(record)
        return record

    def cancel(self, job_id: str):
        """The user cancels a job: its record says so (remote["cancel_requested"]), so an operation can tell this
        from QGIS closing (which interrupts it without asking the server to stop anything)."""
        task = self.tasks.get(job_id)
        if task is not None:
            record = self.store.get(job_id)
            if record is not None:
                record.remote["cancel_requested"] = True
            task.cancel()

    def running_jobs_of(self, connection_id: str):
        """The records of the jobs of this connection running now."""
        return [r for r in self.store.all() if r.connection_id == connection_id and r.id in self.tasks]

    def _operation_of(self, record: JobRecord):
        platform = registry.find(record.platform)
        return platform.operations().get(record.kind) if platform else None

    def remove(self, job_id: str):
        self.cancel(job_id)
        self.store.remove(job_id)
        self.jobChanged.emit(job_id)

    def _operation(self, record: JobRecord):
        """(description, operation(progress)) of a record; the client is built in the task's thread and its HTTP
        connections are closed when the job ends."""
        connection = self.connections.find(record.connection_id)
        if connection is None:
            raise InvalidInput(tr("The connection of this job was removed: add it again to follow the job."))
        operation = registry.get(record.platform).operation(record.kind)
        interval = self.poll_interval

        def run(progress):
            with self.connections.open_client(connection) as client:
                return operation.run(client, record, progress, self._changed, interval)

        return operation.describe(record), run

    def _launch(self, record: JobRecord):
        description, operation = self._operation(record)
        task = OperationTask(description, operation)
        record.state, record.message = JobState.RUNNING, tr("Starting")
        self.store.save(record)
        task.progressChanged.connect(lambda value, r=record: self._progress(r, value / 100.0))
        task.messageChanged.connect(lambda text, r=record: self._message(r, text))
        task.done.connect(lambda result, error, r=record: self._done(r, result, error))
        self.tasks[record.id] = task
        start_task(task)
        self.jobChanged.emit(record.id)

    # -- updates (on_change runs in the task's thread: only save and signal there)
    def _changed(self, record: JobRecord):
        self.store.save(record)
        self.jobChanged.emit(record.id)

    def _progress(self, record, fraction):
        record.progress = fraction
        self.jobChanged.emit(record.id)

    def _message(self, record, text):
        record.message = text
        self.jobChanged.emit(record.id)

    def _done(self, record: JobRecord, result, error: Optional[EOError]):
        self.tasks.pop(record.id, None)
        if self.store.get(record.id) is None:  # removed by the user while it ran: nothing to load or keep
            return
        operation = self._operation_of(record)
        if error is None and self.connections.find(record.connection_id) is None and record.connection_id:
            # its connection was removed while it ran: what it wrote stays on disk, nothing is added to the map
            record.state, record.progress = JobState.SUCCEEDED, 1.0
            record.message = tr("Finished after its connection was removed: the results were not loaded.")
        elif error is None:
            layers = self._load(record, result)
            self.layers[record.id] = layers
            record.state, record.progress = JobState.SUCCEEDED, 1.0
            if isinstance(result, list) and result and not isinstance(result[0], (str, dict)):
                record.message = tr("Done: {count} results in layer {name}", count=len(result), name=record.title)
            else:
                record.message = (tr("Done: 1 layer loaded") if len(layers) == 1
                                  else tr("Done: {count} layers loaded", count=len(layers)))
            self.notify(record.title, record.message, True)
        elif isinstance(error, Cancelled):
            record.state = JobState.CANCELLED
            record.message = operation.cancelled_message(record) if operation else tr("Cancelled")
        else:
            record.state, record.error = JobState.FAILED, error.message
            record.message = error.message
            logger.warning("job %s failed: %s | %s", record.id, error.message, error.details)
            self.notify(record.title, error.message, False)
        self.store.save(record)
        self.jobChanged.emit(record.id)
        self.jobFinished.emit(record.id)

    def _load(self, record: JobRecord, result) -> list:
        """Files -> layers (styled by the platform's result kinds); items -> a footprints layer."""
        platform = registry.find(record.platform)
        operation = platform.operations().get(record.kind) if platform else None
        if operation is not None and operation.output == "live_layers":
            from .live_layers import add_live_layers

            return add_live_layers(result or [], record.title, record.platform, record.connection_id, record.id)
        if operation is not None and operation.output == "items":
            from .footprints import items_layer

            return [items_layer(result or [], record.title, platform=record.platform, job_id=record.id,
                                connection_id=record.connection_id)]
        return load_results(result or [], record.title, root_dir=record.output_dir, job_id=record.id,
                            platform=record.platform, group_per_folder=bool(operation and operation.group_per_folder),
                            kind_of=platform.result_kind if platform else None)
