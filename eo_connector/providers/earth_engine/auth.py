"""Google access tokens for one Earth Engine connection, however it signs in:

- "refresh": a refresh token (the `earthengine authenticate` credentials file, or the browser sign-in: Google's
  installed-app flow with PKCE and a loopback redirect) renewed with the refresh_token grant;
- "service_account": a service-account key (its whole content, kept as a secret) exchanged with a signed JWT
  (urn:ietf:params:oauth:grant-type:jwt-bearer);
- "sepal": a SEPAL session cookie; SEPAL keeps the Google token fresh and hands it out as a file
  (/api/user-files/download/?path=/.config/earthengine/credentials), as ee-client does.

A TokenSource hands a valid token to any thread and renews it once for parallel callers (60 s before expiry, as
ee-client does). Every secret is registered with the log redaction before anything else happens with it.
"""

import base64
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Optional
from urllib.parse import urlencode

from ...core.errors import AuthenticationError, MissingDependency, ProtocolError, SessionExpired
from ...core.http_errors import raise_for_status
from ...core.i18n import tr
from ...core.log import get_logger, register_secret
from ...core.loopback import LoopbackRedirect, pkce_pair
from ...core.progress import Progress

log = get_logger("earth_engine.auth")

GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token"
GOOGLE_AUTH_URL = "https://accounts.google.com/o/oauth2/auth"
SCOPES = ("https://www.googleapis.com/auth/earthengine", "https://www.googleapis.com/auth/cloud-platform",
          "https://www.googleapis.com/auth/devstorage.full_control")
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
EARLY_EXPIRY = 60.0  # renew when less than this many seconds remain (ee-client's rule)
SEPAL_CREDENTIALS = "/api/user-files/download/"
SEPAL_CREDENTIALS_PATH = "/.config/earthengine/credentials"
REFRESH, SERVICE_ACCOUNT, SEPAL = "refresh", "service_account", "sepal"


@dataclass
class Grant:
    """What renews the tokens of a connection (the secret part of it, saved as JSON in the secret store)."""

    kind: str
    refresh_token: str = field(default="", repr=False)
    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    token_url: str = GOOGLE_TOKEN_URL
    key: dict = field(default_factory=dict, repr=False)  # a service-account key file's content
    sepal_url: str = ""
    session_id: str = field(default="", repr=False)
    username: str = ""

    def __post_init__(self):
        for value in (self.refresh_token, self.client_secret, self.session_id, self.key.get("private_key")):
            register_secret(value)

    def to_secret(self) -> str:
        return json.dumps({k: v for k, v in self.__dict__.items() if v not in ("", {}, None)})

    @classmethod
    def from_secret(cls, text: str) -> Optional["Grant"]:
        try:
            data = json.loads(text or "")
            return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
        except (TypeError, ValueError):
            return None


@dataclass
class Token:
    access_token: str = field(repr=False)
    expires_at: float = 0.0  # epoch seconds; 0 = unknown (taken as 55 minutes)
    project: str = ""  # SEPAL tells the project with the token
    refresh_token: str = field(default="", repr=False)  # only the authorization_code grant gives one

    def __post_init__(self):
        register_secret(self.access_token)
        register_secret(self.refresh_token)

    def live(self, now: float) -> bool:
        return bool(self.access_token) and (not self.expires_at or now < self.expires_at - EARLY_EXPIRY)


def default_client() -> tuple:
    """(client id, client secret) of the Earth Engine command line tool, read from earthengine-api (which the
    `earthengine authenticate` credentials file and the browser sign-in use)."""
    try:
        from ee import oauth
    except ImportError as err:
        raise MissingDependency(tr("Signing in to Google Earth Engine needs the Python package earthengine-api; "
                                   "install it from the Earth Engine panel."), details=str(err)) from None
    return oauth.CLIENT_ID, oauth.CLIENT_SECRET


def grant_from_credentials_file(text: str, token_url: str = GOOGLE_TOKEN_URL) -> Grant:
    """The `earthengine authenticate` credentials file ({"refresh_token", "client_id"?, "client_secret"?, ...})."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not data.get("refresh_token"):
        if isinstance(data, dict) and data.get("type") == "service_account":
            raise AuthenticationError(tr("This file is a service-account key: choose “Service-account key file”."))
        raise AuthenticationError(tr("This is not an Earth Engine credentials file (no refresh token in it): run "
                                     "“earthengine authenticate”, or sign in with the browser."))
    client_id, client_secret = data.get("client_id"), data.get("client_secret")
    if not client_id:
        client_id, client_secret = default_client()
    return Grant(REFRESH, refresh_token=data["refresh_token"], client_id=client_id, client_secret=client_secret or "",
                 token_url=token_url)


def grant_from_key(text: str, token_url: str = GOOGLE_TOKEN_URL) -> Grant:
    """A service-account key file's content (JSON with client_email and private_key)."""
    try:
        key = json.loads(text)
    except ValueError:
        key = None
    if not isinstance(key, dict) or key.get("type") != "service_account" or not key.get("client_email") \
            or "PRIVATE KEY" not in str(key.get("private_key") or ""):
        raise AuthenticationError(tr("This is not a valid service-account key file: a JSON key with client_email "
                                     "and private_key is needed (Google Cloud console ▸ IAM ▸ Service accounts ▸ "
                                     "Keys)."))
    register_secret(key["private_key"])
    return Grant(SERVICE_ACCOUNT, key=key, token_url=key.get("token_uri") or token_url, username=key["client_email"])


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def signed_jwt(key: dict, audience: str, now: float) -> str:
    """The assertion of the JWT bearer grant, signed RS256 with the key (google-auth's signer, which comes with
    earthengine-api)."""
    try:
        from google.auth import crypt
    except ImportError as err:
        raise MissingDependency(tr("Service-account keys need the Python package earthengine-api (with "
                                   "google-auth); install it from the Earth Engine panel."), details=str(err)) from None
    header = {"alg": "RS256", "typ": "JWT"}
    if key.get("private_key_id"):
        header["kid"] = key["private_key_id"]
    claims = {"iss": key["client_email"], "scope": " ".join(SCOPES), "aud": audience, "iat": int(now),
              "exp": int(now) + 3600}
    signing_input = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())
    try:
        signer = crypt.RSASigner.from_string(key["private_key"], key.get("private_key_id"))
    except (ValueError, TypeError, IndexError) as err:
        raise AuthenticationError(tr("The private key in this service-account key file cannot be read: choose the "
                                     "key file again."), details=type(err).__name__) from None
    return signing_input + "." + _b64(signer.sign(signing_input.encode()))


class TokenSource:
    """A valid access token for any thread of a connection; renewed once when several callers need it together.
    `on_token(token)` is told every new token (kept in memory for this QGIS session); `load()` reads the token the
    other clients of the same connection share (under the same `lock`), so that one renewal serves them all."""

    def __init__(self, http, grant: Grant, *, token: Optional[Token] = None, clock: Callable[[], float] = time.time,
                 on_token: Optional[Callable[[Token], None]] = None, lock: Optional[threading.Lock] = None,
                 load: Optional[Callable[[], Optional[Token]]] = None):
        self.http, self.grant, self.clock = http, grant, clock
        self._token = token
        self._on_token = on_token
        self._load = load
        self._lock = lock or threading.Lock()

    def _shared_locked(self) -> None:
        shared = self._load() if self._load is not None else None
        if shared is not None and (self._token is None or shared.access_token != self._token.access_token):
            self._token = shared

    @property
    def token(self) -> Optional[Token]:
        return self._token

    def bearer(self) -> str:
        with self._lock:
            self._shared_locked()
            if self._token is None or not self._token.live(self.clock()):
                self._renew_locked()
            return self._token.access_token

    def force_refresh(self, stale: str = "") -> str:
        """A new token after the server refused `stale`; when another caller already replaced it, that one."""
        with self._lock:
            self._shared_locked()
            if stale and self._token is not None and self._token.access_token != stale:
                return self._token.access_token
            self._renew_locked()
            return self._token.access_token

    def _renew_locked(self) -> None:
        kind = self.grant.kind
        log.info("renewing the Earth Engine access token (%s)", kind)
        if kind == SEPAL:
            token = sepal_token(self.http, self.grant)
        elif kind == SERVICE_ACCOUNT:
            token = self._token_request({"grant_type": JWT_BEARER,
                                         "assertion": signed_jwt(self.grant.key, self.grant.token_url, self.clock())})
        else:
            token = self._token_request({"grant_type": "refresh_token", "refresh_token": self.grant.refresh_token,
                                         "client_id": self.grant.client_id,
                                         "client_secret": self.grant.client_secret})
        self._token = token
        if self._on_token is not None:
            self._on_token(token)

    def _token_request(self, form: dict) -> Token:
        return token_request(self.http, self.grant.token_url, form, self.grant.kind, self.clock())


def token_request(http, url: str, form: dict, kind: str, now: float) -> Token:
    """POST a grant to Google's token endpoint; the refusals in words (invalid_grant: revoked or expired)."""
    response = http.request("POST", url, data=form, headers={"Accept": "application/json"})
    if response.status_code in (400, 401):
        try:
            body = response.json()
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        error, reason = str(body.get("error") or ""), str(body.get("error_description") or "")[:200]
        details = f"token endpoint ({form.get('grant_type')}): HTTP {response.status_code} {error}: {reason}"
        if kind == SERVICE_ACCOUNT:
            raise AuthenticationError(tr("Google refused the service-account key: {reason}",
                                         reason=reason or error), details=details)
        if form.get("grant_type") == "refresh_token":
            raise SessionExpired(tr("Your Google sign-in for Earth Engine is no longer valid ({reason}): sign in "
                                    "again.", reason=reason or error), details=details)
        raise AuthenticationError(tr("Google refused the sign-in: {reason}", reason=reason or error),
                                  details=details)
    raise_for_status(response)
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if not isinstance(answer, dict) or not answer.get("access_token"):
        raise ProtocolError(details=f"token endpoint: HTTP {response.status_code}, no access_token")
    register_secret(answer.get("refresh_token"))
    register_secret(answer.get("id_token"))
    expires_in = float(answer.get("expires_in") or 3300)
    return Token(str(answer["access_token"]), now + expires_in, refresh_token=str(answer.get("refresh_token") or ""))


# -- SEPAL
def sepal_sign_in(http, sepal_url: str, username: str, password: str) -> tuple:
    """POST /api/user/login with the SEPAL password (sent once, here): (Grant, Token or None, SepalUser)."""
    if not username or not password:
        raise AuthenticationError(tr("Enter your SEPAL username and password."))
    register_secret(password)
    basic = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    response = http.request("POST", sepal_url.rstrip("/") + "/api/user/login", data=b"",
                            headers={"Authorization": "Basic " + basic, "No-Auth-Challenge": "true",
                                     "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    if response.status_code == 401:
        raise AuthenticationError(tr("SEPAL sign-in failed: wrong username or password."))
    raise_for_status(response)
    session_id = response.cookies.get("SEPAL-SESSIONID") or ""
    try:
        user = response.json()
    except ValueError:
        user = None
    if not session_id or not isinstance(user, dict):
        raise ProtocolError(details="SEPAL login: no SEPAL-SESSIONID cookie or no user")
    grant = Grant(SEPAL, sepal_url=sepal_url.rstrip("/"), session_id=session_id,
                  username=str(user.get("username") or username))
    tokens = user.get("googleTokens") or {}
    token = None
    if tokens.get("accessToken"):
        token = Token(tokens["accessToken"], float(tokens.get("accessTokenExpiryDate") or 0) / 1000.0,
                      str(tokens.get("projectId") or ""))
    return grant, token, user


def sepal_token(http, grant: Grant) -> Token:
    """The Google token SEPAL keeps fresh for the user, read with the session cookie."""
    response = http.request("GET", grant.sepal_url + SEPAL_CREDENTIALS, params={"path": SEPAL_CREDENTIALS_PATH},
                            headers={"Cookie": f"SEPAL-SESSIONID={grant.session_id}"})
    if response.status_code in (401, 403):
        raise SessionExpired(tr("Your SEPAL session has expired: sign in to SEPAL again with your password."),
                             details=f"SEPAL credentials: HTTP {response.status_code}")
    if response.status_code == 404:
        raise AuthenticationError(tr("SEPAL has no Google account connected for this user: connect one in SEPAL "
                                     "(user ▸ Google account), then sign in again."))
    raise_for_status(response)
    try:
        data = json.loads(response.content.decode("utf-8"))
    except (ValueError, UnicodeError):
        data = None
    if not isinstance(data, dict) or not data.get("access_token"):
        raise ProtocolError(details="SEPAL credentials: no access_token")
    return Token(str(data["access_token"]), float(data.get("access_token_expiry_date") or 0) / 1000.0,
                 str(data.get("project_id") or ""))


# -- the browser
def authorization_url(auth_url: str, client_id: str, redirect_uri: str, state: str, challenge: str) -> str:
    query = urlencode({"client_id": client_id, "redirect_uri": redirect_uri, "response_type": "code",
                       "scope": " ".join(SCOPES), "state": state, "code_challenge": challenge,
                       "code_challenge_method": "S256", "access_type": "offline", "prompt": "consent"})
    return f"{auth_url}{'&' if '?' in auth_url else '?'}{query}"


def browser_sign_in(http, progress: Progress, open_browser: Callable[[str], bool], *, auth_url: str,
                    token_url: str, port: int = 0, timeout: float = 300.0, clock=time.time) -> tuple:
    """Google's installed-app flow: the consent page in the system browser, the code caught on
    http://localhost:<port>/ (cancellable), exchanged with the PKCE verifier. (Grant, Token)."""
    client_id, client_secret = default_client()
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(32)
    with LoopbackRedirect(port, state, "Google Earth Engine") as loopback:
        progress.report(0.0, tr("Waiting for the sign-in in your web browser…"))
        if not open_browser(authorization_url(auth_url, client_id, loopback.redirect_uri, state, challenge)):
            raise AuthenticationError(tr("The web browser could not be opened for the Google sign-in."))
        code = loopback.wait_for_code(progress, timeout)
        redirect_uri = loopback.redirect_uri
    progress.check()
    register_secret(code)
    register_secret(verifier)
    token = token_request(http, token_url, {"grant_type": "authorization_code", "code": code,
                                            "redirect_uri": redirect_uri, "code_verifier": verifier,
                                            "client_id": client_id, "client_secret": client_secret},
                          REFRESH, clock())
    if not token.refresh_token:
        raise ProtocolError(details="authorization_code grant: no refresh_token")
    return Grant(REFRESH, refresh_token=token.refresh_token, client_id=client_id, client_secret=client_secret,
                 token_url=token_url), token
