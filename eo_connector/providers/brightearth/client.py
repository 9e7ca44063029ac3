"""BrightEarth On Demand REST client: one method per call of protocols/brightearth.md.

Only login() ever sends the password. The API has no refresh endpoint: when a call answers 401 the client signs in
again with the password it was given for this QGIS session (kept in memory only, never stored); without one it
raises SessionExpired so the user is asked to sign in again.
"""

import threading
import time
from typing import Callable, Dict, Iterator, List, Optional

from ...core.errors import (
    AoiError,
    AuthenticationError,
    InvalidInput,
    NotEnoughCredits,
    ProtocolError,
    SessionExpired,
)
from ...core.http import HttpSession
from ...core.i18n import tr
from ...core.log import logger, register_secret
from .url_tree import CONTINUATION_KEY, flatten_url_tree


class BeodClient:
    def __init__(
        self,
        base_url: str,
        email: str,
        *,
        access_token: Optional[str] = None,
        token_expiry: Optional[float] = None,
        password: Optional[str] = None,
        http: Optional[HttpSession] = None,
        on_tokens: Optional[Callable[[dict], None]] = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.email = email
        self.http = http or HttpSession(self.base_url)
        self._password = password
        self._access_token = access_token
        self._token_expiry = token_expiry
        self._on_tokens = on_tokens
        self._auth_lock = threading.Lock()
        for secret in (password, access_token):
            if secret:
                register_secret(secret)

    # -- authentication
    @property
    def signed_in(self) -> bool:
        return bool(self._access_token)

    def login(self, password: Optional[str] = None) -> dict:
        """POST /auth/login. The only call that carries the password."""
        password = password if password is not None else self._password
        if not password:
            raise SessionExpired(tr("Sign in to BrightEarth again: your session has expired."))
        register_secret(password)
        response = self.http.request("POST", "/auth/login", json={"email": self.email, "password": password})
        if response.status_code in (400, 401, 403):
            raise AuthenticationError(tr("BrightEarth sign-in failed: wrong e-mail or password."),
                                      details=f"HTTP {response.status_code}")
        self.http.raise_for_status(response)
        tokens = self.http.json_or_raise(response)
        if not tokens.get("access_token"):
            raise ProtocolError(details="login answer without access_token")
        for key in ("access_token", "refresh_token"):
            if tokens.get(key):
                register_secret(tokens[key])
        self._password = password
        self._access_token = tokens["access_token"]
        self._token_expiry = time.time() + float(tokens.get("expires_in") or 0) if tokens.get("expires_in") else None
        if self._on_tokens:
            self._on_tokens({"access_token": self._access_token, "refresh_token": tokens.get("refresh_token", ""),
                             "expiry": self._token_expiry})
        return tokens

    def _ensure_token(self, stale: Optional[str] = None):
        with self._auth_lock:
            # Another thread may already have signed in again since this one saw the 401.
            if self._access_token and self._access_token != stale:
                if not self._token_expiry or self._token_expiry > time.time() + 30:
                    return
            self.login()

    def _call(self, method: str, path: str, *, progress=None, expected=(200,), **kwargs):
        if not self._access_token:
            self._ensure_token()
        for attempt in range(2):
            token = self._access_token
            response = self.http.request(method, path, headers={"Authorization": f"Bearer {token}"},
                                         progress=progress, **kwargs)
            if response.status_code == 401 and attempt == 0:
                logger.info("BrightEarth token refused (%s %s): signing in again", method, path)
                self._ensure_token(stale=token)
                continue
            break
        if response.status_code == 401:
            raise SessionExpired(tr("Your BrightEarth session has expired: sign in again."))
        if response.status_code == 402:
            raise NotEnoughCredits(self._detail(response) or NotEnoughCredits().message)
        if response.status_code in (400, 409, 422) and response.status_code not in expected:
            raise InvalidInput(tr("BrightEarth refused the request: {detail}",
                                  detail=self._detail(response) or f"HTTP {response.status_code}"))
        self.http.raise_for_status(response)
        if response.status_code not in expected:
            raise ProtocolError(details=f"{method} {path}: HTTP {response.status_code}")
        return self.http.json_or_raise(response)

    @staticmethod
    def _detail(response) -> str:
        try:
            body = response.json()
        except ValueError:
            return response.text[:300].strip()
        if isinstance(body, dict):
            detail = body.get("detail") or body.get("message") or body.get("error") or ""
            return detail if isinstance(detail, str) else str(detail)
        return ""

    # -- user and projects
    def me(self) -> dict:
        return self._call("GET", "/users/me")

    def list_projects(self) -> List[dict]:
        return self._call("GET", "/users/me/projects")

    def create_project(self, name: str) -> int:
        body = self._call("POST", "/users/me/projects", json={"name": name}, expected=(200, 201))
        return int(body["project_id"])

    def list_scenarios(self, project_id: int) -> List[dict]:
        return self._call("GET", f"/users/me/projects/{project_id}/scenarios")

    def list_assets(self, project_id: int) -> List[dict]:
        return self._call("GET", f"/users/me/projects/{project_id}/assets")

    def create_aoi(self, project_id: int, wkt_polygon: str) -> int:
        """POST the AOI (one per project) as a lon/lat WKT POLYGON."""
        try:
            body = self._call("POST", f"/users/me/projects/{project_id}/assets/aoi",
                              json={"geometry": wkt_polygon}, expected=(200, 201))
        except InvalidInput as err:
            raise AoiError(tr("BrightEarth refused the area of interest: {reason}",
                              reason=err.message.split(": ", 1)[-1]), details=err.details) from None
        return int(body["asset_id"])

    # -- scenarios and activities
    def start_scenario(self, project_id: int, scenario_type: str, body: dict) -> Dict[str, int]:
        answer = self._call("POST", f"/users/me/projects/{project_id}/scenarios/{scenario_type}",
                            json=body, expected=(200, 201))
        try:
            return {"scenario_id": int(answer["scenario_id"]), "activity_id": int(answer["activity_id"])}
        except (KeyError, TypeError, ValueError):
            raise ProtocolError(details=f"scenario answer keys: {sorted(answer)}") from None

    def activity(self, project_id: int, activity_id: int, progress=None) -> dict:
        return self._call("GET", f"/users/me/projects/{project_id}/activities/{activity_id}", progress=progress)

    # -- results
    def iter_url_pages(self, project_id: int, scenario_id: int, progress=None) -> Iterator[dict]:
        """Every page of download/urls, following NextContinuationToken until none comes back."""
        path = f"/users/me/projects/{project_id}/scenarios/{scenario_id}/download/urls"
        token, seen = None, set()
        while True:
            params = {"continuation_token": token} if token else None
            page = self._call("GET", path, params=params, progress=progress)
            if not isinstance(page, dict):
                raise ProtocolError(details="download/urls answer is not an object")
            yield page
            token = page.get(CONTINUATION_KEY)
            if not token:
                return
            if token in seen:  # a server repeating itself must not make us loop forever
                raise ProtocolError(details="download/urls repeated a continuation token")
            seen.add(token)
            if progress is not None:
                progress.check()

    def result_urls(self, project_id: int, scenario_id: int, progress=None) -> Dict[str, str]:
        """All result files: relative path -> presigned URL (send no Authorization header to these)."""
        files: Dict[str, str] = {}
        for page in self.iter_url_pages(project_id, scenario_id, progress):
            files.update(flatten_url_tree(page))
        return files
