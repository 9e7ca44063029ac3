"""The job manager shared by the dock and the console: starts operations as QgsTasks, keeps their JobRecords on
disk, loads results as layers when they finish, and lets interrupted jobs be followed again."""

from typing import Callable, Dict, Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.aoi import AOI
from ..core.errors import Cancelled, EOError, InvalidInput
from ..core.i18n import tr
from ..core.job_store import JobStore
from ..core.log import logger
from ..core.models import Connection, JobRecord, JobState
from ..providers import brightearth, terrascope
from ..providers.brightearth.options import ScenarioOptions
from ..providers.brightearth.workflow import new_scenario_record, run_scenario
from ..providers.terrascope.workflow import new_download_record, run_download
from .connections import Connections
from .layers import load_results
from .tasks import OperationTask, start_task


def message_bar_notify(title: str, text: str, ok: bool):
    """Tell the user in QGIS's message bar that a job ended (success fades, failure stays)."""
    from qgis.utils import iface

    if iface is not None and iface.messageBar() is not None:
        level = Qgis.MessageLevel.Success if ok else Qgis.MessageLevel.Critical
        iface.messageBar().pushMessage(title, text, level, 8 if ok else 0)


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

    # -- BrightEarth scenarios
    def start_scenario(self, connection: Connection, aoi: AOI, options: ScenarioOptions, output_root: str,
                       project_id: Optional[int] = None, project_name: str = "") -> JobRecord:
        """Check the inputs here (bad input is refused before anything is sent), then run in the background.
        Without project_id a new project is created, named project_name (default: the scenario's name)."""
        record = new_scenario_record(connection.id, aoi, options, output_root, project_id=project_id,
                                     project_name=project_name)
        self.store.save(record)
        self._launch(record)
        return record

    # -- catalogue downloads
    def start_download(self, connection: Connection, items, file_types, output_dir: str) -> JobRecord:
        """Download the chosen files of catalogue items into output_dir/<product>/<file>, then load them."""
        if connection.platform != terrascope.PLATFORM:
            raise InvalidInput(tr("Downloads of {platform} products are not available yet.",
                                  platform=connection.platform))
        record = new_download_record(connection.id, items, file_types, output_dir)
        self.store.save(record)
        self._launch(record)
        return record

    def follow(self, job_id: str) -> JobRecord:
        """Follow again a job that was interrupted, failed on our side or cancelled: it resumes where it was."""
        record = self.get(job_id)
        if self.is_running(job_id):
            return record
        record.error = ""
        self._launch(record)
        return record

    def cancel(self, job_id: str):
        task = self.tasks.get(job_id)
        if task is not None:
            task.cancel()

    def remove(self, job_id: str):
        self.cancel(job_id)
        self.store.remove(job_id)
        self.jobChanged.emit(job_id)

    def _operation(self, record: JobRecord):
        """(description, operation(progress)) of a record; the client is built in the task's thread."""
        connection = self.connections.get(record.connection_id)
        interval = self.poll_interval
        if record.platform == brightearth.PLATFORM:
            def scenario(progress):
                client = self.connections.client(connection)
                return run_scenario(client, record, progress, on_change=self._changed, poll_interval=interval)

            return tr("BrightEarth scenario {name}", name=record.title), scenario
        if record.platform == terrascope.PLATFORM:
            def download(progress):
                client = self.connections.client(connection)
                with client.http:  # its connections are closed when the job ends
                    return run_download(client, record, progress, on_change=self._changed)

            return tr("Terrascope download: {name}", name=record.title), download
        raise InvalidInput(tr("Unknown platform: {name}.", name=record.platform))

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
        if error is None:
            layers = load_results(result or [], record.title, root_dir=record.output_dir, job_id=record.id,
                                  platform=record.platform, group_per_folder=record.platform == terrascope.PLATFORM)
            self.layers[record.id] = layers
            record.state, record.progress = JobState.SUCCEEDED, 1.0
            record.message = tr("Done: {count} layers loaded", count=len(layers))
            self.notify(record.title, record.message, True)
        elif isinstance(error, Cancelled):
            record.state, record.message = JobState.CANCELLED, tr("Cancelled: partial files are kept for resuming")
        else:
            record.state, record.error = JobState.FAILED, error.message
            record.message = error.message
            logger.warning("job %s failed: %s | %s", record.id, error.message, error.details)
            self.notify(record.title, error.message, False)
        self.store.save(record)
        self.jobChanged.emit(record.id)
        self.jobFinished.emit(record.id)
