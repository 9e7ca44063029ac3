"""A third platform that lives in the test suite only: it proves a platform is a description plus a few calls, and
that the dock, the console, Processing and the Jobs list take it without any change under eo_connector/.

"FakeSat archive" keeps its catalogue in memory (a password to sign in, three collections of scenes over a small
area), runs a "survey" processing over the AOI that writes a GeoJSON of the AOI, and downloads scenes as small
GeoJSON files. Nothing here imports QGIS: it is a pure provider, like the real ones.
"""

import json
import os
import time
from typing import Dict, List

from eo_connector.core.aoi import AOI, aoi_from_wkt
from eo_connector.core.errors import AuthenticationError, InvalidInput
from eo_connector.core.models import Asset, Collection, Connection, Item, JobRecord, Page
from eo_connector.core.platform import (
    Capability,
    ConnectionForm,
    Field,
    FieldKind,
    Operation,
    Platform,
    items_field,
    parse_items,
)

PLATFORM_ID = "fakesat"
PASSWORD = "open sesame"
COLLECTIONS = ("optical", "radar", "thermal")


def scene(collection: str, number: int) -> Item:
    west, south = 6.90 + 0.01 * number, 43.60
    ring = [[west, south], [west + 0.05, south], [west + 0.05, south + 0.05], [west, south + 0.05], [west, south]]
    asset = Asset(href=f"fakesat://{collection}/{number}.geojson", roles=["data"], size=None, path="footprint.geojson")
    return Item(id=f"{collection}-{number:03d}", geometry={"type": "Polygon", "coordinates": [ring]},
                datetime=f"2024-05-{number % 28 + 1:02d}T10:00:00Z", collection=collection,
                properties={"title": f"FakeSat {collection} scene {number}", "cloud_cover": float(number % 50)},
                assets={"data": asset})


class FakeClient:
    def __init__(self, ctx, connection):
        self.ctx, self.connection = ctx, connection
        self.http = None  # no network: nothing to close

    def signed_in(self) -> bool:
        return bool(self.ctx.memory.get(self.connection.id + "/session"))


class SurveyOperation(Operation):
    kind = "survey"
    title = "FakeSat survey"
    help = "Surveys the area of interest and writes it as a GeoJSON file."
    processing_name = "fakesat_survey"

    def fields(self):
        return [Field("aoi", "Area", FieldKind.AOI, required=True),
                Field("name", "Survey name", FieldKind.TEXT, "", required=True),
                Field("resolution", "Resolution", FieldKind.CHOICE, 10, ((10, "10 m"), (20, "20 m"))),
                Field("output_dir", "Output folder", FieldKind.FOLDER, required=True)]

    def new_record(self, connection, values):
        aoi = values.get("aoi")
        if not isinstance(aoi, AOI):
            raise InvalidInput("Choose an area of interest first.")
        if not str(values.get("name") or "").strip():
            raise InvalidInput("Give the survey a name.")
        record = JobRecord(platform=PLATFORM_ID, kind=self.kind, title=values["name"].strip(),
                           connection_id=connection.id)
        record.output_dir = os.path.join(str(values.get("output_dir") or ""), record.id)
        record.params = {"aoi_wkt": aoi.wkt(), "resolution": values.get("resolution", 10)}
        return record

    def run(self, client, record, progress, on_change, poll_interval=5.0):
        if not client.signed_in():
            raise AuthenticationError("Sign in to FakeSat first.")
        for step in range(5):
            progress.check()
            progress.report(step / 5, f"Surveying ({step + 1}/5)")
            time.sleep(0.01)
        os.makedirs(record.output_dir, exist_ok=True)
        path = os.path.join(record.output_dir, "survey.geojson")
        geometry = aoi_from_wkt(record.params["aoi_wkt"]).geometry.__geo_interface__
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"type": "FeatureCollection", "features": [
                {"type": "Feature", "geometry": geometry, "properties": {"resolution": record.params["resolution"]}}]},
                handle)
        record.outputs = [path]
        on_change(record)
        return [path]


class DownloadOperation(Operation):
    kind = "download"
    title = "FakeSat download"
    help = "Downloads the chosen scenes."
    processing_name = "fakesat_download"
    group_per_folder = True

    def fields(self):
        return [items_field("items", "Scenes"),
                Field("file_types", "Files", FieldKind.CHOICES, ("data",), (("data", "Data"),), required=True),
                Field("output_dir", "Download folder", FieldKind.FOLDER, required=True)]

    def new_record(self, connection, values):
        items = parse_items(values.get("items"))
        if not items:
            raise InvalidInput("Select at least one scene to download.")
        record = JobRecord(platform=PLATFORM_ID, kind=self.kind, title=f"{len(items)} FakeSat scenes",
                           connection_id=connection.id, output_dir=str(values.get("output_dir") or ""))
        record.params = {"scenes": [{"id": i.id, "geometry": i.geometry} for i in items]}
        return record

    def run(self, client, record, progress, on_change, poll_interval=5.0):
        files = []
        for index, found in enumerate(record.params["scenes"]):
            progress.check()
            folder = os.path.join(record.output_dir, found["id"])
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, "footprint.geojson")
            with open(path, "w", encoding="utf-8") as handle:
                json.dump({"type": "Feature", "geometry": found["geometry"], "properties": {"id": found["id"]}}, handle)
            files.append(path)
            progress.report((index + 1) / len(record.params["scenes"]), f"{index + 1} scenes")
        return files

    def estimate(self, values):
        return 0, len(parse_items(values.get("items"))), len(parse_items(values.get("items")))


class FakeSatPlatform(Platform):
    id = PLATFORM_ID
    title = "FakeSat archive"
    capabilities = frozenset({Capability.SIGN_IN, Capability.SEARCH, Capability.PROCESSING, Capability.DOWNLOAD})
    default_url = "https://fakesat.invalid/api"

    def __init__(self):
        self.sign_ins: List[str] = []
        self._operations = {op.kind: op for op in (SurveyOperation(), DownloadOperation())}

    def connection_form(self, values):
        return ConnectionForm([Field("url", "Archive", FieldKind.URL, self.default_url, required=True),
                               Field("username", "User", FieldKind.TEXT, "", required=True),
                               Field("password", "Password", FieldKind.PASSWORD, "", required=True)],
                              ok_label="Sign in to FakeSat")

    def sign_in(self, ctx, connection, credentials, *, progress=None, open_browser=None):
        if (credentials or {}).get("password") != PASSWORD:
            raise AuthenticationError("FakeSat sign-in failed: wrong password.")
        ctx.memory.set(connection.id + "/session", "yes")
        self.sign_ins.append(connection.name)
        return {"user": connection.username, "credits": 42}

    def sign_in_methods(self, ctx, connection):
        return ("password",)

    def has_session(self, ctx, connection):
        return bool(ctx.memory.get(connection.id + "/session"))

    def forget_session(self, ctx, connection):
        ctx.memory.delete(connection.id + "/session")

    def check(self, ctx, connection, progress):
        if not self.has_session(ctx, connection):
            raise AuthenticationError("Not signed in to FakeSat.")
        return {"user": connection.username, "credits": 42}

    def client(self, ctx, connection: Connection):
        return FakeClient(ctx, connection)

    def operations(self) -> Dict[str, Operation]:
        return self._operations

    def collections(self, client, **filters):
        return [Collection(id=name, title=f"FakeSat {name}") for name in COLLECTIONS]

    def search_fields(self, collection):
        return [Field("max_cloud", "Maximum cloud cover", FieldKind.INT, 100, minimum=0, maximum=100)]

    def search(self, client, collection, filters, aoi, progress):
        items = [scene(collection, n) for n in range(12)]
        limit = filters.get("max_cloud", 100)
        items = [i for i in items if i.properties["cloud_cover"] <= limit]
        yield Page([], len(items))
        for start in range(0, len(items), 5):
            yield Page(items[start:start + 5], len(items), start + 1)

    def console(self, runtime):
        def fakesat_scenes(collection: str = "optical", connection=None) -> List[Item]:
            """The scenes of a collection (a remote call, in a task)."""
            chosen = runtime.connection(connection, PLATFORM_ID)
            platform = self
            return runtime.call(chosen, "FakeSat scenes", lambda client: [
                item for page in platform.search(client, collection, {}, None, None) for item in page.items])

        return {"fakesat_scenes": fakesat_scenes}


FAKE = FakeSatPlatform()
