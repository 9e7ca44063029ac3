"""The platform interface: what a platform implements so that the dock, the Jobs list, Processing and the console
reach it without knowing its name.

A platform is one package under providers/ whose `platform` module has a `PLATFORM` object (a Platform subclass);
core.registry finds it. Everything here is pure description and pure calls: widgets, Processing parameters and
console keywords are generated from `Field`s by the QGIS side; the calls receive a `PlatformContext` (where secrets
live, how HTTP sessions are made) and run in background threads.

A platform gives:
- its id, title and capabilities (sign in, browse a catalogue, search, run a processing, download, live layers);
- the fields of its connection form and how a form becomes a Connection;
- how it signs in and keeps its session (sign_in, has_session, check, forget_session), and a client;
- its operations: kind -> Operation, each a job over the one progress protocol (new_record, run), which is also a
  Processing algorithm and a console call;
- for catalogues: collections, search filters and a paged search, and how a download of items is planned;
- how its result files become layers (result_kind: the style of a file), what its AOI must be (aoi_problem).
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

from .errors import InvalidInput
from .i18n import tr
from .models import Collection, Connection, Item, JobRecord, Page
from .progress import Progress

if TYPE_CHECKING:  # shapely and numpy: imported when an AOI is made, never when QGIS starts
    from .aoi import AOI


class Capability:
    SIGN_IN = "sign_in"
    CATALOGUE = "catalogue"  # collections can be browsed
    SEARCH = "search"  # items searched over the AOI
    PROCESSING = "processing"  # a server-side processing run over the AOI
    DOWNLOAD = "download"  # files of items downloaded
    LIVE_LAYERS = "live_layers"  # map layers served live by the platform


class FieldKind:
    TEXT = "text"
    PASSWORD = "password"  # a secret: sent to sign_in, never saved with the connection
    URL = "url"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    CHOICE = "choice"  # one of `choices`
    CHOICES = "choices"  # several of `choices`
    DATE = "date"  # "YYYY-MM-DD"
    FILE = "file"  # a file to read
    FOLDER = "folder"  # a folder to write into
    AOI = "aoi"  # the area of interest (an AOI)
    ITEMS = "items"  # catalogue items (a list of Item): the selection of a results list or a footprints layer


@dataclass
class Field:
    """One input of a form: a connection field, an operation parameter or a search filter. The dock makes a widget
    of it, Processing a parameter, the console a keyword argument. `choices`: (value, label) pairs."""

    name: str
    label: str
    kind: str = FieldKind.TEXT
    default: Any = None
    choices: Sequence[Tuple[Any, str]] = ()
    required: bool = False
    placeholder: str = ""
    help: str = ""
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    advanced: bool = False  # under "More" in the dock, an advanced parameter in Processing

    def choice_values(self) -> List[Any]:
        return [value for value, _label in self.choices]

    def label_of(self, value) -> str:
        return next((label for choice, label in self.choices if choice == value), str(value))


@dataclass
class ConnectionForm:
    """What the connection dialog shows for the values typed so far: the visible fields in order (with their current
    choices and defaults), the OK button's text, a note, and whether OK opens the web browser to sign in."""

    fields: List[Field]
    ok_label: str = ""
    note: str = ""
    uses_browser: bool = False


class PlatformContext:
    """What the QGIS side gives the platforms. `secrets`: a core.credentials.SecretStore (system keyring, else QGIS's
    authentication database); `memory`: SessionSecrets kept for this QGIS session only; `http(base_url, **kw)`:
    an HttpSession with QGIS's proxy, TLS, timeouts and retries (the one session factory); `rasters`: raster tools
    (transform_bounds(bounds, source_crs, target_crs); mosaic_cog(tiles, output, aoi_wkt, crs, progress): one
    Cloud-Optimised GeoTIFF clipped to the AOI), or None where no GDAL is at hand."""

    def __init__(self, secrets=None, memory=None, http: Optional[Callable] = None, rasters=None):
        from .credentials import SessionSecrets
        from .http import HttpSession

        self._secrets = secrets
        self.memory = memory if memory is not None else SessionSecrets()
        self.http = http or HttpSession
        self.rasters = rasters

    @property
    def secrets(self):
        return self._secrets


class Operation:
    """A long operation of a platform, run as a job: in the dock, in Processing and from the console alike.

    `fields` are its parameters (an AOI, items, choices, an output folder…); `new_record` checks them locally and
    describes the job (nothing remote); `run` does it (or resumes it from what the record remembers) in a worker
    thread, reporting through the progress protocol, and returns the result: files to load as layers
    (output "files") or a list of Items (output "items", shown as a footprints layer)."""

    kind = ""
    title = ""
    help = ""
    output = "files"  # "files", "items" or "live_layers" (dicts for Platform.refresh_live_layer, shown as map layers)
    processing_name = ""  # the Processing algorithm's name ("" = not in Processing)
    group_per_folder = False  # results loaded in one subgroup per first-level folder (e.g. per product)
    costly = False  # the server computes and charges: cancelling asks first and says so
    # Numbers the job learns, as Processing outputs: (output name, label, key in JobRecord.remote).
    outputs: Sequence[Tuple[str, str, str]] = ()

    def fields(self) -> List[Field]:
        return []

    def new_record(self, connection: Connection, values: Dict[str, Any]) -> JobRecord:
        raise NotImplementedError

    def describe(self, record: JobRecord) -> str:
        """The task's description in QGIS's task manager."""
        return f"{self.title}: {record.title}"

    def run(self, client, record: JobRecord, progress: Progress, on_change: Callable[[JobRecord], None],
            poll_interval: float = 5.0):
        raise NotImplementedError

    def estimate(self, values: Dict[str, Any]) -> Tuple[int, int, int]:
        """(bytes, files, files of unknown size) it will write, for the confirmation before it starts."""
        return 0, 0, 0

    def cancel_note(self, record: JobRecord) -> str:
        """What cancelling stops, in words: the local job, the download, and whether the server's computation keeps
        running and is paid for (shown as the Cancel button's tooltip, and asked first when `costly`)."""
        return tr("The job stops; what it already wrote is kept and it can be followed again later.")

    def cancelled_message(self, record: JobRecord) -> str:
        """What is left once it was cancelled, in words (the job's message in the Jobs list)."""
        return tr("Cancelled: Follow again resumes it where it stopped.")

    def cost(self, values: Dict[str, Any], account: Optional[dict],
             history: Sequence[JobRecord] = ()) -> str:
        """What running it with these values costs, as far as the platform makes it known (its price, or what is
        known: the balance, what earlier runs of this connection used, `history`); "" when it is free or there is
        nothing to say. Shown under the form before Run; local only, nothing remote."""
        return ""

    def refusal(self, values: Dict[str, Any], account: Optional[dict]) -> str:
        """Why the account cannot run it now, known before anything is sent (e.g. no credits left); "" when it
        can, or when that is not known. Run stays disabled with this reason."""
        return ""


class Platform:
    """Base class of every platform; override what the platform does."""

    id = ""
    title = ""
    capabilities: frozenset = frozenset()
    default_url = ""
    max_aoi_km2: Optional[float] = None  # larger AOIs are refused before anything is sent
    # Python packages this platform alone needs (module -> pip requirement); missing ones are offered for install
    # where the platform is used, and never block the other platforms.
    python_packages: Dict[str, str] = {}

    # -- the connection form
    def connection_form(self, values: Dict[str, Any]) -> ConnectionForm:
        return ConnectionForm([Field("url", tr("Server"), FieldKind.URL, self.default_url, required=True)])

    def connection_from_form(self, name: str, values: Dict[str, Any]) -> Connection:
        """The connection the form describes (nothing secret in it); InvalidInput when a field is wrong."""
        url = str(values.get("url") or self.default_url).strip().rstrip("/")
        return Connection(self.id, name, url, str(values.get("username") or "").strip(),
                          {k: v for k, v in values.items() if k not in ("url", "username") and not self._secret(k)})

    def credentials_from_form(self, values: Dict[str, Any]) -> Dict[str, str]:
        """The secrets typed in the form (passwords, keys), for sign_in only."""
        form = self.connection_form(values)
        return {f.name: str(values.get(f.name) or "") for f in form.fields if f.kind == FieldKind.PASSWORD}

    def _secret(self, name: str) -> bool:
        return name in ("password", "api_key", "secret", "token")

    # -- the session
    def sign_in(self, ctx: PlatformContext, connection: Connection, credentials: Dict[str, str], *,
                progress: Optional[Progress] = None, open_browser: Optional[Callable[[str], bool]] = None) -> dict:
        """Blocking (run it in a task): sign in and return the account ({"user": ..., "credits": ...})."""
        return self.check(ctx, connection, progress or Progress())

    def sign_in_methods(self, ctx: PlatformContext, connection: Connection) -> Tuple[str, ...]:
        """How the user can sign in again from the dock: among "password" and "browser"; () = no sign-in needed."""
        return ()

    def has_session(self, ctx: PlatformContext, connection: Connection) -> bool:
        return True

    def forget_session(self, ctx: PlatformContext, connection: Connection) -> None:
        pass

    def check(self, ctx: PlatformContext, connection: Connection, progress: Progress) -> dict:
        """The Test button (in a task): renew the session if needed and return the account."""
        return {}

    def describe_account(self, connection: Connection, account: dict) -> str:
        """The status line of a checked connection."""
        user = account.get("user") or connection.username
        return tr("Signed in as {user}", user=user) if user else tr("Connected")

    def client(self, ctx: PlatformContext, connection: Connection):
        """A client for this connection (build it in the thread that uses it; close its `http` when done)."""
        raise NotImplementedError

    def request_headers(self, client) -> Dict[str, str]:
        """Headers for fetching the platform's files by URL (quicklooks, streamed assets), e.g. a bearer token."""
        return {}

    # -- operations (jobs)
    def operations(self) -> Dict[str, Operation]:
        return {}

    def operation(self, kind: str) -> Operation:
        found = self.operations().get(kind)
        if found is None:
            raise InvalidInput(tr("{platform} has no operation {kind}.", platform=self.title, kind=kind))
        return found

    # -- catalogue
    def collections(self, client, **filters) -> List[Collection]:
        return []

    def search_fields(self, collection: str) -> List[Field]:
        """The filters of a search in `collection` (besides the AOI, always offered)."""
        return []

    def search(self, client, collection: str, filters: Dict[str, Any], aoi: Optional["AOI"],
               progress: Progress) -> Iterator[Page]:
        """Pages of Items as they arrive (with the total when the server tells it)."""
        return iter(())

    # -- area of interest and results
    def aoi_problem(self, aoi: "AOI") -> str:
        """Why this AOI cannot be sent ("" when it can): too large, several parts where one polygon is needed…"""
        if self.max_aoi_km2 is not None and aoi.area_km2 > self.max_aoi_km2:
            return tr("The area of interest is {area} km²; {platform} accepts at most {limit} km². Choose a smaller "
                      "area.", area=f"{aoi.area_km2:,.0f}", platform=self.title, limit=f"{self.max_aoi_km2:,.0f}")
        return ""

    def result_kind(self, path: str) -> str:
        """The kind of a result file, which names its style (resources/styles/<kind>.qml); "" for none."""
        return ""

    # -- live layers (Capability.LIVE_LAYERS)
    def refresh_live_layer(self, ctx: PlatformContext, connection: Connection, state: Dict[str, Any]) -> str:
        """Blocking (in a task): a fresh tile URL template ({z}/{x}/{y}) for a live layer whose `state` (what an
        operation with output "live_layers" returned, saved with the project; nothing secret) describes it. Asked
        when a project is opened and when the layer's tiles are refused (an expired map)."""
        raise NotImplementedError

    # -- the console
    def console(self, runtime) -> Dict[str, Callable]:
        """Functions added to `eo_connector.api` (e.g. api.add_<platform>_connection); `runtime` gives them the
        shared connections, jobs and a way to run a call in a task while QGIS keeps responding."""
        return {}


def items_field(name: str = "items", label: str = "") -> Field:
    return Field(name, label or tr("Products"), FieldKind.ITEMS, required=True)


def parse_items(value) -> List[Item]:
    return [item for item in (value or []) if isinstance(item, Item)]
