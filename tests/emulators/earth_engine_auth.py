"""Google's token endpoint and consent page, and SEPAL's session endpoints, for the Earth Engine emulator.

- POST /token: grant_type refresh_token (a refresh token from the credentials file or a browser sign-in),
  urn:ietf:params:oauth:grant-type:jwt-bearer (a service account's RS256-signed JWT, checked against its public
  key) and authorization_code (with the PKCE verifier); refusals as Google words them ({"error": "invalid_grant",
  "error_description": "Token has been expired or revoked."}); access tokens expire after `token_ttl`.
- GET /o/oauth2/auth: the consent page, which consents at once for `browser_user` and redirects with a code.
- SEPAL: POST /api/user/login (Basic) -> the SepalUser and a SEPAL-SESSIONID cookie; GET /api/user-files/download/
  ?path=/.config/earthengine/credentials with that cookie -> the credentials file SEPAL keeps fresh.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Callable
from urllib.parse import parse_qsl, urlencode

from tests.emulators.faults import Request, Response, json_response

TOKEN_PATH, AUTH_PATH = "/token", "/o/oauth2/auth"
SEPAL_LOGIN, SEPAL_FILES = "/api/user/login", "/api/user-files/download/"
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
DEMO_USER = "analyst@example.com"
SEPAL_USER, SEPAL_PASSWORD = "sepal-analyst", "correct horse"


@dataclass
class Issued:
    account: str
    expires_at: float


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class GoogleAccounts:
    def __init__(self, clock: Callable[[], float], *, token_ttl: float = 3600, project: str = "ee-demo",
                 browser_user: str = DEMO_USER, sepal_users: dict | None = None, sepal_ttl: float = 3600):
        self.clock, self.token_ttl, self.project, self.browser_user = clock, token_ttl, project, browser_user
        self.access: dict[str, Issued] = {}
        self.refresh: dict[str, str] = {}  # refresh token -> account
        self.service_accounts: dict[str, str] = {}  # client_email -> public key PEM
        self.codes: dict[str, tuple] = {}  # code -> (account, challenge, redirect_uri)
        self.sepal_users = sepal_users if sepal_users is not None else {SEPAL_USER: SEPAL_PASSWORD}
        self.sepal_sessions: dict[str, Issued] = {}
        self.sepal_ttl = sepal_ttl
        self.grants: list[str] = []  # grant types asked, in order

    # -- test controls
    def issue_refresh_token(self, account: str = DEMO_USER) -> str:
        token = "1//" + secrets.token_urlsafe(24)
        self.refresh[token] = account
        return token

    def revoke(self, refresh_token: str | None = None) -> None:
        """Revoke one refresh token (or all): the next refresh is answered invalid_grant."""
        if refresh_token is None:
            self.refresh.clear()
        else:
            self.refresh.pop(refresh_token, None)

    def expire_access_tokens(self) -> None:
        for issued in self.access.values():
            issued.expires_at = self.clock() - 1

    def expire_sepal_sessions(self) -> None:
        self.sepal_sessions.clear()

    def add_service_account(self, email: str, public_key_pem: str) -> None:
        self.service_accounts[email] = public_key_pem

    def issue_access_token(self, account: str = DEMO_USER) -> str:
        token = "ya29." + secrets.token_urlsafe(24)
        self.access[token] = Issued(account, self.clock() + self.token_ttl)
        return token

    def account_of(self, request: Request) -> str | None:
        """The account of a valid, unexpired bearer token, else None."""
        header = request.header("authorization") or ""
        if not header.startswith("Bearer "):
            return None
        issued = self.access.get(header[len("Bearer "):].strip())
        if issued is None or issued.expires_at <= self.clock():
            return None
        return issued.account

    # -- Google's endpoints
    def _token_answer(self, account: str, refresh: str = "") -> Response:
        answer = {"access_token": self.issue_access_token(account), "expires_in": int(self.token_ttl),
                  "token_type": "Bearer", "scope": "https://www.googleapis.com/auth/earthengine"}
        if refresh:
            answer["refresh_token"] = refresh
        return json_response(200, answer)

    @staticmethod
    def _refused(description: str, error: str = "invalid_grant", status: int = 400) -> Response:
        return json_response(status, {"error": error, "error_description": description})

    def token_endpoint(self, request: Request) -> Response:
        form = dict(parse_qsl(request.body.decode("utf-8")))
        grant = form.get("grant_type", "")
        self.grants.append(grant)
        if grant == "refresh_token":
            account = self.refresh.get(form.get("refresh_token", ""))
            if not form.get("client_id"):
                return self._refused("Could not determine client ID from request.", "invalid_request")
            if account is None:
                return self._refused("Token has been expired or revoked.")
            return self._token_answer(account)
        if grant == JWT_BEARER:
            return self._jwt_grant(form.get("assertion", ""))
        if grant == "authorization_code":
            found = self.codes.pop(form.get("code", ""), None)
            if found is None:
                return self._refused("Malformed auth code.")
            account, challenge, redirect_uri = found
            verifier = form.get("code_verifier", "")
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if digest != challenge or form.get("redirect_uri") != redirect_uri:
                return self._refused("Missing code verifier." if not verifier else "Invalid code verifier.")
            return self._token_answer(account, self.issue_refresh_token(account))
        return self._refused(f"Invalid grant_type: {grant}", "unsupported_grant_type")

    def _jwt_grant(self, assertion: str) -> Response:
        try:
            header_b64, claims_b64, signature_b64 = assertion.split(".")
            header, claims = json.loads(_b64decode(header_b64)), json.loads(_b64decode(claims_b64))
        except ValueError:
            return self._refused("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable "
                                 "timeframe. Check your iat and exp values in the JWT claim.")
        public = self.service_accounts.get(str(claims.get("iss")))
        if header.get("alg") != "RS256" or public is None:
            return self._refused("Invalid grant: account not found")
        from google.auth import crypt

        verifier = crypt.RSAVerifier.from_string(public)
        if not verifier.verify(f"{header_b64}.{claims_b64}".encode(), _b64decode(signature_b64)):
            return self._refused("Invalid JWT Signature.")
        now = self.clock()
        if not claims.get("iat") or abs(int(claims["iat"]) - now) > 300 or int(claims.get("exp", 0)) <= now:
            return self._refused("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable "
                                 "timeframe. Check your iat and exp values in the JWT claim.")
        return self._token_answer(str(claims["iss"]))

    def authorization_endpoint(self, request: Request) -> Response:
        query = {k: v[0] for k, v in request.query.items()}
        for name in ("client_id", "redirect_uri", "state", "code_challenge", "scope"):
            if not query.get(name):
                return Response(400, {"Content-Type": "text/html"}, f"Error 400: invalid_request ({name})".encode())
        if query.get("code_challenge_method") != "S256":
            return Response(400, {"Content-Type": "text/html"}, b"Error 400: invalid_request (code_challenge_method)")
        code = "4/" + secrets.token_urlsafe(24)
        self.codes[code] = (self.browser_user, query["code_challenge"], query["redirect_uri"])
        target = query["redirect_uri"] + "?" + urlencode({"state": query["state"], "code": code,
                                                          "scope": query["scope"]})
        return Response(302, {"Location": target})

    # -- SEPAL
    def sepal_login(self, request: Request) -> Response:
        header = request.header("authorization") or ""
        try:
            username, _, password = base64.b64decode(header[len("Basic "):]).decode().partition(":")
        except ValueError:
            username, password = "", ""
        if not header.startswith("Basic ") or self.sepal_users.get(username) != password:
            return json_response(401, {"message": "Invalid username or password"})
        session = secrets.token_hex(16)
        self.sepal_sessions[session] = Issued(username, self.clock() + self.sepal_ttl)
        token = self.issue_access_token(username)
        user = {"id": 7, "username": username, "name": username, "email": f"{username}@example.com",
                "googleTokens": {"accessToken": token, "refreshToken": "sepal-managed",
                                 "accessTokenExpiryDate": int(self.access[token].expires_at * 1000),
                                 "refreshIfExpiresInMinutes": 10, "projectId": self.project,
                                 "legacyProject": False},
                "status": "ACTIVE", "roles": ["application_admin"], "systemUser": False, "admin": False}
        return json_response(200, user, {"Set-Cookie": f"SEPAL-SESSIONID={session}; Path=/; HttpOnly"})

    def sepal_credentials(self, request: Request) -> Response:
        cookies = dict(part.strip().split("=", 1) for part in (request.header("cookie") or "").split(";")
                       if "=" in part)
        issued = self.sepal_sessions.get(cookies.get("SEPAL-SESSIONID", ""))
        if issued is None or issued.expires_at <= self.clock():
            return json_response(401, {"message": "Unauthorized"})
        path = request.arg("path")
        if not path:
            return json_response(400, {"error": "No path specified"})
        if path != "/.config/earthengine/credentials":
            return json_response(404, {"error": "Not found"})
        token = self.issue_access_token(issued.account)
        body = json.dumps({"access_token": token,
                           "access_token_expiry_date": int(self.access[token].expires_at * 1000),
                           "project_id": self.project}).encode()
        return Response(200, {"Content-Type": "application/octet-stream",
                              "Content-Disposition": 'attachment; filename="credentials"'}, body)
