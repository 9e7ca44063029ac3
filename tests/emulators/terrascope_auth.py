"""Keycloak-style OpenID Connect for the Terrascope emulator (realm "terrascope"), as terracatalogueclient and
requests-auth use it (protocols/terrascope.md D.6).

Token endpoint (POST, application/x-www-form-urlencoded; client_id in the form or HTTP Basic):
- grant_type=password (username, password), authorization_code (code, redirect_uri, code_verifier: PKCE S256
  checked), refresh_token (refresh_token). Extra form fields are ignored, as Keycloak does.
- 200 {"access_token", "expires_in", "refresh_expires_in", "refresh_token", "token_type": "Bearer",
  "not-before-policy", "session_state", "scope"}; errors as Keycloak: 401 invalid_client (unknown client or wrong
  secret), 401 invalid_grant "Invalid user credentials", 400 invalid_grant ("Code not valid", "Incorrect
  redirect_uri", "PKCE verification failed: ...", "Invalid refresh token", "Token is not active"),
  400 unsupported_grant_type, 400 invalid_request (missing parameters, not a form).
Authorization endpoint (GET): client_id and redirect_uri (http loopback: localhost / 127.0.0.1 / [::1]) are
checked first (400 HTML page when wrong, no redirect); then response_type=code, state, code_challenge (43-128
characters) with code_challenge_method=S256 (refused -> 302 to redirect_uri?error=...&state=...). Then the
"browser user" signs in at once (302 redirect_uri?state=..&session_state=..&code=..), or with browser_user=None
a login page posts the user's credentials to the login-actions URL. browser_denies=True answers access_denied.
Tokens are JWT-shaped (HS256 over the emulator's secret) with exp/iat on the emulator clock; codes live
code_ttl seconds and serve once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import threading
import uuid
from dataclasses import dataclass
from html import escape
from typing import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit

from tests.emulators.faults import Request, Response, json_response

REALM_PATH = "/auth/realms/terrascope"
TOKEN_PATH = REALM_PATH + "/protocol/openid-connect/token"
AUTH_PATH = REALM_PATH + "/protocol/openid-connect/auth"
LOGIN_PATH = REALM_PATH + "/login-actions/authenticate"
_VERIFIER = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
_LOOPBACK = ("localhost", "127.0.0.1", "::1")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def oauth_error(status: int, error: str, description: str) -> Response:
    return json_response(status, {"error": error, "error_description": description},
                         {"Cache-Control": "no-store", "Pragma": "no-cache"})


def html_page(status: int, title: str, body: str) -> Response:
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><h1>{escape(title)}</h1>{body}</body></html>")
    return Response(status, {"Content-Type": "text/html; charset=utf-8"}, page.encode())


def redirect(location: str) -> Response:
    return Response(302, {"Location": location, "Content-Type": "text/html; charset=utf-8"}, b"")


def with_query(uri: str, params: dict[str, str]) -> str:
    return uri + ("&" if urlsplit(uri).query else "?") + urlencode(params)


@dataclass
class _Code:
    client_id: str
    redirect_uri: str
    challenge: str
    username: str
    session: str
    expires: float


@dataclass
class _Pending:
    """An authorization request waiting for the login form (browser_user=None)."""

    params: dict[str, str]
    expires: float


class Realm:
    def __init__(self, *, issuer: Callable[[], str], clock: Callable[[], float], users: dict[str, str],
                 client_id: str, client_secret: str, token_ttl: float, refresh_ttl: float, code_ttl: float,
                 browser_user: str | None, browser_denies: bool) -> None:
        self.issuer, self.clock, self.users = issuer, clock, dict(users)
        self.client_id, self.client_secret = client_id, client_secret
        self.token_ttl, self.refresh_ttl, self.code_ttl = token_ttl, refresh_ttl, code_ttl
        self.browser_user, self.browser_denies = browser_user, browser_denies
        self._secret = secrets.token_bytes(32)
        self._lock = threading.Lock()
        self._codes: dict[str, _Code] = {}
        self._pending: dict[str, _Pending] = {}
        # tokens carry a serial number: the ones issued before a cut-off are refused (end_sessions) or expired
        self._serial = 0
        self._revoked_below = 0
        self._expired_below = 0
        self._ends: dict[int, tuple[float, float]] = {}  # serial -> exact (access, refresh) expiry; exp is whole s

    # --- tokens ----------------------------------------------------------------------------------------------
    def _jwt(self, claims: dict) -> str:
        header = _b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "terrascope-emulator"}).encode())
        payload = _b64(json.dumps(claims, separators=(",", ":")).encode())
        signature = _b64(hmac.new(self._secret, f"{header}.{payload}".encode(), hashlib.sha256).digest())
        return f"{header}.{payload}.{signature}"

    def _claims(self, token: str) -> dict | None:
        parts = token.split(".")
        if len(parts) != 3:
            return None
        expected = _b64(hmac.new(self._secret, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(expected, parts[2]):
            return None
        try:
            return json.loads(_unb64(parts[1]))
        except ValueError:
            return None

    def issue(self, username: str, client_id: str | None = None, session: str | None = None) -> dict:
        """A Keycloak token response for `username` (also used by tests to skip the sign-in)."""
        now = self.clock()
        with self._lock:
            self._serial += 1
            serial = self._serial
            self._ends[serial] = (now + self.token_ttl, now + self.refresh_ttl)
        session = session or str(uuid.uuid4())
        client_id = client_id or self.client_id
        common = {"iat": int(now), "iss": self.issuer(), "sub": str(uuid.uuid5(uuid.NAMESPACE_URL, username)),
                  "azp": client_id, "session_state": session, "sid": session, "scope": "openid profile email"}
        access = self._jwt({**common, "exp": int(now + self.token_ttl), "jti": str(uuid.uuid4()),
                            "typ": "Bearer", "aud": "account", "preferred_username": username,
                            "email": f"{username}@example.com", "serial": serial})
        refresh = self._jwt({**common, "exp": int(now + self.refresh_ttl), "jti": str(uuid.uuid4()),
                             "typ": "Refresh", "aud": self.issuer(), "preferred_username": username,
                             "serial": serial})
        return {"access_token": access, "expires_in": int(self.token_ttl), "refresh_expires_in": int(self.refresh_ttl),
                "refresh_token": refresh, "token_type": "Bearer", "not-before-policy": 0, "session_state": session,
                "scope": "openid profile email"}

    def bearer_user(self, token: str) -> tuple[str | None, str]:
        """(username, "") for a live access token, else (None, why)."""
        claims = self._claims(token)
        if claims is None or claims.get("typ") != "Bearer":
            return None, "The access token is not valid"
        with self._lock:
            revoked, expired = claims["serial"] <= self._revoked_below, claims["serial"] <= self._expired_below
        if revoked:
            return None, "The session of this access token has ended"
        if expired or self.clock() >= self._ends[claims["serial"]][0]:
            return None, "The access token has expired"
        return claims["preferred_username"], ""

    def expire_tokens(self) -> None:
        """Every access token issued so far expires now; refresh tokens stay valid."""
        with self._lock:
            self._expired_below = self._serial

    def end_sessions(self) -> None:
        """Every token issued so far (access and refresh) is refused, as after an admin sign-out."""
        with self._lock:
            self._revoked_below = self._serial

    # --- token endpoint --------------------------------------------------------------------------------------
    def token_endpoint(self, request: Request) -> Response:
        content_type = (request.header("content-type") or "").split(";")[0].strip().lower()
        if content_type != "application/x-www-form-urlencoded":
            return oauth_error(400, "invalid_request", "The request must be an application/x-www-form-urlencoded "
                                                       "form")
        form = dict(parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True))
        client_id, secret = form.get("client_id"), form.get("client_secret", "")
        scheme, _, credentials = (request.header("authorization") or "").partition(" ")
        if scheme.lower() == "basic":
            try:
                client_id, _, secret = base64.b64decode(credentials).decode().partition(":")
            except ValueError:
                return oauth_error(401, "invalid_client", "Invalid client credentials")
        if not client_id or client_id != self.client_id or \
                (self.client_secret and not hmac.compare_digest(secret or "", self.client_secret)):
            return oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
        grant = form.get("grant_type")
        if not grant:
            return oauth_error(400, "invalid_request", "Missing form parameter: grant_type")
        handler = {"password": self._password, "authorization_code": self._code,
                   "refresh_token": self._refresh}.get(grant)
        if handler is None:
            return oauth_error(400, "unsupported_grant_type", "Unsupported grant_type")
        return handler(form, client_id)

    def _tokens(self, username: str, client_id: str, session: str | None = None) -> Response:
        return json_response(200, self.issue(username, client_id, session),
                             {"Cache-Control": "no-store", "Pragma": "no-cache"})

    def _password(self, form: dict, client_id: str) -> Response:
        username, password = form.get("username", ""), form.get("password", "")
        known = self.users.get(username)
        if not username or known is None or not hmac.compare_digest(known, password):
            return oauth_error(401, "invalid_grant", "Invalid user credentials")
        return self._tokens(username, client_id)

    def _code(self, form: dict, client_id: str) -> Response:
        if not form.get("code"):
            return oauth_error(400, "invalid_request", "Missing parameter: code")
        with self._lock:
            code = self._codes.pop(form["code"], None)  # a code serves once
        if code is None or self.clock() > code.expires:
            return oauth_error(400, "invalid_grant", "Code not valid")
        if code.client_id != client_id:
            return oauth_error(400, "invalid_grant", "Auth error")
        if form.get("redirect_uri") != code.redirect_uri:
            return oauth_error(400, "invalid_grant", "Incorrect redirect_uri")
        verifier = form.get("code_verifier")
        if not verifier:
            return oauth_error(400, "invalid_grant", "PKCE code verifier not specified")
        if not _VERIFIER.match(verifier):
            return oauth_error(400, "invalid_grant", "PKCE verification failed: Invalid code verifier")
        if _b64(hashlib.sha256(verifier.encode()).digest()) != code.challenge:
            return oauth_error(400, "invalid_grant", "PKCE verification failed: Code mismatch")
        return self._tokens(code.username, client_id, code.session)

    def _refresh(self, form: dict, client_id: str) -> Response:
        token = form.get("refresh_token")
        if not token:
            return oauth_error(400, "invalid_request", "Missing parameter: refresh_token")
        claims = self._claims(token)
        if claims is None or claims.get("typ") != "Refresh":
            return oauth_error(400, "invalid_grant", "Invalid refresh token")
        with self._lock:
            revoked = claims["serial"] <= self._revoked_below
        if revoked or self.clock() >= self._ends[claims["serial"]][1]:
            return oauth_error(400, "invalid_grant", "Token is not active")
        if claims.get("azp") != client_id:
            return oauth_error(400, "invalid_grant", "Invalid refresh token. Token client and authorized client "
                                                     "don't match")
        return self._tokens(claims["preferred_username"], client_id, claims.get("session_state"))

    # --- authorization endpoint (the browser's side) ---------------------------------------------------------
    def authorization_endpoint(self, request: Request) -> Response:
        params = {name: values[0] for name, values in request.query.items()}
        if params.get("client_id") != self.client_id:
            return html_page(400, "We are sorry...", "<p>Client not found.</p>")
        redirect_uri = params.get("redirect_uri", "")
        parts = urlsplit(redirect_uri)
        if parts.scheme != "http" or parts.hostname not in _LOOPBACK or parts.fragment:
            return html_page(400, "We are sorry...", "<p>Invalid parameter: redirect_uri</p>")
        state = params.get("state")

        def refuse(error: str, description: str) -> Response:
            answer = {"error": error, "error_description": description}
            if state:
                answer["state"] = state
            return redirect(with_query(redirect_uri, answer))

        if not params.get("response_type"):
            return refuse("invalid_request", "Missing parameter: response_type")
        if params["response_type"] != "code":
            return refuse("unsupported_response_type", "Client is not allowed to initiate browser login with given "
                                                       "response_type.")
        if not state:
            return refuse("invalid_request", "Missing parameter: state")
        method, challenge = params.get("code_challenge_method"), params.get("code_challenge")
        if not method:
            return refuse("invalid_request", "Missing parameter: code_challenge_method")
        if method != "S256":
            return refuse("invalid_request", "Invalid parameter: code challenge method is not matching the "
                                             "configured one")
        if not challenge or not _VERIFIER.match(challenge):
            return refuse("invalid_request", "Invalid parameter: code_challenge")
        if self.browser_denies:
            return refuse("access_denied", "User denied the consent")
        if self.browser_user is None:
            session_code = secrets.token_urlsafe(16)
            with self._lock:
                self._pending[session_code] = _Pending(params, self.clock() + 1800)
            return self._login_page(session_code, "")
        return self._signed_in(params, self.browser_user)

    def _signed_in(self, params: dict[str, str], username: str) -> Response:
        session = str(uuid.uuid4())
        code = f"{secrets.token_urlsafe(24)}.{session}.{params['client_id']}"
        with self._lock:
            self._codes[code] = _Code(params["client_id"], params["redirect_uri"], params["code_challenge"],
                                      username, session, self.clock() + self.code_ttl)
        return redirect(with_query(params["redirect_uri"], {"state": params["state"], "session_state": session,
                                                            "code": code}))

    def _login_page(self, session_code: str, message: str) -> Response:
        action = f"{self.issuer()}/login-actions/authenticate?{urlencode({'session_code': session_code})}"
        body = (f"<p class='error'>{escape(message)}</p>" if message else "") + (
            f"<form id='kc-form-login' method='post' action='{escape(action)}'>"
            "<label for='username'>Username or email</label><input id='username' name='username' type='text'>"
            "<label for='password'>Password</label><input id='password' name='password' type='password'>"
            "<input type='submit' name='login' value='Sign In'></form>")
        return html_page(200, "Sign in to terrascope", body)

    def login_action(self, request: Request) -> Response:
        """The login form's POST: right credentials -> 302 to the client's redirect_uri with a code."""
        session_code = request.arg("session_code") or ""
        with self._lock:
            pending = self._pending.get(session_code)
        if pending is None or self.clock() > pending.expires:
            return html_page(400, "We are sorry...", "<p>Your login attempt timed out. Login will start from the "
                                                     "beginning.</p>")
        form = dict(parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True))
        username = form.get("username", "")
        known = self.users.get(username)
        if known is None or not hmac.compare_digest(known, form.get("password", "")):
            return self._login_page(session_code, "Invalid username or password.")
        with self._lock:
            self._pending.pop(session_code, None)
        return self._signed_in(pending.params, username)
