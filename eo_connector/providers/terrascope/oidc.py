"""OpenID Connect sign-in to the catalogue's identity provider (Keycloak for Terrascope, WSO2 for HR-VPP).

The grants and their form bodies are those of terracatalogueclient (through requests-auth): resource-owner password,
authorization code with PKCE S256 through the system browser and a loopback redirect, and refresh. Tokens are
treated as expired 30 s early, like requests-auth does. Every token and password is registered with the log
redaction before anything else happens with it.
"""

import base64
import json
import secrets
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Callable, Optional
from urllib.parse import urlencode

from ...core.errors import AuthenticationError, ProtocolError, SessionExpired
from ...core.http import HttpSession
from ...core.http_errors import raise_for_status
from ...core.i18n import tr
from ...core.log import get_logger, register_secret
from ...core.loopback import LoopbackRedirect, pkce_pair  # noqa: F401 (pkce_pair: re-export)
from ...core.progress import Progress
from .config import CatalogueConfig

log = get_logger("terrascope.oidc")

EARLY_EXPIRY = 30.0  # seconds before expiry when a token is refreshed, as requests-auth does
RECENT_REFRESH = 5.0  # seconds during which a refresh without a refused token to compare is not repeated
DEFAULT_REDIRECT_PORT = 5000  # terracatalogueclient's client is registered with redirect_uri http://localhost:5000/


@dataclass
class Tokens:
    """What a sign-in gives. Times are epoch seconds (0 = unknown); username is for display only."""

    access_token: str = field(repr=False)
    refresh_token: str = field(default="", repr=False)
    expires_at: float = 0.0
    refresh_expires_at: float = 0.0
    username: str = ""


def username_from_jwt(token: str) -> str:
    """preferred_username from a JWT payload, unverified (display only); "" when the token is not a readable JWT."""
    parts = (token or "").split(".")
    if len(parts) != 3:
        return ""
    try:
        padded = parts[1] + "=" * (-len(parts[1]) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError):
        return ""
    if not isinstance(payload, dict):
        return ""
    name = payload.get("preferred_username") or payload.get("email") or ""
    return name if isinstance(name, str) else ""


class OidcClient:
    """The token endpoint calls, and the browser sign-in. `clock` gives epoch seconds (tests move it)."""

    def __init__(self, config: CatalogueConfig, http: HttpSession, *, clock: Callable[[], float] = time.time):
        self.config = config
        self.http = http
        self.clock = clock
        register_secret(config.client_secret)

    # -- grants
    def password_grant(self, username: str, password: str) -> Tokens:
        """Resource-owner password grant. The password is sent once, here, and kept nowhere."""
        if not self.config.non_interactive_supported or not self.config.token_endpoint:
            raise AuthenticationError(tr("This catalogue does not accept a username and password; sign in with "
                                         "the browser instead."))
        if not username or not password:
            raise AuthenticationError(tr("Enter your Terrascope username and password."))
        register_secret(password)
        # The body carries the client credentials; no Basic header (the WekEO identity server refuses both at once).
        form = {"grant_type": "password", "username": username, "password": password,
                "client_id": self.config.client_id, "client_secret": self.config.client_secret}
        return self._token_request(form, "password", fallback_username=username)

    def refresh(self, refresh_token: str) -> Tokens:
        if not refresh_token:
            raise SessionExpired(tr("Your Terrascope session has expired: sign in again."))
        register_secret(refresh_token)
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token,
                "client_id": self.config.client_id, "client_secret": self.config.client_secret}
        return self._token_request(form, "refresh_token")

    def authorization_url(self, redirect_uri: str, state: str, challenge: str) -> str:
        query = urlencode({
            "response_type": "code",
            "client_id": self.config.client_id,
            "redirect_uri": redirect_uri,
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        })
        endpoint = self.config.authorization_endpoint
        return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"

    def exchange_code(self, code: str, redirect_uri: str, verifier: str) -> Tokens:
        register_secret(code)
        register_secret(verifier)
        # requests-auth also copies response_type into the token form; the same body keeps servers equally happy.
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                "code_verifier": verifier, "client_id": self.config.client_id, "response_type": "code"}
        if self.config.client_secret:
            form["client_secret"] = self.config.client_secret
        return self._token_request(form, "authorization_code")

    def browser_sign_in(self, progress: Progress, open_browser: Callable[[str], bool], timeout: float = 300.0,
                        port: int = DEFAULT_REDIRECT_PORT) -> Tokens:
        """Authorization code + PKCE in the system browser, the answer caught on http://localhost:<port>/.

        Waits in short slices so `progress` can cancel (Cancelled); AuthenticationError on timeout, on a refusal in
        the browser, on a state mismatch, or when the port is taken. port=0 lets the system pick one (tests).
        """
        if not self.config.interactive_supported or not self.config.authorization_endpoint:
            raise AuthenticationError(tr("This catalogue does not offer sign-in in the browser; use your username "
                                         "and password instead."))
        verifier, challenge = pkce_pair()
        state = secrets.token_urlsafe(32)
        with LoopbackRedirect(port, state, "Terrascope") as loopback:
            url = self.authorization_url(loopback.redirect_uri, state, challenge)
            progress.report(0.0, tr("Waiting for the sign-in in your web browser…"))
            if not open_browser(url):
                raise AuthenticationError(tr("The web browser could not be opened for the Terrascope sign-in."))
            code = loopback.wait_for_code(progress, timeout)
            redirect_uri = loopback.redirect_uri
        progress.check()
        return self.exchange_code(code, redirect_uri, verifier)

    # -- internals
    def _token_request(self, form: dict, grant: str, fallback_username: str = "") -> Tokens:
        response = self.http.request("POST", self.config.token_endpoint, data=form,
                                     headers={"Accept": "application/json"})
        if response.status_code in (400, 401):
            self._refused(response, grant)
        raise_for_status(response)
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or not answer.get("access_token"):
            raise ProtocolError(details=f"token endpoint ({grant}): HTTP {response.status_code}, no access_token")
        return self._tokens(answer, fallback_username)

    def _tokens(self, answer: dict, fallback_username: str) -> Tokens:
        access = str(answer["access_token"])
        refresh = str(answer.get("refresh_token") or "")
        for secret in (access, refresh, answer.get("id_token")):
            register_secret(secret)
        now = self.clock()
        return Tokens(
            access_token=access,
            refresh_token=refresh,
            expires_at=now + _seconds(answer.get("expires_in")) if _seconds(answer.get("expires_in")) else 0.0,
            refresh_expires_at=(now + _seconds(answer.get("refresh_expires_in"))
                                if _seconds(answer.get("refresh_expires_in")) else 0.0),
            username=username_from_jwt(access) or fallback_username,
        )

    @staticmethod
    def _refused(response, grant: str) -> None:
        """Keycloak's {"error", "error_description"} answer to a refused grant, in words."""
        try:
            body = response.json()
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        error = str(body.get("error") or "")
        description = str(body.get("error_description") or "")[:200]
        details = f"token endpoint ({grant}): HTTP {response.status_code} {error}: {description}"
        if grant == "refresh_token":
            raise SessionExpired(tr("Your Terrascope session has expired: sign in again."), details=details)
        if grant == "password" and error in ("invalid_grant", "unauthorized", ""):
            raise AuthenticationError(tr("Terrascope sign-in failed: wrong username or password."), details=details)
        reason = description or error or f"HTTP {response.status_code}"
        raise AuthenticationError(tr("The Terrascope sign-in was refused: {reason}", reason=reason), details=details)


class TokenKeeper:
    """Hands out a valid access token to any thread, refreshing it silently before it expires.

    `on_tokens(tokens)` is called after every refresh (the glue stores the new refresh token in the keyring).
    SessionExpired when the refresh token is refused or missing: the user has to sign in again.
    """

    def __init__(self, oidc: OidcClient, tokens: Tokens, on_tokens: Optional[Callable[[Tokens], None]] = None):
        self.oidc = oidc
        self._tokens = tokens
        self._on_tokens = on_tokens
        self._lock = threading.Lock()
        self._refreshed_at = float("-inf")
        register_secret(tokens.access_token)
        register_secret(tokens.refresh_token)

    @property
    def tokens(self) -> Tokens:
        with self._lock:
            return self._tokens

    @property
    def username(self) -> str:
        return self.tokens.username

    def bearer(self) -> str:
        """An access token with more than 30 s left (refreshed first when needed, or when there is none yet)."""
        with self._lock:
            expires_at = self._tokens.expires_at
            if not self._tokens.access_token or (expires_at and self.oidc.clock() >= expires_at - EARLY_EXPIRY):
                self._refresh_locked()
            return self._tokens.access_token

    def force_refresh(self, stale: str = "") -> str:
        """A new access token after the server refused one (401).

        Parallel downloads meet the same expiry together: when `stale` (the refused token) is given and another
        thread already replaced it, or without `stale` when a refresh happened in the last few seconds, the current
        token is returned without asking the server again."""
        with self._lock:
            if stale and stale != self._tokens.access_token:
                return self._tokens.access_token
            if not stale and time.monotonic() - self._refreshed_at < RECENT_REFRESH:
                return self._tokens.access_token
            self._refresh_locked()
            return self._tokens.access_token

    def _refresh_locked(self) -> None:
        log.info("refreshing the Terrascope access token")
        fresh = self.oidc.refresh(self._tokens.refresh_token)
        self._refreshed_at = time.monotonic()
        # Some servers do not rotate refresh tokens: keep the one we have when no new one comes.
        self._tokens = replace(
            fresh,
            refresh_token=fresh.refresh_token or self._tokens.refresh_token,
            refresh_expires_at=fresh.refresh_expires_at or self._tokens.refresh_expires_at,
            username=fresh.username or self._tokens.username,
        )
        if self._on_tokens is not None:
            self._on_tokens(self._tokens)


def _seconds(value) -> float:
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return 0.0
