"""RS-Server's jobs: catalogue search and asset download (the shared STAC ones), CADIP session search, AUXIP search
and staging. Each is a Processing algorithm, a console call and a dock action.

Staging survives QGIS closing: the server's job ids are written into the JobRecord (`remote["jobs"]`) as soon as the
server answers; following the job again polls those ids rather than staging twice. Cancelling from the Jobs list
dismisses the server's jobs (DELETE /jobs/{id}); QGIS closing does not (the job goes on on the server).
"""

from typing import TYPE_CHECKING, Any, Dict, List

from ...core.errors import Cancelled, EOError, InvalidInput, ProtocolError, ScenarioFailed
from ...core.i18n import number, tr
from ...core.models import Item, JobRecord
from ...core.platform import Field, FieldKind, Operation, items_field, parse_items
from ..stac.operations import AssetDownloadOperation, StacSearchOperation
from ..stac.parameters import search_parameters
from . import AUXIP_STATIONS, CADIP_STATIONS, PLATFORM, PLATFORMS

if TYPE_CHECKING:
    from .client import RsServerClient

DEFAULT_MAX = 500


def cadip_collection(station: str) -> str:
    return f"cadip_{station.lower()}"


def auxip_collection(station: str = "ADGS") -> str:
    return f"{station.lower()}_aux"


def _day(value, end=False) -> str:
    text = value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]
    return text + ("T23:59:59Z" if end else "T00:00:00Z")


def interval(values: Dict[str, Any]):
    start, end = values.get("start"), values.get("end")
    if start and end and str(start)[:10] > str(end)[:10]:
        raise InvalidInput(tr("The start date is after the end date: swap them."))
    if not start and not end:
        return None
    return (_day(start) if start else None, _day(end, True) if end else None)


def cadip_body(values: Dict[str, Any]) -> Dict[str, Any]:
    """A CADIP session search: station's collection, dates, session ids, platform (a CQL2-JSON equality)."""
    station = str(values.get("station") or "CADIP").upper()
    if station not in CADIP_STATIONS:
        raise InvalidInput(tr("Unknown CADIP station {station}: choose among {choices}.", station=station,
                              choices=", ".join(CADIP_STATIONS)))
    platform = values.get("platform") or ""
    filter_ = {"op": "=", "args": [{"property": "platform"}, platform]} if platform else None
    return search_parameters(collections=[cadip_collection(station)], datetime=interval(values),
                             ids=values.get("session_ids") or None, filter=filter_, sortby="-datetime",
                             limit=values.get("limit") or 100)


def auxip_body(values: Dict[str, Any]) -> Dict[str, Any]:
    """An AUXIP search: dates and CQL2-JSON on the auxiliary-data attributes (product type, platform, own filter)."""
    args = []
    if values.get("product_type"):
        args.append({"op": "=", "args": [{"property": "product:type"}, values["product_type"]]})
    if values.get("platform"):
        args.append({"op": "=", "args": [{"property": "platform"}, values["platform"]]})
    own = values.get("filter")
    if isinstance(own, str) and own.strip():
        import json

        try:
            own = json.loads(own)
        except ValueError as err:
            raise InvalidInput(tr("The CQL2-JSON filter is not valid JSON: {error}", error=str(err))) from None
    if isinstance(own, dict) and own:
        args.append(own)
    filter_ = None if not args else args[0] if len(args) == 1 else {"op": "and", "args": args}
    station = str(values.get("station") or "ADGS").upper()
    return search_parameters(collections=[auxip_collection(station)], datetime=interval(values), filter=filter_,
                             sortby="-datetime", limit=values.get("limit") or 100)


def platform_choices():
    return (("", tr("any")),) + tuple((p, p) for p in PLATFORMS)


class StationSearchOperation(Operation):
    output = "items"

    def __init__(self, service: str):
        self.service = service
        self.kind = f"{service}_search"
        self.processing_name = f"rs_server_{service}_search"

    @property
    def title(self):
        return tr("RS-Server CADIP session search") if self.service == "cadip" else tr("RS-Server AUXIP search")

    @property
    def help(self):
        if self.service == "cadip":
            return tr("Searches a CADIP station's downlink sessions by platform, dates and session ids; writes the "
                      "sessions as a layer whose features keep their files (channel, block number, size), ready for "
                      "staging.")
        return tr("Searches the AUXIP auxiliary data by dates, product type, platform and a CQL2-JSON filter; writes "
                  "the files found as a layer, ready for staging.")

    def fields(self):
        if self.service == "cadip":
            fields = [Field("station", tr("Station"), FieldKind.CHOICE, "CADIP", tuple((s, s) for s in CADIP_STATIONS)),
                      Field("platform", tr("Platform"), FieldKind.CHOICE, "", platform_choices()),
                      Field("start", tr("Start date"), FieldKind.DATE, None),
                      Field("end", tr("End date"), FieldKind.DATE, None),
                      Field("session_ids", tr("Session ids"), FieldKind.TEXT, "", placeholder=tr("comma-separated"),
                            advanced=True)]
        else:
            fields = [Field("station", tr("Station"), FieldKind.CHOICE, "ADGS", tuple((s, s) for s in AUXIP_STATIONS),
                            advanced=True),
                      Field("start", tr("Start date"), FieldKind.DATE, None),
                      Field("end", tr("End date"), FieldKind.DATE, None),
                      Field("product_type", tr("Product type"), FieldKind.TEXT, "", placeholder="AUX_RESORB"),
                      Field("platform", tr("Platform"), FieldKind.CHOICE, "", platform_choices()),
                      Field("filter", tr("CQL2-JSON filter"), FieldKind.TEXT, "", advanced=True)]
        return fields + [Field("max_items", tr("At most this many results"), FieldKind.INT, DEFAULT_MAX, minimum=1)]

    def body(self, values):
        return cadip_body(values) if self.service == "cadip" else auxip_body(values)

    def new_record(self, connection, values):
        body = self.body(values)
        record = JobRecord(platform=PLATFORM, kind=self.kind, connection_id=connection.id,
                           title=tr("{service} search in {collection}", service=self.service.upper(),
                                    collection=body["collections"][0]))
        record.params = {"body": body, "max_items": int(values.get("max_items") or DEFAULT_MAX),
                         "method": "GET" if self.service == "cadip" and "filter" not in body else None}
        return record

    def run(self, client: "RsServerClient", record, progress, on_change, poll_interval=5.0) -> List[Item]:
        items: List[Item] = []
        for page in client.service(self.service).search(record.params["body"], method=record.params.get("method"),
                                                         max_items=record.params.get("max_items"),
                                                         progress=progress):
            items.extend(page.items)
            progress.report(len(items) / max(page.total or len(items), 1),
                            tr("{count} results", count=number(len(items))))
        record.remote["found"] = len(items)
        return items


class StagingOperation(Operation):
    kind = "staging"
    output = "items"
    processing_name = "rs_server_staging"
    costly = True
    outputs = (("STAGED", "Staged items", "staged"),)

    @property
    def title(self):
        return tr("RS-Server staging")

    @property
    def help(self):
        return tr("Sends the chosen CADIP/AUXIP files (the features of a session or AUXIP search layer, or a search "
                  "by reference) to RS-Server's staging process, one request per asset host, follows the staging "
                  "jobs (accepted, running, successful, failed or dismissed) and writes the staged items found in "
                  "your catalogue collection as a layer. It survives QGIS closing: follow it again from the Jobs "
                  "list.")

    def fields(self):
        field = items_field("items", tr("Files to stage (a CADIP or AUXIP search layer)"))
        field.required = False
        return [field,
                Field("collection", tr("Catalogue collection"), FieldKind.TEXT, "", required=True,
                      placeholder="s1_chunks", help=tr("The collection of your catalogue that receives the files.")),
                Field("reference", tr("Or a search by reference"), FieldKind.TEXT, "", advanced=True,
                      placeholder="https://…/cadip/search?ids=…&collections=…")]

    def new_record(self, connection, values):
        items = parse_items(values.get("items"))
        keys = values.get("asset_keys") or {}
        collection = str(values.get("collection") or "").strip().split(":", 1)[-1]
        reference = str(values.get("reference") or "").strip()
        if not collection:
            raise InvalidInput(tr("Choose the catalogue collection that receives the staged files."))
        if not items and not reference:
            raise InvalidInput(tr("Select the files to stage (a session's files, or AUXIP results)."))
        if reference and not reference.startswith(("http://", "https://")):
            raise InvalidInput(tr("A search by reference is a search URL (http…)."))
        chosen = []
        for item in items:
            wanted = keys.get(item.id) if isinstance(keys, dict) else None
            assets = {k: a for k, a in item.assets.items() if not wanted or k in wanted}
            if assets:
                chosen.append(Item(item.id, item.geometry, item.datetime, dict(item.properties), assets,
                                   item.collection, item.provider))
        if items and not chosen:
            raise InvalidInput(tr("The selected results have no files to stage."))
        files = sum(len(i.assets) for i in chosen)
        record = JobRecord(platform=PLATFORM, kind=self.kind, connection_id=connection.id,
                           title=tr("Staging {count} files into {collection}", count=files, collection=collection)
                           if chosen else tr("Staging a search into {collection}", collection=collection))
        from ..stac.items import item_to_stac

        record.params = {"collection": collection, "reference": reference,
                         "items": [item_to_stac(i) for i in chosen], "item_ids": [i.id for i in chosen]}
        return record

    def describe(self, record):
        return tr("RS-Server staging: {name}", name=record.title)

    def cancel_note(self, record):
        return tr("The staging jobs are dismissed on RS-Server (DELETE /jobs); files already staged stay in your "
                  "catalogue.")

    def run(self, client: "RsServerClient", record: JobRecord, progress, on_change, poll_interval=5.0):
        return run_staging(client, record, progress, on_change, poll_interval)


def _fix_links(client: "RsServerClient", items: List[dict]) -> List[dict]:
    """Root and collection links pointing at the station service (the staging service validates them)."""
    for item in items:
        service = "auxip" if "aux" in str(item.get("collection", "")).lower() else "cadip"
        root = client.service(service).root_url.rstrip("/")
        links = [link for link in item.get("links") or [] if link.get("rel") not in ("root", "collection")]
        links += [{"rel": "root", "href": root + "/", "type": "application/json"},
                  {"rel": "collection", "href": f"{root}/collections/{item.get('collection')}",
                   "type": "application/json"}]
        item["links"] = links
    return items


def run_staging(client: "RsServerClient", record: JobRecord, progress, on_change, poll_interval: float = 2.0):
    from .client import FINAL_STATES, staged_items_search  # the client: when a staging runs, not at QGIS's start

    remote = record.remote
    params = record.params
    if not remote.get("jobs"):
        progress.report(0.0, tr("Sending the staging request"))
        if params.get("reference"):
            answers = client.run_staging_by_reference(params["reference"], params["collection"], progress)
        else:
            answers = client.run_staging(_fix_links(client, [dict(i) for i in params["items"]]),
                                         params["collection"], progress)
        remote["jobs"] = [{"host": host, "id": info["jobID"], "status": info["status"],
                           "message": info.get("message", "")} for host, info in answers.items()]
        on_change(record)  # the ids are on disk before anything else: a restart follows these jobs
    jobs = remote["jobs"]
    try:
        while True:
            progress.check()
            fractions = []
            for job in jobs:
                if job["status"] not in FINAL_STATES:
                    info = client.get_job_info(job["id"], progress)
                    job["status"], job["message"] = info["status"], info.get("message", "")
                    job["progress"] = info.get("progress")
                fractions.append(1.0 if job["status"] in FINAL_STATES else float(job.get("progress") or 0) / 100.0)
            states = ", ".join(f"{j['status']}" + (f" ({j['message']})" if j.get("message") else "") for j in jobs)
            on_change(record)
            progress.report(0.9 * sum(fractions) / len(fractions), tr("Staging: {states}", states=states))
            if all(j["status"] in FINAL_STATES for j in jobs):
                break
            progress.sleep(poll_interval)
    except Cancelled:
        if remote.get("cancel_requested"):
            for job in jobs:
                if job["status"] not in FINAL_STATES:
                    try:
                        info = client.delete_job(job["id"])
                        job["status"] = info.get("status", "dismissed") if isinstance(info, dict) else "dismissed"
                    except EOError as err:
                        job["message"] = err.message
            on_change(record)
        raise
    failed = [j for j in jobs if j["status"] == "failed"]
    dismissed = [j for j in jobs if j["status"] == "dismissed"]
    if failed:
        raise ScenarioFailed(tr("The staging job {id} failed on RS-Server: {message}", id=failed[0]["id"],
                                message=failed[0].get("message") or tr("no reason given")))
    if dismissed:
        raise ScenarioFailed(tr("The staging job {id} was dismissed on RS-Server (cancelled there): nothing more "
                                "will be staged.", id=dismissed[0]["id"]))
    progress.report(0.95, tr("Finding the staged items in {collection}", collection=params["collection"]))
    ids = params.get("item_ids") or []
    if not ids:  # a search by reference: the job's results name the items
        for job in jobs:
            try:
                results = client.get_job_results(job["id"], progress)
            except EOError:
                continue
            ids += [str(i) for i in (results or {}).get("items", [])] if isinstance(results, dict) else []
    items = staged_items_search(client, params["collection"], ids, progress)
    if ids and not items:
        raise ProtocolError(tr("The staging jobs succeeded but the staged items are not in collection {collection} "
                               "of your catalogue.", collection=params["collection"]))
    remote["staged"] = len(items)
    on_change(record)
    progress.report(1.0, tr("1 staged item in {collection}", collection=params["collection"]) if len(items) == 1
                    else tr("{count} staged items in {collection}", count=len(items), collection=params["collection"]))
    return items


def operations() -> Dict[str, Operation]:
    found = [StacSearchOperation(PLATFORM, "rs_server_search", tr("RS-Server catalogue search")),
             AssetDownloadOperation(PLATFORM, "rs_server_download", tr("RS-Server asset download")),
             StationSearchOperation("cadip"), StationSearchOperation("auxip"), StagingOperation()]
    return {op.kind: op for op in found}


__all__ = ["operations", "cadip_body", "auxip_body"]
