"""EO Connector from the QGIS Python console.

    from eo_connector import api
    conn = api.add_brightearth_connection("work", "me@example.com", "my password")
    aoi = api.aoi_from_layer()                      # the active layer: selected features, else all
    job = api.run_brightearth(aoi, "Nice buildings", output_crs=4326)
    layers = job.wait()                             # QGIS stays responsive while it waits
    job.cancel()                                    # from another console line, while it runs

Remote calls run as QGIS background tasks (visible in the task manager); the waiting functions below keep QGIS's
event loop turning, so QGIS never freezes. Failures raise an EOError whose text is a sentence for the user.
"""

from typing import List, Optional

from qgis.PyQt.QtCore import QEventLoop, QTimer

from . import services, settings
from .core.aoi import AOI, aoi_from_wkt
from .core.errors import Cancelled, EOError
from .core.models import Connection, JobRecord, JobState
from .layer_aoi import aoi_from_extent
from .layer_aoi import aoi_from_layer as _aoi_from_layer
from .providers.brightearth import DEFAULT_URL, PLATFORM
from .providers.brightearth.options import ScenarioOptions
from .tasks import OperationTask, start_task

__all__ = ["connections", "add_brightearth_connection", "sign_in", "me", "remove_connection", "aoi_from_layer",
           "aoi_from_canvas", "aoi_from_wkt", "run_brightearth", "jobs", "job", "Job", "AOI"]


def _wait_for_task(description: str, operation, timeout: Optional[float] = None):
    """Run `operation(progress)` as a task and wait for it with a local event loop; return its result."""
    task = OperationTask(description, operation)
    loop = QEventLoop()
    outcome = {}

    def done(result, error):
        outcome.update(result=result, error=error)
        loop.quit()

    task.done.connect(done)
    start_task(task)
    if timeout:
        QTimer.singleShot(int(timeout * 1000), loop.quit)
    if not outcome:
        loop.exec()
    if not outcome:
        task.cancel()
        raise TimeoutError(f"{description}: no answer within {timeout} s")
    if outcome["error"] is not None:
        raise outcome["error"]
    return outcome["result"]


# -- connections
def connections() -> List[Connection]:
    """The saved connections (no secrets in them)."""
    return services.connections().all()


def _connection(connection) -> Connection:
    if isinstance(connection, Connection):
        return connection
    if connection is None:
        saved = [c for c in connections() if c.platform == PLATFORM]
        if not saved:
            raise EOError("No BrightEarth connection yet: call api.add_brightearth_connection(...) first.")
        return saved[0]
    return services.connections().get(connection)


def add_brightearth_connection(name: str, email: str, password: Optional[str] = None, url: str = DEFAULT_URL
                               ) -> Connection:
    """Save a BrightEarth connection; with a password, sign in first (kept in memory for this session only):
    a connection whose sign-in fails is not saved."""
    connection = Connection(PLATFORM, name, url, email)
    services.connections().validate(connection)
    if password:
        sign_in(connection, password)
    return services.connections().add(connection)


def sign_in(connection=None, password: Optional[str] = None) -> dict:
    """Sign in (or check the session) and return who you are: {'id', 'credits', ...}."""
    target = _connection(connection)
    return _wait_for_task(f"Sign in to {target.name}",
                          lambda progress: services.connections().sign_in(target, password))


def me(connection=None) -> dict:
    """Your BrightEarth account, including the credit balance."""
    return sign_in(connection)


def remove_connection(connection):
    """Forget a connection and its stored tokens."""
    services.connections().remove(_connection(connection).id)


# -- area of interest
def aoi_from_layer(layer=None, selected_only: Optional[bool] = None) -> AOI:
    """AOI from a vector layer (default: the active layer): selected features if any, else all; any CRS."""
    if layer is None:
        from qgis.utils import iface

        layer = iface.activeLayer() if iface else None
    return _aoi_from_layer(layer, selected_only)


def aoi_from_canvas() -> AOI:
    """AOI from the current map extent."""
    from qgis.utils import iface

    canvas = iface.mapCanvas()
    return aoi_from_extent(canvas.extent(), canvas.mapSettings().destinationCrs())


# -- jobs
class Job:
    """A background job: state, progress, message, layers; wait() or cancel() it."""

    def __init__(self, job_id: str):
        self.id = job_id

    @property
    def record(self) -> JobRecord:
        return services.jobs().get(self.id)

    state = property(lambda self: self.record.state)
    progress = property(lambda self: self.record.progress)
    message = property(lambda self: self.record.message)
    error = property(lambda self: self.record.error)
    output_dir = property(lambda self: self.record.output_dir)
    layers = property(lambda self: services.jobs().layers.get(self.id, []))

    def __repr__(self):
        record = self.record
        return f"<Job {record.id} {record.title!r} {record.state} {record.progress:.0%} {record.message!r}>"

    def wait(self, timeout: Optional[float] = None):
        """Wait until the job ends (QGIS stays responsive) and return its layers; raise its error if it failed."""
        manager = services.jobs()
        if manager.is_running(self.id):
            loop = QEventLoop()

            def finished(job_id):
                if job_id == self.id:
                    loop.quit()

            manager.jobFinished.connect(finished)
            if timeout:
                QTimer.singleShot(int(timeout * 1000), loop.quit)
            try:
                loop.exec()
            finally:
                manager.jobFinished.disconnect(finished)
            if manager.is_running(self.id):
                raise TimeoutError(f"job {self.id} still running after {timeout} s")
        record = self.record
        if record.state == JobState.CANCELLED:
            raise Cancelled()
        if record.state != JobState.SUCCEEDED:
            raise EOError(record.error or record.message)
        return self.layers

    def cancel(self):
        services.jobs().cancel(self.id)

    def follow(self) -> "Job":
        """Resume an interrupted, failed or cancelled job where it stopped."""
        services.jobs().follow(self.id)
        return self


def run_brightearth(aoi: AOI, name: str, *, connection=None, output_dir: Optional[str] = None,
                    project_id: Optional[int] = None, **options) -> Job:
    """Start a BrightEarth extraction over `aoi` in the background and return its Job.

    options: scenario_type, source_image_type, source_image_id, augmented, output_crs (3857 or 4326),
    vector_formats, raster_formats, three_d_formats (tuples or comma strings), dl_models (list)."""
    scenario = ScenarioOptions.from_dict(dict(options, name=name))
    record = services.jobs().start_scenario(_connection(connection), aoi, scenario,
                                            output_dir or settings.default_output_root(), project_id=project_id)
    return Job(record.id)


def jobs() -> List[Job]:
    """Every job the plugin remembers, newest first (including ones interrupted when QGIS closed)."""
    return [Job(r.id) for r in services.jobs().jobs()]


def job(job_id: str) -> Job:
    services.jobs().get(job_id)
    return Job(job_id)
