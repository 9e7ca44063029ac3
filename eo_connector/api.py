"""EO Connector from the QGIS Python console.

    from eo_connector import api
    api.platforms()                                 # the platforms and what they can do
    aoi = api.aoi_from_layer()                      # the active layer: selected features, else all
    job = api.run("My connection", "scenario", aoi=aoi, name="Nice buildings")   # any operation of a platform
    layers = job.wait()                             # QGIS stays responsive while it waits
    job.cancel()                                    # from another console line, while it runs

Each platform adds its own names too (see README, e.g. api.add_<platform>_connection(...)); `dir(api)` lists them.
Remote calls run as QGIS background tasks (visible in the task manager); the waiting functions keep QGIS's event
loop turning, so QGIS never freezes. Failures raise an EOError whose text is a sentence for the user.
"""

from typing import Any, Dict, List, Optional

from qgis.PyQt.QtCore import QEventLoop, QTimer

from .core.aoi import AOI
from .core.errors import Cancelled, EOError
from .core.models import Connection, JobRecord, JobState
from .providers import registry
from .qgis_glue import services, settings
from .qgis_glue.browser_sign_in import BrowserOpener, open_in_system_browser
from .qgis_glue.layer_aoi import aoi_from_extent
from .qgis_glue.layer_aoi import aoi_from_layer as _aoi_from_layer
from .qgis_glue.tasks import OperationTask, start_task

_GENERIC = ["platforms", "connections", "add_connection", "sign_in", "remove_connection", "aoi_from_layer",
            "aoi_from_canvas", "aoi_from_wkt", "run", "jobs", "job", "Job", "AOI"]


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


# -- platforms and connections
def platforms() -> Dict[str, dict]:
    """{platform id: {"title", "capabilities", "operations"}} of every platform the plugin knows."""
    return {p.id: {"title": p.title, "capabilities": sorted(p.capabilities), "operations": sorted(p.operations())}
            for p in registry.platforms()}


def connections() -> List[Connection]:
    """The saved connections (no secrets in them)."""
    return services.connections().all()


def _connection(connection=None, platform: str = "") -> Connection:
    if isinstance(connection, Connection):
        return connection
    if connection is None:
        saved = [c for c in connections() if not platform or c.platform == platform]
        if not saved:
            title = registry.title(platform) if platform else "EO Connector"
            raise EOError(f"No {title} connection yet: add one first (see dir(api) for api.add_..._connection).")
        return saved[0]
    return services.connections().get(connection)


def add_connection(platform: str, name: str, *, url: str = "", username: str = "",
                   credentials: Optional[Dict[str, str]] = None, browser: bool = False, **options) -> Connection:
    """Save a connection to any platform; with credentials (e.g. {"password": ...}) or browser=True it signs in
    first, and a connection whose sign-in fails is not saved."""
    chosen = registry.get(platform)
    connection = Connection(chosen.id, name, (url or chosen.default_url).rstrip("/"), username, dict(options))
    return _runtime.add_connection(connection, credentials, browser=browser)


def sign_in(connection=None, password: Optional[str] = None, *, browser: bool = False) -> dict:
    """Sign in (or check the session) and return your account. browser=True: the platform's sign-in page in the
    system browser (cancel the task in QGIS's task manager to give up)."""
    return _runtime.sign_in(_connection(connection), {"password": password} if password else None, browser=browser)


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


def aoi_from_wkt(wkt: str, source: str = "WKT") -> AOI:
    """AOI from a WKT (multi)polygon in longitude/latitude (EPSG:4326)."""
    from .core.aoi import aoi_from_wkt as from_wkt

    return from_wkt(wkt, source)


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


def run(connection, kind: str, **values) -> Job:
    """Start operation `kind` of a connection's platform (api.platforms() lists them) with its fields as keywords;
    returns the Job. An output folder, when the operation has one and none is given, is the default one."""
    return _runtime.start(_connection(connection), kind, values)


def jobs() -> List[Job]:
    """Every job the plugin remembers, newest first (including ones interrupted when QGIS closed)."""
    return [Job(r.id) for r in services.jobs().jobs()]


def job(job_id: str) -> Job:
    services.jobs().get(job_id)
    return Job(job_id)


class ConsoleRuntime:
    """What the platforms' console functions (Platform.console) are given: the shared connections and jobs, and
    remote calls in QGIS tasks while QGIS keeps responding."""

    connection = staticmethod(_connection)
    wait_for = staticmethod(_wait_for_task)

    @property
    def connections(self):
        return services.connections()

    @property
    def jobs(self):
        return services.jobs()

    def default_output_dir(self) -> str:
        return settings.default_output_root()

    def client(self, connection: Connection):
        return services.connections().client(connection)

    def call(self, connection: Connection, description: str, call):
        """call(client) in a task with a client of its own, whose connections are closed afterwards."""
        def operation(progress):
            with services.connections().open_client(connection) as client:
                return call(client)

        return _wait_for_task(description, operation)

    def sign_in(self, connection: Connection, credentials: Optional[Dict[str, str]] = None, *,
                browser: bool = False) -> dict:
        # The sign-in runs in a task; the browser is opened on the GUI thread, as Qt wants.
        opener = BrowserOpener(open_in_system_browser) if browser else None
        return _wait_for_task(f"Sign in to {connection.name}", lambda progress: services.connections().sign_in(
            connection, progress=progress, open_browser=opener, credentials=credentials))

    def add_connection(self, connection: Connection, credentials: Optional[Dict[str, str]] = None, *,
                       browser: bool = False) -> Connection:
        services.connections().validate(connection)
        if credentials or browser:
            self.sign_in(connection, credentials, browser=browser)
        return services.connections().add(connection)

    def add_streamed_asset(self, item, asset_key: str, headers: Dict[str, str], connection_id: str = ""):
        """An item's asset added as a layer read in place (GDAL /vsicurl/, credentials for that URL only); GDAL's
        first reads happen in a task while QGIS keeps responding."""
        from qgis.core import QgsProject

        from .qgis_glue.streaming import layer_of, prepare_stream

        prepared = _wait_for_task("Opening an asset in place", lambda progress: prepare_stream(item, asset_key,
                                                                                                headers))
        layer = layer_of(*prepared, item.assets[asset_key].href, connection_id)
        QgsProject.instance().addMapLayer(layer)
        return layer

    def layer_features(self, layer, id_field: str = "", asset_field: str = "", selected_only: bool = False):
        """A vector layer's features as plain values in EPSG:4326 (for publishing them)."""
        from .qgis_glue.publish_layer import features_of_layer

        return features_of_layer(layer, id_field, asset_field, selected_only)

    def start(self, connection: Connection, kind: str, values: Dict[str, Any]) -> Job:
        operation = registry.get(connection.platform).operation(kind)
        values = dict(values)
        for field in operation.fields():
            if field.kind == "folder" and not values.get(field.name):
                values[field.name] = settings.default_output_root()
        return Job(services.jobs().start(connection, kind, values).id)


_runtime = ConsoleRuntime()


def _platform_functions() -> Dict[str, Any]:
    found: Dict[str, Any] = {}
    for platform in registry.platforms():
        for name, function in platform.console(_runtime).items():
            found.setdefault(name, function)
    return found


def __getattr__(name: str):
    """The platforms' own console names (api.add_<platform>_connection, …), looked up when first used."""
    functions = _platform_functions()
    if name in functions:
        return functions[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_platform_functions()))


__all__ = _GENERIC
