"""One Earth Engine session: the REST calls of a connection with its own token and Cloud project (the headers
earthengine-api sends: Authorization, X-Goog-User-Project), Google's error answers turned into sentences with the
service's own words. Paths are those earthengine-api 1.7 sends (protocols/earth-engine_rest.md)."""

from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import quote

from ...core.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    ProtocolError,
    RateLimited,
    ServerError,
    SessionExpired,
)
from ...core.i18n import tr
from ...core.log import get_logger, redact
from ...core.models import DownloadEntry
from .auth import TokenSource

log = get_logger("earth_engine.client")

DEFAULT_API_URL = "https://earthengine.googleapis.com"
API_VERSION = "v1"
LEGACY_PROJECT = "earthengine-legacy"
PUBLIC_PROJECT = "earthengine-public"


def asset_name(asset_id: str) -> str:
    """earthengine-api's rule: projects/*/assets/** as is; users/... and projects/... legacy ids under
    earthengine-legacy; anything else is a public catalogue id (earthengine-public)."""
    asset_id = asset_id.strip().strip("/")
    if asset_id.startswith("projects/") and "/assets" in asset_id:
        return asset_id
    if asset_id.startswith(("users/", "projects/")):
        return f"projects/{LEGACY_PROJECT}/assets/{asset_id}"
    return f"projects/{PUBLIC_PROJECT}/assets/{asset_id}"


def asset_id_of(name: str) -> str:
    """The id users type for an asset name (projects/earthengine-public/assets/X -> X)."""
    for prefix in (f"projects/{PUBLIC_PROJECT}/assets/", f"projects/{LEGACY_PROJECT}/assets/"):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def google_error(response) -> Tuple[str, str]:
    """(message, status) of Google's {"error": {"code", "message", "status"}} answer."""
    try:
        body = response.json()
    except ValueError:
        body = None
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        return redact(str(error.get("message") or "")), str(error.get("status") or "")
    if isinstance(error, str):
        return redact(error), ""
    return "", ""


def raise_for_answer(response) -> None:
    """Nothing below 400; otherwise the EOError of the status with Earth Engine's own words."""
    status = response.status_code
    if status < 400:
        return
    message, reason = google_error(response)
    details = f"{response.request.method if response.request is not None else '?'} {redact(response.url)} -> " \
              f"HTTP {status} {reason}: {message}"
    said = message or response.reason or f"HTTP {status}"
    if status == 400:
        raise InvalidInput(tr("Earth Engine refused the request: {message}", message=said), details=details)
    if status == 401:
        raise SessionExpired(tr("Earth Engine refused the sign-in ({message}): sign in again.", message=said),
                             details=details)
    if status == 403:
        raise PermissionDenied(tr("Earth Engine refused access: {message}", message=said), details=details)
    if status in (404, 410):
        raise NotFound(tr("Earth Engine does not know it: {message}", message=said), details=details)
    if status == 429:
        raise RateLimited(tr("Earth Engine is busy: {message} Try again in a moment.", message=said),
                          details=details)
    raise ServerError(tr("Earth Engine is having trouble: {message} Try again in a few minutes.", message=said),
                      details=details)


class EarthEngineClient:
    """The REST calls of one connection. `tokens` renews the access token (once for parallel calls); a 401 asks it
    for a fresh one once before giving up. `rasters`: the raster tools of the context (for pixels)."""

    def __init__(self, http, api_url: str, project: str, tokens: TokenSource, *, rasters=None,
                 catalog_url: str = "", connection=None):
        self.http = http
        self.api_url = (api_url or DEFAULT_API_URL).rstrip("/")
        self.project = project
        self.tokens = tokens
        self.rasters = rasters
        self.catalog_url = catalog_url
        self.connection = connection

    @property
    def project_path(self) -> str:
        return f"projects/{self.project}"

    def url(self, path: str) -> str:
        return f"{self.api_url}/{API_VERSION}/{path.lstrip('/')}"

    def headers(self, token: Optional[str] = None) -> Dict[str, str]:
        headers = {"Authorization": "Bearer " + (token or self.tokens.bearer())}
        if self.project and self.project != LEGACY_PROJECT:
            headers["X-Goog-User-Project"] = self.project
        return headers

    def call(self, method: str, path: str, *, body: Any = None, params: Optional[dict] = None, raw: bool = False,
             progress=None, idempotent: Optional[bool] = None):
        """One REST call; its JSON answer (or bytes with raw=True). A refused token is renewed once."""
        token = self.tokens.bearer()
        for attempt in (1, 2):
            response = self.http.request(method, self.url(path), json=body, params=params,
                                         headers=self.headers(token), progress=progress,
                                         idempotent=idempotent)
            if response.status_code == 401 and attempt == 1:
                response.close()
                token = self.tokens.force_refresh(token)
                continue
            break
        raise_for_answer(response)
        if raw:
            return response.content
        try:
            return response.json() if response.content else {}
        except ValueError:
            raise ProtocolError(details=f"{method} {path}: not JSON") from None

    # -- the algorithm table (for earthengine-api) and values
    def algorithms(self) -> dict:
        return self.call("GET", f"{self.project_path}/algorithms", params={"prettyPrint": "false"})

    def compute_value(self, expression: dict, progress=None) -> Any:
        answer = self.call("POST", f"{self.project_path}/value:compute", body={"expression": expression},
                           progress=progress, idempotent=True)
        if not isinstance(answer, dict) or "result" not in answer:
            raise ProtocolError(details="value:compute: no result")
        return answer["result"]

    # -- maps and thumbnails
    def create_map(self, expression: dict) -> str:
        """A new map of a visualised image: its tile URL template (…/tiles/{z}/{x}/{y})."""
        answer = self.call("POST", f"{self.project_path}/maps", params={"fields": "name"},
                           body={"expression": expression, "fileFormat": "AUTO_JPEG_PNG", "bandIds": []})
        name = answer.get("name") if isinstance(answer, dict) else None
        if not name:
            raise ProtocolError(details="maps: no name")
        return self.url(f"{name}/tiles/") + "{z}/{x}/{y}"

    def thumbnail(self, expression: dict, progress=None) -> bytes:
        answer = self.call("POST", f"{self.project_path}/thumbnails", params={"fields": "name"},
                           body={"expression": expression, "fileFormat": "PNG", "bandIds": []}, progress=progress)
        return self.call("GET", f"{answer['name']}:getPixels", raw=True, progress=progress)

    # -- assets
    def get_asset(self, asset_id: str) -> dict:
        return self.call("GET", asset_name(asset_id), params={"prettyPrint": "false"})

    def list_assets(self, parent: str, page_token: str = "", page_size: int = 100) -> Tuple[List[dict], str]:
        """One page of a folder, collection or project root ("projects/p" or "projects/p/assets")."""
        parent = parent.rstrip("/")
        if parent.endswith("/assets") and parent.count("/") == 2:
            parent = parent[: -len("/assets")]
        params = {"pageSize": page_size}
        if page_token:
            params["pageToken"] = page_token
        answer = self.call("GET", f"{quote(parent)}:listAssets", params=params)
        return list(answer.get("assets") or []), str(answer.get("nextPageToken") or "")

    # -- features and pixels
    def compute_features(self, expression: dict, page_token: str = "", page_size: int = 1000,
                         progress=None) -> Tuple[dict, str]:
        body = {"expression": expression, "pageSize": page_size}
        if page_token:
            body["pageToken"] = page_token
        answer = self.call("POST", f"{self.project_path}/table:computeFeatures", body=body, progress=progress,
                           idempotent=True)
        return answer, str(answer.get("nextPageToken") or "")

    def pixels_entry(self, body: dict, relative_path: str) -> DownloadEntry:
        """computePixels as a download entry (POST, JSON body, safe to repeat) whose token is renewed when the
        service refuses it."""
        def refresh(entry: DownloadEntry) -> DownloadEntry:
            stale = entry.headers.get("Authorization", "")[len("Bearer "):]
            entry.headers = self.headers(self.tokens.force_refresh(stale))
            return entry

        return DownloadEntry(self.url(f"{self.project_path}/image:computePixels"), relative_path,
                             headers=self.headers(), method="POST", body=body, idempotent=True, refresh=refresh)

    # -- exports and tasks
    def export(self, kind: str, body: dict) -> dict:
        """image:export or table:export: the new operation."""
        return self.call("POST", f"{self.project_path}/{kind}:export", body=body)

    def operations(self, page_token: str = "") -> Tuple[List[dict], str]:
        answer = self.call("GET", f"{self.project_path}/operations",
                           params={"pageToken": page_token} if page_token else None)
        return list(answer.get("operations") or []), str(answer.get("nextPageToken") or "")

    def operation(self, name: str) -> dict:
        return self.call("GET", name)

    def cancel_operation(self, name: str) -> None:
        self.call("POST", f"{name}:cancel", body={})

    def check_project(self) -> int:
        """The project answers for this account (registered for Earth Engine, the caller allowed): the number of
        assets on the first page of its root."""
        assets, _token = self.list_assets(self.project_path, page_size=50)
        return len(assets)
