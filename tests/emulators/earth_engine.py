"""Earth Engine test emulator: the REST API as earthengine-api 1.7 and ee-client 3.3 speak it
(/work/shared/protocols/earth-engine_rest.md, earth-engine_sepal_ee-client.md), strict, with Google's token endpoint
and SEPAL's session endpoints (earth_engine_auth.py), an evaluator that renders real PNG tiles and GeoTIFFs
(earth_engine_compute.py) and the assets and public STAC catalogue of earth_engine_data.py.

    with EarthEngineEmulator() as emu:
        refresh = emu.accounts.issue_refresh_token()      # what `earthengine authenticate` would leave
        emu.write_credentials(path, refresh)

Options: token_ttl (access tokens, s), map_ttl (map ids, s), max_request_bytes / max_dimension (computePixels
limits), max_concurrent (computePixels in flight, more -> 429 "Too many concurrent requests."), operation_seconds
(an export's run time), list_page / features_page (server page sizes), faults, port.
Test controls: advance(seconds) (tokens, map ids, exports and SEPAL sessions age), accounts (issue / revoke /
expire tokens, add_service_account), busy(times) (429 on computePixels), maps, operations, plus EmulatorServer's
recorded(), faults and errors. Tiles need no token (a map id is the capability, as Earth Engine's tile URLs are
used by QGIS's XYZ layers); an unknown or expired map id answers 404.
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import json
import os
import secrets
import threading
import time

import numpy as np

from tests.emulators.earth_engine_auth import AUTH_PATH, SEPAL_FILES, SEPAL_LOGIN, TOKEN_PATH, GoogleAccounts
from tests.emulators.earth_engine_compute import (
    EEError,
    Evaluator,
    ImageValue,
    TableValue,
    geotiff,
    info,
    lonlat_of,
    png,
)
from tests.emulators.earth_engine_data import (
    PROJECT,
    build_assets,
    children,
    mercator_to_lonlat,
    pixel_centres,
    stac_file,
)
from tests.emulators.faults import EmulatorServer, FaultInjector, Request, Response, json_response

V = r"/v1(?:alpha)?"
MAX_REQUEST_BYTES, MAX_DIMENSION = 50331648, 32768
PROJECTS = (PROJECT, "earthengine-legacy", "earthengine-public")


def error(status: int, message: str, reason: str) -> Response:
    return json_response(status, {"error": {"code": status, "message": message, "status": reason}})


def ee_test_file(name: str) -> str:
    """A test data file shipped with earthengine-api (ee/tests/<name>), found without importing ee."""
    spec = importlib.util.find_spec("ee")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("earthengine-api is not installed")
    return os.path.join(list(spec.submodule_search_locations)[0], "tests", name)


class EarthEngineEmulator(EmulatorServer):
    def __init__(self, *, token_ttl: float = 3600, map_ttl: float = 3600, max_request_bytes: int = MAX_REQUEST_BYTES,
                 max_dimension: int = MAX_DIMENSION, max_concurrent: int = 40, operation_seconds: float = 2.0,
                 list_page: int = 100, features_page: int = 1000, many_assets: int = 130,
                 faults: FaultInjector | None = None, port: int = 0) -> None:
        super().__init__(faults=faults, port=port)
        self._offset = 0.0
        self.map_ttl, self.operation_seconds = map_ttl, operation_seconds
        self.max_request_bytes, self.max_dimension, self.max_concurrent = max_request_bytes, max_dimension, \
            max_concurrent
        self.list_page, self.features_page = list_page, features_page
        self.accounts = GoogleAccounts(self.now, token_ttl=token_ttl)
        self.assets = build_assets(many_assets)
        self.evaluator_lock = threading.Lock()
        self.maps: dict[str, tuple] = {}  # map id -> (image value, created)
        self.thumbnails: dict[str, object] = {}
        self.operations: dict[str, dict] = {}
        self._in_flight = 0
        self.pixel_cache: dict[str, bytes] | None = None  # set to {} to answer a repeated computePixels at once
        self._flight_lock = threading.Lock()
        self._add_user_task()
        add = self.router.add
        add("GET", r"/\$discovery/rest", self._discovery)
        add("POST", TOKEN_PATH, self.accounts.token_endpoint)
        add("GET", AUTH_PATH, self.accounts.authorization_endpoint)
        add("POST", SEPAL_LOGIN, self.accounts.sepal_login)
        add("GET", SEPAL_FILES, self.accounts.sepal_credentials)
        add("GET", r"/stac/(?P<path>.+)", self._stac)
        add("GET", V + r"/projects/(?P<p>[^/:]+)/algorithms", self._algorithms)
        add("POST", V + r"/projects/(?P<p>[^/:]+)/value:compute", self._compute)
        add("POST", V + r"/projects/(?P<p>[^/:]+)/maps", self._create_map)
        add("GET", V + r"/projects/(?P<p>[^/:]+)/maps/(?P<map_id>[^/]+)/tiles/(?P<z>\d+)/(?P<x>\d+)/(?P<y>\d+)",
            self._tile)
        add("POST", V + r"/projects/(?P<p>[^/:]+)/thumbnails", self._create_thumbnail)
        add("GET", V + r"/projects/(?P<p>[^/:]+)/thumbnails/(?P<thumb>[^/:]+):getPixels", self._thumbnail)
        add("GET", V + r"/(?P<parent>projects/[^:]+?)/?:listAssets", self._list_assets)
        add("GET", V + r"/(?P<name>projects/[^/:]+/assets/[^:]+)", self._get_asset)
        add("POST", V + r"/projects/(?P<p>[^/:]+)/image:computePixels", self._compute_pixels)
        add("POST", V + r"/projects/(?P<p>[^/:]+)/table:computeFeatures", self._compute_features)
        add("POST", V + r"/projects/(?P<p>[^/:]+)/(?P<kind>image|table):export", self._export)
        add("GET", V + r"/projects/(?P<p>[^/:]+)/operations", self._list_operations)
        add("GET", V + r"/projects/(?P<p>[^/:]+)/operations/(?P<op>[^/:]+)", self._get_operation)
        add("POST", V + r"/projects/(?P<p>[^/:]+)/operations/(?P<op>[^/:]+):cancel", self._cancel_operation)

    # --- clock and controls ---------------------------------------------------------------------------------
    def now(self) -> float:
        return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        self._offset += seconds

    @property
    def token_url(self) -> str:
        return self.url + TOKEN_PATH

    @property
    def auth_url(self) -> str:
        return self.url + AUTH_PATH

    @property
    def catalog_url(self) -> str:
        return self.url + "/stac/catalog.json"

    def write_credentials(self, path, refresh_token: str | None = None) -> str:
        """The file `earthengine authenticate` leaves (~/.config/earthengine/credentials)."""
        token = refresh_token or self.accounts.issue_refresh_token()
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"refresh_token": token, "client_id": "emulator-client", "client_secret": "emulator-secret",
                       "scopes": ["https://www.googleapis.com/auth/earthengine"]}, handle)
        return token

    def busy(self, times: int = 1, retry_after: float | None = None) -> None:
        """The next `times` computePixels answered 429 as the service does when too many run at once."""
        self.faults.add(r"image:computePixels$", "status", times=times, status=429, retry_after=retry_after,
                        body={"error": {"code": 429, "message": "Too many concurrent requests.",
                                        "status": "RESOURCE_EXHAUSTED"}})

    def _add_user_task(self) -> None:
        name = f"projects/{PROJECT}/operations/USERTASK0000000000000001"
        self.operations[name] = {"name": name, "created": self.now(), "seconds": 1e9, "cancelled": False,
                                 "description": "my_long_export", "type": "EXPORT_IMAGE", "kind": "image"}

    # --- checks shared by the routes ---------------------------------------------------------------------------
    def _check(self, request: Request, project: str | None) -> Response | None:
        """401 for a missing or expired token; 403 for a project this account may not use."""
        if self.accounts.account_of(request) is None:
            return error(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login "
                              "cookie or other valid authentication credential. See https://developers.google.com/"
                              "identity/sign-in/web/devconsole-project.", "UNAUTHENTICATED")
        for asked in (project, request.header("x-goog-user-project")):
            if asked and asked not in PROJECTS:
                return error(403, f"Caller does not have required permission to use project {asked}. Grant the "
                                  "caller the roles/serviceusage.serviceUsageConsumer role, or a custom role with the "
                                  "serviceusage.services.use permission, by visiting https://console.developers."
                                  f"google.com/iam-admin/iam/admin?project={asked} and then retry. Propagation of the "
                                  "new permission may take a few minutes.", "PERMISSION_DENIED")
        return None

    def _body(self, request: Request) -> dict | Response:
        try:
            body = request.json()
        except ValueError as err:
            return error(400, f"Invalid JSON payload received. {err}", "INVALID_ARGUMENT")
        return body if isinstance(body, dict) else error(400, "Invalid JSON payload received.", "INVALID_ARGUMENT")

    def _evaluate(self, expression):
        with self.evaluator_lock:
            return Evaluator(self.assets).evaluate(expression)

    def _posted_value(self, request: Request, project: str):
        """(body, value of its expression) of a POST, or (the refusal, None): 401/403, bad JSON, or the evaluator's
        400 INVALID_ARGUMENT in the service's words."""
        refused = self._check(request, project) or (body := self._body(request))
        if isinstance(refused, Response):
            return refused, None
        try:
            return body, self._evaluate(body.get("expression"))
        except EEError as err:
            return error(400, str(err), "INVALID_ARGUMENT"), None

    # --- discovery, algorithms, catalogue ------------------------------------------------------------------------
    def _discovery(self, request: Request) -> Response:
        text = open(ee_test_file("cloud_api_discovery_document.json"), encoding="utf-8").read()
        text = text.replace("v1alpha/", "v1/").replace('"version": "v1alpha"', '"version": "v1"')
        return Response(200, {"Content-Type": "application/json"}, text.encode())

    def _algorithms(self, request: Request, p: str) -> Response:
        refused = self._check(request, p)
        if refused:
            return refused
        data = open(ee_test_file("algorithms.json"), "rb").read()
        return Response(200, {"Content-Type": "application/json"}, data)

    def _stac(self, request: Request, path: str) -> Response:
        if path.startswith("thumbnails/") and path.endswith(".png"):
            lon, lat = np.meshgrid(np.linspace(6, 8, 64), np.linspace(44, 43, 64))
            return Response(200, {"Content-Type": "image/png"}, png(ImageValue(
                list(self.assets["projects/earthengine-public/assets/USGS/SRTMGL1_003"].bands)).rgba(lon, lat)))
        document = stac_file(self.url + "/stac/", path)
        if document is None:
            return Response(404, {"Content-Type": "text/html"}, b"<html><body>Not Found</body></html>")
        return json_response(200, document)

    # --- values, maps, thumbnails ----------------------------------------------------------------------------
    def _compute(self, request: Request, p: str) -> Response:
        body, value = self._posted_value(request, p)
        return body if isinstance(body, Response) else json_response(200, {"result": info(value)})

    def _create_map(self, request: Request, p: str) -> Response:
        body, value = self._posted_value(request, p)
        if isinstance(body, Response):
            return body
        if not isinstance(value, ImageValue):
            return error(400, "Expected a value of type Image.", "INVALID_ARGUMENT")
        map_id = secrets.token_hex(16) + "-" + secrets.token_hex(8)
        self.maps[map_id] = (value, self.now())
        return json_response(200, {"name": f"projects/{p}/maps/{map_id}"})

    def expire_maps(self) -> None:
        for map_id, (value, _created) in list(self.maps.items()):
            self.maps[map_id] = (value, self.now() - self.map_ttl - 1)

    def _tile(self, request: Request, p: str, map_id: str, z: str, x: str, y: str) -> Response:
        found = self.maps.get(map_id)
        if found is None or found[1] + self.map_ttl <= self.now():
            return error(404, "Map not found.", "NOT_FOUND")
        zoom, col, row = int(z), int(x), int(y)
        if zoom > 24 or not (0 <= col < 2 ** zoom and 0 <= row < 2 ** zoom):
            return error(400, f"Tile {zoom}/{col}/{row} is out of range.", "INVALID_ARGUMENT")
        size = 2 * 20037508.342789244 / 2 ** zoom
        mx, my = pixel_centres(-20037508.342789244 + col * size, 20037508.342789244 - row * size, size / 256,
                               -size / 256, 256, 256)
        lon, lat = mercator_to_lonlat(mx, my)
        return Response(200, {"Content-Type": "image/png"}, png(found[0].rgba(lon, lat)))

    def _create_thumbnail(self, request: Request, p: str) -> Response:
        body, value = self._posted_value(request, p)
        if isinstance(body, Response):
            return body
        thumb = secrets.token_hex(12)
        self.thumbnails[thumb] = value
        return json_response(200, {"name": f"projects/{p}/thumbnails/{thumb}"})

    def _thumbnail(self, request: Request, p: str, thumb: str) -> Response:
        value = self.thumbnails.get(thumb)
        if not isinstance(value, ImageValue):
            return error(404, "Thumbnail not found.", "NOT_FOUND")
        lon, lat = np.meshgrid(np.linspace(6.5, 7.5, 128), np.linspace(44, 43, 128))
        return Response(200, {"Content-Type": "image/png"}, png(value.rgba(lon, lat)))

    # --- assets ---------------------------------------------------------------------------------------------
    def _get_asset(self, request: Request, name: str) -> Response:
        refused = self._check(request, name.split("/")[1])
        if refused:
            return refused
        spec = self.assets.get(name.rstrip("/"))
        if spec is None:
            return error(404, f"Asset '{name}' does not exist or doesn't allow this operation.", "NOT_FOUND")
        return json_response(200, spec.info())

    def _list_assets(self, request: Request, parent: str) -> Response:
        refused = self._check(request, parent.split("/")[1])
        if refused:
            return refused
        parent = parent.rstrip("/")
        folder = parent + "/assets" if parent.count("/") == 1 else parent
        if folder.count("/") > 2 and (folder not in self.assets or self.assets[folder].type not in
                                      ("FOLDER", "IMAGE_COLLECTION")):
            return error(404, f"Asset '{folder}' does not exist or doesn't allow this operation.", "NOT_FOUND")
        found = children(self.assets, folder)
        size = min(int(request.arg("pageSize") or self.list_page), self.list_page)
        start = int(base64.b64decode(request.arg("pageToken")).decode()) if request.arg("pageToken") else 0
        page = found[start:start + size]
        answer = {"assets": [{k: v for k, v in s.info().items() if k in ("type", "name", "id", "updateTime")}
                             for s in page]}
        if start + size < len(found):
            answer["nextPageToken"] = base64.b64encode(str(start + size).encode()).decode()
        return json_response(200, answer)

    # --- pixels and features -------------------------------------------------------------------------------
    def _compute_pixels(self, request: Request, p: str) -> Response:
        refused = self._check(request, p) or (body := self._body(request))
        if isinstance(refused, Response):
            return refused
        with self._flight_lock:
            if self._in_flight >= self.max_concurrent:
                return error(429, "Too many concurrent requests.", "RESOURCE_EXHAUSTED")
            self._in_flight += 1
        try:
            return self._pixels(body)
        finally:
            with self._flight_lock:
                self._in_flight -= 1

    def _pixels(self, body: dict) -> Response:
        key = json.dumps(body, sort_keys=True) if self.pixel_cache is not None else ""
        if key in (self.pixel_cache or {}):
            return Response(200, {"Content-Type": "image/tiff"}, self.pixel_cache[key])
        response = self._computed_pixels(body)
        if key and response.status == 200:
            self.pixel_cache[key] = response.body
        return response

    def _computed_pixels(self, body: dict) -> Response:
        file_format = body.get("fileFormat") or "AUTO_JPEG_PNG"
        if file_format != "GEO_TIFF":
            return error(400, f"Unsupported file format in this emulator: {file_format}.", "INVALID_ARGUMENT")
        grid = body.get("grid") or {}
        dims, affine = grid.get("dimensions") or {}, grid.get("affineTransform") or {}
        width, height = int(dims.get("width") or 0), int(dims.get("height") or 0)
        if width <= 0 or height <= 0 or not affine:
            return error(400, "Pixel grid dimensions and affine transform are required.", "INVALID_ARGUMENT")
        if width > self.max_dimension or height > self.max_dimension:
            return error(400, f"Grid dimensions ({width}x{height}) must be less than or equal to "
                              f"{self.max_dimension} pixels on each side.", "INVALID_ARGUMENT")
        try:
            value = self._evaluate(body.get("expression"))
        except EEError as err:
            return error(400, str(err), "INVALID_ARGUMENT")
        if not isinstance(value, ImageValue):
            return error(400, "Expected a value of type Image.", "INVALID_ARGUMENT")
        bands = value.bands
        if body.get("bandIds"):
            missing = [b for b in body["bandIds"] if b not in [band.id for band in bands]]
            if missing:
                return error(400, f"Band '{missing[0]}' does not exist in the image.", "INVALID_ARGUMENT")
            bands = [next(band for band in bands if band.id == b) for b in body["bandIds"]]
        common = np.result_type(*[np.dtype(b.dtype) for b in bands]).itemsize
        total = width * height * common * len(bands)
        if total > self.max_request_bytes:
            return error(400, f"Total request size ({total} bytes) must be less than or equal to "
                              f"{self.max_request_bytes} bytes.", "INVALID_ARGUMENT")
        sx, sy = float(affine.get("scaleX")), float(affine.get("scaleY"))
        x0, y0 = float(affine.get("translateX")), float(affine.get("translateY"))
        crs = grid.get("crsCode") or "EPSG:4326"
        xs, ys = pixel_centres(x0, y0, sx, sy, width, height)
        lon, lat = lonlat_of(xs, ys, crs)
        arrays = [b.values(lon, lat) for b in bands]
        data = geotiff(arrays, [b.id for b in bands], (x0, sx, 0.0, y0, 0.0, sy), crs)
        return Response(200, {"Content-Type": "image/tiff"}, data)

    def _compute_features(self, request: Request, p: str) -> Response:
        body, value = self._posted_value(request, p)
        if isinstance(body, Response):
            return body
        if not isinstance(value, TableValue):
            return error(400, "Expected a value of type FeatureCollection.", "INVALID_ARGUMENT")
        size = min(int(body.get("pageSize") or self.features_page), self.features_page)
        start = int(base64.b64decode(body["pageToken"]).decode()) if body.get("pageToken") else 0
        answer = {"type": "FeatureCollection", "features": value.features[start:start + size]}
        if start + size < len(value.features):
            answer["nextPageToken"] = base64.b64encode(str(start + size).encode()).decode()
        return json_response(200, answer)

    # --- exports and operations ----------------------------------------------------------------------------
    def _export(self, request: Request, p: str, kind: str) -> Response:
        body, value = self._posted_value(request, p)
        if isinstance(body, Response):
            return body
        wanted = ImageValue if kind == "image" else TableValue
        if not isinstance(value, wanted) or not body.get("description"):
            return error(400, f"Invalid {kind} export: an expression of the right type and a description are "
                              "required.", "INVALID_ARGUMENT")
        if not (body.get("fileExportOptions") or body.get("assetExportOptions")):
            return error(400, "Export destination is required.", "INVALID_ARGUMENT")
        name = f"projects/{p}/operations/{secrets.token_hex(12).upper()}"
        self.operations[name] = {"name": name, "created": self.now(), "seconds": self.operation_seconds,
                                 "cancelled": False, "description": body["description"], "body": body,
                                 "type": "EXPORT_IMAGE" if kind == "image" else "EXPORT_FEATURES", "kind": kind}
        return json_response(200, self._operation(name))

    def _operation(self, name: str) -> dict:
        op = self.operations[name]
        elapsed = self.now() - op["created"]
        progress = min(1.0, elapsed / op["seconds"])
        state = "CANCELLED" if op["cancelled"] else "SUCCEEDED" if progress >= 1 else \
            "RUNNING" if progress > 0.1 else "PENDING"
        created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(op["created"]))
        metadata = {"@type": "type.googleapis.com/google.earthengine.v1.OperationMetadata", "state": state,
                    "description": op["description"], "priority": 100, "createTime": created,
                    "updateTime": created, "startTime": created, "type": op["type"], "attempt": 1,
                    "progress": round(progress, 3)}
        answer = {"name": name, "metadata": metadata, "done": state in ("SUCCEEDED", "CANCELLED")}
        if state == "SUCCEEDED":
            metadata["destinationUris"] = ["https://drive.google.com/#folders/emulator"]
            answer["response"] = {"@type": "type.googleapis.com/google.protobuf.Empty"}
        if state == "CANCELLED":
            answer["error"] = {"code": 1, "message": "Cancelled."}
        return answer

    def _list_operations(self, request: Request, p: str) -> Response:
        refused = self._check(request, p)
        if refused:
            return refused
        names = [n for n in self.operations if n.startswith(f"projects/{p}/")]
        return json_response(200, {"operations": [self._operation(n) for n in names]})

    def _get_operation(self, request: Request, p: str, op: str) -> Response:
        refused = self._check(request, p)
        name = f"projects/{p}/operations/{op}"
        if refused:
            return refused
        if name not in self.operations:
            return error(404, f"Operation {name} not found.", "NOT_FOUND")
        return json_response(200, self._operation(name))

    def _cancel_operation(self, request: Request, p: str, op: str) -> Response:
        refused = self._check(request, p)
        name = f"projects/{p}/operations/{op}"
        if refused:
            return refused
        if name not in self.operations:
            return error(404, f"Operation {name} not found.", "NOT_FOUND")
        self.operations[name]["cancelled"] = True
        return json_response(200, {})


def main() -> None:
    parser = argparse.ArgumentParser(description="Earth Engine emulator on 127.0.0.1")
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--credentials", default="emulator-earthengine-credentials.json")
    args = parser.parse_args()
    with EarthEngineEmulator(port=args.port) as emulator:
        emulator.write_credentials(args.credentials)
        print(f"Earth Engine emulator on {emulator.url}; credentials file {args.credentials}; project {PROJECT}; "
              f"token endpoint {emulator.token_url}; catalogue {emulator.catalog_url}")
        emulator.wait_for_ctrl_c()


if __name__ == "__main__":
    main()
