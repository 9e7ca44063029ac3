"""Exports (an image or a table to Google Drive, Cloud Storage or an Earth Engine asset) as Earth Engine
operations followed in the Jobs list with their state and progress, cancelled on the server when the job is; and
the user's own running tasks followed the same way. Bodies as ee-client 3.3 sends them (image:export,
table:export: ExportOptions with fileExportOptions or assetExportOptions)."""

from typing import Any, Dict

from ...core.errors import Cancelled, EOError, InvalidInput, ScenarioFailed
from ...core.i18n import tr
from ...core.log import get_logger
from ...core.models import JobRecord
from ...core.platform import Field, FieldKind, Operation
from . import PLATFORM
from .expressions import IMAGE, TABLE, constant, invocation, wrap
from .operations import image_field, layer_name, resolve, source_param

log = get_logger("earth_engine.exports")

DRIVE, STORAGE, ASSET = "drive", "cloud_storage", "asset"
FINISHED = ("SUCCEEDED", "FAILED", "CANCELLED")


def destination_names():
    return {DRIVE: tr("Google Drive"), STORAGE: tr("Cloud Storage"), ASSET: tr("Earth Engine asset")}


def state_words(state: str) -> str:
    return {"PENDING": tr("waiting on the server"), "RUNNING": tr("running on the server"),
            "CANCELLING": tr("being cancelled"), "SUCCEEDED": tr("done"), "FAILED": tr("failed"),
            "CANCELLED": tr("cancelled")}.get(state, state.lower())


def export_body(expression: dict, kind: str, params: Dict[str, Any]) -> dict:
    """The ExportOptions of one export: description, the destination's options, and for images the region and
    scale folded into the expression (Image.clipToBoundsAndScale, as earthengine-api does)."""
    destination, target = params["destination"], params["target"]
    prefix = params.get("file_name") or params["description"]
    if kind == IMAGE and params.get("aoi_wkt"):
        from ...core.aoi import aoi_from_wkt  # shapely: when an export is made, not when QGIS starts

        ring = [list(p) for p in aoi_from_wkt(params["aoi_wkt"]).geometry.convex_hull.exterior.coords]
        geometry = invocation("GeometryConstructors.Polygon", coordinates=constant([ring]),
                              evenOdd=constant(True))
        expression = wrap(expression, "Image.clipToBoundsAndScale", "input", geometry=geometry,
                          scale=constant(float(params.get("scale") or 30)))
    body: Dict[str, Any] = {"expression": expression, "description": params["description"]}
    if kind == IMAGE:
        body["maxPixels"] = int(params.get("max_pixels") or 1e10)
    file_format = "GEO_TIFF" if kind == IMAGE else params.get("table_format") or "GEO_JSON"
    if destination == ASSET:
        name = target if target.startswith("projects/") else f"projects/{params['project']}/assets/{target}"
        body["assetExportOptions"] = {"earthEngineDestination": {"name": name}}
    elif destination == STORAGE:
        body["fileExportOptions"] = {"fileFormat": file_format,
                                     "cloudStorageDestination": {"bucket": target, "filenamePrefix": prefix}}
    else:
        body["fileExportOptions"] = {"fileFormat": file_format,
                                     "driveDestination": {"folder": target, "filenamePrefix": prefix}}
    return body


def follow(client, record: JobRecord, progress, on_change, poll_interval: float) -> list:
    """Poll the record's operation until it ends; cancelling the job cancels it on the server."""
    name = record.remote["operation"]
    try:
        while True:
            operation = client.operation(name)
            metadata = operation.get("metadata") or {}
            state = str(metadata.get("state") or ("SUCCEEDED" if operation.get("done") else "PENDING"))
            if state != record.remote.get("state"):
                record.remote["state"] = state
                on_change(record)
            fraction = float(metadata.get("progress") or 0.0)
            progress.report(fraction, tr("Earth Engine task {state} ({percent} %)", state=state_words(state),
                                         percent=int(fraction * 100)))
            if operation.get("done") or state in FINISHED:
                break
            progress.sleep(poll_interval)
    except Cancelled:
        try:
            client.cancel_operation(name)
            record.remote["state"] = "CANCELLING"
            log.info("Earth Engine task %s cancelled on the server", name)
        except EOError as err:  # the local cancel stands; the log says why the server's did not
            log.warning("cancelling Earth Engine task %s failed: %s", name, err.details or err)
        raise
    error = operation.get("error") or {}
    if state == "CANCELLED":
        raise Cancelled(tr("The Earth Engine task was cancelled."))
    if state == "FAILED" or error:
        raise ScenarioFailed(tr("The Earth Engine task failed: {message}",
                                message=error.get("message") or tr("no reason given")))
    record.remote["destinations"] = list(metadata.get("destinationUris") or [])
    return []


class ExportOperation(Operation):
    kind = "export"
    processing_name = "earth_engine_export"
    costly = True

    @property
    def title(self):
        return tr("Earth Engine export")

    @property
    def help(self):
        return tr("Exports an image (over the area of interest, at the scale given) or a table to Google Drive, "
                  "Cloud Storage or an Earth Engine asset, as an Earth Engine task followed in the Jobs list; "
                  "cancelling the job cancels the task.")

    def fields(self):
        return [image_field(tr("Image, table or expression")),
                Field("what", tr("Export"), FieldKind.CHOICE, IMAGE, ((IMAGE, tr("Image")), (TABLE, tr("Table")))),
                Field("destination", tr("To"), FieldKind.CHOICE, DRIVE, tuple(destination_names().items())),
                Field("target", tr("Folder, bucket or asset id"), FieldKind.TEXT, "", required=True,
                      placeholder=tr("e.g. ee_exports")),
                Field("description", tr("Task name"), FieldKind.TEXT, "", placeholder="my_export"),
                Field("aoi", tr("Area of interest"), FieldKind.AOI),
                Field("scale", tr("Scale (metres per pixel)"), FieldKind.FLOAT, 30.0, minimum=0.01)]

    def new_record(self, connection, values):
        from ...core.aoi import AOI

        target = str(values.get("target") or "").strip()
        if not target:
            raise InvalidInput(tr("Give the Drive folder, the Cloud Storage bucket or the asset id to export to."))
        what = values.get("what") or IMAGE
        aoi = values.get("aoi")
        if what == IMAGE and not isinstance(aoi, AOI):
            raise InvalidInput(tr("Choose an area of interest: an image is exported over it."))
        params = {"image": source_param(values), "what": what, "destination": values.get("destination") or DRIVE,
                  "target": target, "scale": float(values.get("scale") or 30), "project": connection.options.get(
                      "project", ""), "aoi_wkt": aoi.wkt() if isinstance(aoi, AOI) else "",
                  "asset_type": values.get("asset_type") or ""}
        description = str(values.get("description") or "").strip() or \
            "".join(c if c.isalnum() else "_" for c in layer_name(params))[:90]
        params["description"] = description
        record = JobRecord(platform=PLATFORM, kind=self.kind, connection_id=connection.id,
                           title=tr("Export {name}", name=description))
        record.params = params
        return record

    def describe(self, record):
        return tr("Earth Engine export: {name}", name=record.title)

    def run(self, client, record, progress, on_change, poll_interval=5.0):
        if not record.remote.get("operation"):
            params = record.params
            expression = resolve(client, params, TABLE if params["what"] == TABLE else IMAGE)
            operation = client.export("table" if params["what"] == TABLE else "image",
                                      export_body(expression, params["what"], params))
            record.remote["operation"] = operation["name"]
            on_change(record)
        return follow(client, record, progress, on_change, poll_interval)

    def cancel_note(self, record):
        return tr("The Earth Engine task is cancelled on the server too; what it already wrote stays where it is.")


class TaskOperation(Operation):
    """One of the user's own Earth Engine tasks, followed in the Jobs list (not a Processing algorithm)."""

    kind = "task"

    @property
    def title(self):
        return tr("Earth Engine task")

    def fields(self):
        return [Field("operation", tr("Task (operation name)"), FieldKind.TEXT, "", required=True),
                Field("description", tr("Task name"), FieldKind.TEXT, "")]

    def new_record(self, connection, values):
        name = str(values.get("operation") or "").strip()
        if not name.startswith("projects/") or "/operations/" not in name:
            raise InvalidInput(tr("This is not an Earth Engine task name (projects/…/operations/…)."))
        record = JobRecord(platform=PLATFORM, kind=self.kind, connection_id=connection.id,
                           title=str(values.get("description") or name.rsplit("/", 1)[-1]))
        record.remote["operation"] = name
        return record

    def describe(self, record):
        return tr("Earth Engine task: {name}", name=record.title)

    def run(self, client, record, progress, on_change, poll_interval=5.0):
        return follow(client, record, progress, on_change, poll_interval)

    def cancel_note(self, record):
        return ExportOperation.cancel_note(self, record)


def running_tasks(client) -> list:
    """The account's tasks not finished yet: (operation name, description, state)."""
    found, token = [], ""
    while True:
        operations, token = client.operations(token)
        for operation in operations:
            metadata = operation.get("metadata") or {}
            if not operation.get("done") and metadata.get("state") not in FINISHED:
                found.append((operation["name"], str(metadata.get("description") or ""),
                              str(metadata.get("state") or "")))
        if not token:
            return found
