"""BrightEarth On Demand as a platform: e-mail and password sign-in, one operation (the extraction scenario), styled
result kinds. Its client is imported when a connection is used, not when the platform is listed.

BrightEarth has no token refresh: the password typed is kept in memory for this QGIS session (so an expired token is
renewed silently) and never written anywhere; the access token goes to the secret store.
"""

import json
import math
import os
import time
from typing import TYPE_CHECKING, Any, Dict

from ...core.errors import InvalidInput
from ...core.i18n import amount, tr
from ...core.models import Connection, JobRecord, JobState
from ...core.platform import Capability, ConnectionForm, Field, FieldKind, Operation, Platform, PlatformContext
from ...core.progress import Progress
from . import DEFAULT_URL
from . import PLATFORM as PLATFORM_ID
from . import options as beod

if TYPE_CHECKING:  # shapely: imported when an AOI is made, not when QGIS starts
    from ...core.aoi import AOI

KINDS = beod.LAYERS
FORMAT_NAMES = {"shapefile": "Shapefile", "geopackage": "GeoPackage", "geotiff": "GeoTIFF", "3d_tiles": "3D Tiles"}


def _tokens(ctx: PlatformContext, connection: Connection) -> dict:
    raw = ctx.secrets.get(connection.id + "/tokens")
    try:
        return json.loads(raw) if raw else {}
    except ValueError:
        return {}


class ScenarioOperation(Operation):
    """One extraction scenario: project -> AOI -> start -> follow -> download -> unzip (providers.brightearth.workflow)."""

    kind = "scenario"
    processing_name = "brightearth_scenario"
    costly = True

    @property
    def title(self):
        return tr("BrightEarth extraction scenario")

    @property
    def outputs(self):
        return (("CREDITS", tr("Credits left"), "credits_after"),)

    @property
    def help(self):
        return tr("Sends the polygons of the input layer (selected features if you tick the box) as the area of "
                  "interest to BrightEarth On Demand, runs an extraction scenario (buildings, trees, roads, clutter, "
                  "DTM), downloads the results and loads them as layers. Uses a connection saved in the EO Connector "
                  "panel. Credits are consumed on your account.")

    def fields(self):
        def formats(values):
            return tuple((value, FORMAT_NAMES.get(value, value)) for value in values)

        return [
            Field("aoi", tr("Area of interest (polygons)"), FieldKind.AOI, required=True),
            Field("name", tr("Scenario name"), FieldKind.TEXT, required=True),
            Field("scenario_type", tr("Scenario type"), FieldKind.CHOICE, beod.SCENARIO_TYPES[0],
                  tuple((v, tr("Mono extraction (one image)") if v == "extraction-mono" else v)
                        for v in beod.SCENARIO_TYPES)),
            Field("source_image_id", tr("Basemap id (1 = ESRI)"), FieldKind.INT, 1, minimum=1,
                  help=tr("Basemap used as source imagery")),
            Field("augmented", tr("Augmented buildings"), FieldKind.BOOL, False),
            Field("output_crs", tr("Output CRS"), FieldKind.CHOICE, 3857,
                  tuple((code, f"EPSG:{code}") for code in beod.OUTPUT_CRS)),
            Field("vector_formats", tr("Vector formats"), FieldKind.CHOICES, ("shapefile", "geopackage"),
                  formats(beod.VECTOR_FORMATS)),
            Field("raster_formats", tr("Raster formats"), FieldKind.CHOICES, ("geotiff",), formats(beod.RASTER_FORMATS)),
            Field("three_d_formats", tr("3D formats"), FieldKind.CHOICES, ("3d_tiles",), formats(beod.THREE_D_FORMATS)),
            Field("dl_models", tr("Deep-learning models (comma separated, empty = default)"), FieldKind.TEXT, "",
                  advanced=True),
            Field("project_id", tr("Existing project id (0 = new project)"), FieldKind.INT, 0, minimum=0,
                  advanced=True),
            Field("output_dir", tr("Output folder"), FieldKind.FOLDER, required=True),
        ]

    def new_record(self, connection: Connection, values: Dict[str, Any]) -> JobRecord:
        from ...core.aoi import AOI
        from .workflow import new_scenario_record

        aoi = values.get("aoi")
        if not isinstance(aoi, AOI):
            raise InvalidInput(tr("Choose an area of interest first."))
        options = dict(values)
        models = options.get("dl_models") or []
        if isinstance(models, str):
            options["dl_models"] = [m.strip() for m in models.split(",") if m.strip()]
        scenario = beod.ScenarioOptions.from_dict(options)
        output_root = str(values.get("output_dir") or "").strip()
        if not output_root:
            raise InvalidInput(tr("Choose a folder for the results."))
        return new_scenario_record(connection.id, aoi, scenario, output_root,
                                   project_id=int(values.get("project_id") or 0) or None,
                                   project_name=str(values.get("project_name") or ""))

    def describe(self, record: JobRecord) -> str:
        return tr("BrightEarth scenario {name}", name=record.title)

    def run(self, client, record, progress, on_change, poll_interval=5.0):
        from .workflow import run_scenario

        return run_scenario(client, record, progress, on_change=on_change, poll_interval=poll_interval)

    def cancel_note(self, record: JobRecord) -> str:
        if record.remote.get("downloaded"):
            return tr("The results are already downloaded: nothing is lost.")
        if "scenario_id" in record.remote:
            return tr("The scenario keeps running on the BrightEarth server and its credits are spent. Only the "
                      "follow-up and the download stop here; Follow again picks them up without paying again.")
        return tr("Nothing has been started on the server yet: no credit is spent.")

    def cancelled_message(self, record: JobRecord) -> str:
        if record.remote.get("downloaded"):
            return tr("Cancelled after the download: the results are in the output folder.")
        if "scenario_id" in record.remote:
            return tr("Cancelled here; the scenario goes on on the server (its credits are spent): Follow again "
                      "downloads its results without paying again.")
        return tr("Cancelled before the scenario started: no credit was spent.")

    def cost(self, values, account, history=()):
        """The price per km² is not published: say so, with what is known (the area, the balance, and what the last
        scenario of this connection used for its area, as an estimate)."""
        area = getattr(values.get("aoi"), "area_km2", None)  # an AOI (imported only when one is used)
        if area is None:
            return ""
        credits = (account or {}).get("credits")
        last = next((r for r in sorted(history, key=lambda r: r.created, reverse=True) if _credits_used(r)), None)
        if last is not None:
            used, last_area = _credits_used(last), float(last.params.get("aoi_area_km2") or 0.0)
            estimate = max(1, math.ceil(area * used / last_area)) if last_area > 0 else None
            text = tr("Credits are charged by area (the price is not published). Your last scenario used {used} "
                      "credits for {area} km².", used=amount(used), area=_km2(last_area))
            if estimate is not None:
                text += " " + tr("At that rate this one ({this} km²) costs about {estimate}.", this=_km2(area),
                                 estimate=amount(estimate))
                if isinstance(credits, (int, float)) and estimate > credits:
                    text += " " + tr("That may be more than your {credits} credits.", credits=amount(credits))
            return text
        return tr("Credits are charged by area (the price is not published): this area is {area} km².",
                  area=_km2(area))

    def refusal(self, values, account):
        credits = (account or {}).get("credits")
        if isinstance(credits, (int, float)) and not isinstance(credits, bool) and credits <= 0:
            return tr("Your BrightEarth account has no credits left: buy credits, then press Test in the connection "
                      "section.")
        return ""


def _credits_used(record: JobRecord) -> float:
    """Credits a finished scenario used (its balance before minus after), 0 when unknown."""
    before, after = record.remote.get("credits_before"), record.remote.get("credits_after")
    if record.state != JobState.SUCCEEDED or not all(isinstance(v, (int, float)) for v in (before, after)):
        return 0
    return max(0, before - after)


def _km2(value: float) -> str:
    return f"{value:,.2f}" if value < 10 else f"{value:,.0f}"


class BrightEarthPlatform(Platform):
    id = PLATFORM_ID
    title = "BrightEarth On Demand"
    capabilities = frozenset({Capability.SIGN_IN, Capability.PROCESSING, Capability.DOWNLOAD})
    default_url = DEFAULT_URL
    max_aoi_km2 = 500.0  # the service refuses larger areas (400) after the project is made: refused here first

    def __init__(self):
        self._operations = {ScenarioOperation.kind: ScenarioOperation()}

    # -- the connection form
    def connection_form(self, values):
        return ConnectionForm([
            Field("url", tr("Server"), FieldKind.URL, DEFAULT_URL, required=True),
            Field("username", tr("E-mail"), FieldKind.TEXT, "", required=True, placeholder=tr("you@example.com")),
            Field("password", tr("Password"), FieldKind.PASSWORD, "", required=True,
                  help=tr("Sent only to the server's sign-in; never saved to disk.")),
        ], ok_label=tr("Sign in and save"))

    def connection_from_form(self, name, values):
        connection = super().connection_from_form(name, values)
        if not connection.username or "@" not in connection.username:
            raise InvalidInput(tr("Enter the e-mail address of your account."))
        if not values.get("password"):
            raise InvalidInput(tr("Enter your password."))
        connection.options = {}
        return connection

    # -- the session
    def client(self, ctx, connection):
        from .client import BeodClient

        tokens = _tokens(ctx, connection)
        return BeodClient(connection.url, connection.username, access_token=tokens.get("access_token"),
                          token_expiry=tokens.get("expiry"), password=ctx.memory.get(connection.id + "/password"),
                          http=ctx.http(connection.url),
                          on_tokens=lambda new: ctx.secrets.set(connection.id + "/tokens", json.dumps(new)))

    def sign_in(self, ctx, connection, credentials, *, progress=None, open_browser=None):
        password = (credentials or {}).get("password")
        client = self.client(ctx, connection)
        with client.http:
            if password:
                client.login(password)
                ctx.memory.set(connection.id + "/password", password)
            return self._account(connection, client.me())

    def check(self, ctx, connection, progress: Progress):
        return self.sign_in(ctx, connection, {}, progress=progress)

    def sign_in_methods(self, ctx, connection):
        return ("password",)

    def has_session(self, ctx, connection):
        tokens = _tokens(ctx, connection)
        fresh = tokens.get("access_token") and (not tokens.get("expiry") or tokens["expiry"] > time.time())
        return bool(fresh or ctx.memory.get(connection.id + "/password"))

    def forget_session(self, ctx, connection):
        ctx.memory.delete(connection.id + "/password")
        ctx.secrets.delete(connection.id + "/tokens")

    @staticmethod
    def _account(connection: Connection, me: dict) -> dict:
        account = dict(me or {})
        account["user"] = account.get("email") or connection.username
        return account

    def describe_account(self, connection, account):
        user = account.get("user") or connection.username
        if account.get("credits") is None:
            return tr("Signed in as {email}", email=user)
        return tr("Signed in as {email} — {credits} credits", email=user, credits=amount(account["credits"]))

    # -- operations and results
    def operations(self):
        return self._operations

    def aoi_problem(self, aoi: "AOI") -> str:
        if aoi.is_multipart:
            return tr("Several separate parts: BrightEarth needs one polygon (select one feature).")
        return super().aoi_problem(aoi)

    def result_kind(self, path: str) -> str:
        """building/tree/road/clutter/dtm from the storage tree (EXPORT/<kind>/<format>/file) or the file name."""
        parts = [p.lower() for p in path.replace("\\", "/").split("/")]
        for part in reversed(parts[:-1]):
            if part in KINDS:
                return part
        stem = os.path.splitext(parts[-1])[0]
        return next((k for k in KINDS if stem.startswith(k)), "")

    def console(self, runtime):
        from .console import console_functions

        return console_functions(self, runtime)


PLATFORM = BrightEarthPlatform()
