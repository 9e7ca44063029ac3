"""Who the user is on an RS-Server, as rs-client-libraries decides it.

Modes: local (no authentication: a server on the user's machine), hybrid (an API key but no check URL: the owner id
must be given), cluster (an API key checked at the "UAC" check URL, or an OAuth2 session cookie checked at
{server}/auth/me). The check's answer ({user_login, iam_roles, config}) is cached for 120 s per connection, as the
library's TTLCache. The owner id: explicit, else the check's user_login (cluster), else the local login (local);
then stripped of anything but letters and digits.
"""

import getpass
import re
import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from ...core.errors import (
    AuthenticationError,
    EOError,
    InvalidInput,
    NetworkError,
    PermissionDenied,
    ProtocolError,
    ServerError,
    SessionExpired,
)
from ...core.http_errors import server_explanation
from ...core.i18n import tr
from . import API_KEY, APIKEY_HEADER, CHECK_TTL, CLUSTER, COOKIE, HYBRID, LOCAL


@dataclass
class AuthInfo:
    user_login: str = ""
    iam_roles: List[str] = field(default_factory=list)
    config: Dict = field(default_factory=dict)
    checked_at: float = 0.0

    def to_dict(self):
        return {"user_login": self.user_login, "iam_roles": list(self.iam_roles), "config": dict(self.config),
                "checked_at": self.checked_at}


def credentials_headers(mode: str, auth: str, api_key: str, cookie: str) -> Dict[str, str]:
    if mode == LOCAL:
        return {}
    if auth == COOKIE:
        return {"Cookie": f"session={cookie}"} if cookie else {}
    return {APIKEY_HEADER: api_key} if api_key else {}


def sanitize_owner(owner: str) -> str:
    return re.sub(r"[^a-zA-Z0-9]+", "", owner or "")


def check_api_key(http, check_url: str, api_key: str, progress=None) -> AuthInfo:
    """GET the UAC check URL with the key: the user's login and roles. Each failure a sentence."""
    try:
        response = http.get(check_url, headers={APIKEY_HEADER: api_key, "Accept": "application/json"},
                            progress=progress)
    except NetworkError as err:
        raise NetworkError(tr("The API-key check service ({url}) does not answer: try again later, or ask the "
                              "RS-Server administrators.", url=check_url), details=err.details) from None
    return _auth_info(response, tr("The RS-Server API key was refused by the check service: it is wrong, revoked "
                                   "or expired. Create a new key and edit the connection."),
                      tr("The API-key check service ({url}) is failing: try again later.", url=check_url))


def check_cookie(http, server_url: str, cookie: str, progress=None) -> AuthInfo:
    url = server_url.rstrip("/") + "/auth/me"
    response = http.get(url, headers={"Cookie": f"session={cookie}", "Accept": "application/json"},
                        progress=progress)
    return _auth_info(response, tr("The RS-Server session cookie was refused: it has expired or was signed out. Sign "
                                   "in to RS-Server in the browser again and paste the new session cookie."),
                      tr("RS-Server's sign-in service is failing: try again later."))


def _auth_info(response, refused: str, failing: str) -> AuthInfo:
    status = response.status_code
    said = server_explanation(response.text, response.headers.get("Content-Type", ""))
    if status in (401, 403):
        raise (SessionExpired if status == 401 else PermissionDenied)(
            refused + (" " + tr("The server said: {explanation}", explanation=said) if said else ""),
            details=f"HTTP {status}")
    if status >= 500:
        raise ServerError(failing, details=f"HTTP {status}: {said}")
    if status >= 400:
        raise AuthenticationError(tr("API key manager status code {status}: {detail}", status=status, detail=said))
    try:
        data = response.json()
    except ValueError:
        raise ProtocolError(tr("The API-key check answered something that is not JSON: is the check URL right?"),
                            details=response.text[:200]) from None
    if not isinstance(data, dict) or "user_login" not in data:
        raise ProtocolError(tr("The API-key check answered without a user login: is the check URL right?"))
    return AuthInfo(str(data.get("user_login") or ""), list(data.get("iam_roles") or []),
                    dict(data.get("config") or {}), time.time())


class Session:
    """The authentication of one RS-Server connection: mode, key or cookie, check URL, explicit owner; the cached
    check (shared through `cache`, a dict-like per QGIS session)."""

    def __init__(self, http, server_url: str, *, mode: str = CLUSTER, auth: str = API_KEY, api_key: str = "",
                 cookie: str = "", check_url: str = "", owner_id: str = "", cache=None, cache_key: str = ""):
        self.http, self.server_url = http, server_url.rstrip("/")
        self.mode, self.auth, self.api_key, self.cookie = mode, auth, api_key, cookie
        self.check_url, self.explicit_owner = check_url, owner_id
        self.cache, self.cache_key = cache, cache_key or server_url

    def headers(self) -> Dict[str, str]:
        return credentials_headers(self.mode, self.auth, self.api_key, self.cookie)

    def require_credentials(self):
        if self.mode == LOCAL:
            return
        if self.auth == COOKIE and not self.cookie:
            raise SessionExpired(tr("No RS-Server session cookie is saved for this connection: edit it and paste "
                                    "the cookie."))
        if self.auth != COOKIE and not self.api_key:
            raise SessionExpired(tr("No RS-Server API key is saved for this connection on this computer: edit it "
                                    "and enter the key."))

    def auth_info(self, progress=None, fresh: bool = False) -> Optional[AuthInfo]:
        """The check's answer (cached 120 s); None where nothing is checked (local mode, hybrid mode)."""
        if self.mode == LOCAL or (self.mode == HYBRID and self.auth != COOKIE):
            return None
        self.require_credentials()
        cached = self.cache.get(self.cache_key) if self.cache is not None else None
        if cached and not fresh and time.time() - cached.get("checked_at", 0) < CHECK_TTL:
            return AuthInfo(**cached)
        if self.auth == COOKIE:
            info = check_cookie(self.http, self.server_url, self.cookie, progress)
        else:
            if not self.check_url:
                raise InvalidInput(tr("Cluster mode needs the API-key check URL (the UAC endpoint); without it, "
                                      "choose hybrid mode and give the owner id."))
            info = check_api_key(self.http, self.check_url, self.api_key, progress)
        if self.cache is not None:
            self.cache.set(self.cache_key, info.to_dict())
        return info

    def owner_id(self, progress=None) -> str:
        owner = self.explicit_owner
        if not owner:
            if self.mode == LOCAL:
                owner = getpass.getuser()
            elif self.mode == HYBRID and self.auth != COOKIE:
                raise InvalidInput(tr("In hybrid mode the owner id must be given: edit the connection."))
            else:
                info = self.auth_info(progress)
                owner = info.user_login if info else ""
        owner = sanitize_owner(owner)
        if not owner:
            raise InvalidInput(tr("The owner id is empty or only has special characters: give one made of letters "
                                  "and digits."))
        return owner


def is_rs_server_error(err: EOError) -> bool:
    return isinstance(err, (SessionExpired, PermissionDenied))
