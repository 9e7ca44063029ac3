"""EO Connector from the QGIS Python console.

    from eo_connector import api
    conn = api.add_brightearth_connection("work", "me@example.com", "my password")
    aoi = api.aoi_from_layer()                      # the active layer: selected features, else all
    job = api.run_brightearth(aoi, "Nice buildings", output_crs=4326)
    layers = job.wait()                             # QGIS stays responsive while it waits
    job.cancel()                                    # from another console line, while it runs

    cat = api.terrascope()                          # the first Terrascope connection (api.add_terrascope_connection)
    n = cat.get_product_count("urn:eop:VITO:TERRASCOPE_S2_TOC_V2", geometry=aoi, start="2022-01-01", cloudCover=20)
    products = list(cat.get_products("urn:eop:VITO:TERRASCOPE_S2_TOC_V2", geometry=aoi, limit=10))
    job = cat.download_products(products, "/data/s2", file_types=("data",))   # a background job; job.wait()

Remote calls run as QGIS background tasks (visible in the task manager); the waiting functions below keep QGIS's
event loop turning, so QGIS never freezes. Failures raise an EOError whose text is a sentence for the user.
"""

from typing import List, Optional

from qgis.PyQt.QtCore import QEventLoop, QTimer

from .core.aoi import AOI, aoi_from_wkt
from .core.errors import Cancelled, EOError
from .core.models import Connection, JobRecord, JobState
from .core.progress import Progress
from .providers import terrascope as _terrascope
from .providers.brightearth import DEFAULT_URL, PLATFORM
from .providers.brightearth.options import ScenarioOptions
from .providers.terrascope.download import FILE_TYPES
from .qgis_glue import services, settings
from .qgis_glue.browser_sign_in import BrowserOpener, open_in_system_browser
from .qgis_glue.layer_aoi import aoi_from_extent
from .qgis_glue.layer_aoi import aoi_from_layer as _aoi_from_layer
from .qgis_glue.tasks import OperationTask, start_task

__all__ = ["connections", "add_brightearth_connection", "sign_in", "me", "remove_connection", "aoi_from_layer",
           "aoi_from_canvas", "aoi_from_wkt", "run_brightearth", "jobs", "job", "Job", "AOI",
           "add_terrascope_connection", "terrascope", "TerrascopeCatalogue"]


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


def _connection(connection, platform: str = PLATFORM) -> Connection:
    if isinstance(connection, Connection):
        return connection
    if connection is None:
        saved = [c for c in connections() if c.platform == platform]
        if not saved:
            adder = "add_terrascope_connection" if platform == _terrascope.PLATFORM else "add_brightearth_connection"
            raise EOError(f"No {platform} connection yet: call api.{adder}(...) first.")
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


def sign_in(connection=None, password: Optional[str] = None, *, browser: bool = False) -> dict:
    """Sign in (or check the session) and return who you are: {'id', 'credits', ...} for BrightEarth,
    {'username'} for Terrascope. browser=True: Terrascope's sign-in page in the system browser (cancel the task
    in QGIS's task manager to give up)."""
    target = _connection(connection)
    # The sign-in runs in a task; the browser is opened on the GUI thread, as Qt wants.
    opener = BrowserOpener(open_in_system_browser) if browser else None
    return _wait_for_task(f"Sign in to {target.name}", lambda progress: services.connections().sign_in(
        target, password, progress=progress, open_browser=opener))


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


# -- Terrascope catalogue (names as in terracatalogueclient)
def add_terrascope_connection(name: str, username: str = "", password: Optional[str] = None, *,
                              environment: str = "terrascope", config_file: Optional[str] = None,
                              browser: bool = False) -> Connection:
    """Save a Terrascope connection. environment: 'terrascope', 'hrvpp' or 'cgls' (no sign-in), or config_file: a
    terracatalogueclient .ini. With a password (or browser=True) it signs in first; only the refresh token is kept
    (keyring, else QGIS's authentication database), never the password. A failed sign-in saves nothing."""
    options = {"environment": "custom" if config_file else environment}
    if config_file:
        options["config_file"] = config_file
    connection = Connection(_terrascope.PLATFORM, name, "", username, options)
    connection.url = services.connections().catalogue_config(connection).catalogue_url
    services.connections().validate(connection)
    if password or browser:
        sign_in(connection, password, browser=browser)
    return services.connections().add(connection)


def terrascope(connection=None) -> "TerrascopeCatalogue":
    """The catalogue of a Terrascope connection (default: the first one saved)."""
    return TerrascopeCatalogue(_connection(connection, _terrascope.PLATFORM))


def _search_arguments(kwargs: dict) -> dict:
    """An AOI may be given as geometry= (or bbox=): it travels as lon/lat WKT."""
    if isinstance(kwargs.get("geometry"), AOI):
        kwargs["geometry"] = kwargs["geometry"].wkt()
    if isinstance(kwargs.get("bbox"), AOI):
        kwargs["bbox"] = list(kwargs["bbox"].geometry.bounds)
    return kwargs


class _RelayProgress(Progress):
    """The progress of whichever task is fetching the current page of a search."""

    current = None

    def on_report(self, fraction, message):
        self.current.report(fraction, message)

    def is_cancel_requested(self):
        return self.current.cancelled()


class TerrascopeCatalogue:
    """get_collections, get_product_count, get_products and download_products as in terracatalogueclient's
    Catalogue; each remote call runs as a QGIS task while QGIS keeps responding."""

    def __init__(self, connection: Connection):
        self.connection = connection

    def _call(self, description: str, call):
        def operation(progress):
            client = services.connections().client(self.connection)
            with client.http:  # its connections are closed when the call is done
                return call(client)

        return _wait_for_task(description, operation)

    def get_collections(self, start=None, end=None, bbox=None, geometry=None, platform=None, **kwargs) -> list:
        arguments = _search_arguments(dict(kwargs, start=start, end=end, bbox=bbox, geometry=geometry,
                                           platform=platform))
        return self._call("Terrascope collections", lambda client: client.collections(**arguments))

    def get_product_count(self, collection: str, **kwargs) -> int:
        arguments = _search_arguments(kwargs)
        return self._call("Terrascope product count", lambda client: client.product_count(collection, **arguments))

    def get_products(self, collection: str, limit: Optional[int] = None, **kwargs):
        """An iterator of Items (core.models.Item); each page is fetched in a task when the iterator needs it.
        Too many results (past the catalogue's 100,000) raise before anything is fetched: narrow the search."""
        arguments = _search_arguments(kwargs)
        pages, relay = {}, _RelayProgress()

        def next_page(progress):
            relay.current = progress  # each page runs in its own task: cancel and report go to that one
            if "iterator" not in pages:
                client = pages["client"] = services.connections().client(self.connection)
                pages["iterator"] = client.search(collection, limit=limit, progress=relay, **arguments)
            return next(pages["iterator"], None)

        try:
            while True:
                page = _wait_for_task("Terrascope products", next_page)
                if page is None:
                    return
                yield from page.items
        finally:
            if "client" in pages:
                pages["client"].http.close()

    def download_products(self, products, path: str, file_types=FILE_TYPES) -> Job:
        """Download the products' files (file_types among 'data', 'related', 'previews', 'alternates') into
        path/<product id>/<file> as a background job; the rasters and vectors are loaded as layers at the end.
        Call .wait() on the returned Job to block until it is done."""
        if isinstance(file_types, str):
            file_types = (file_types,)
        record = services.jobs().start_download(self.connection, list(products), file_types, path)
        return Job(record.id)
