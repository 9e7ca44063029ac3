"""Browser sign-in helpers shared by the platforms: PKCE (RFC 7636) and a one-shot loopback listener on 127.0.0.1
that catches the authorization server's redirect, waiting in short slices so the user can cancel."""

import base64
import errno
import hashlib
import html
import os
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .errors import AuthenticationError
from .i18n import tr
from .log import register_secret
from .progress import Progress


def pkce_pair():
    """(verifier, challenge) for PKCE S256 (RFC 7636): 64 random bytes, base64url without padding."""
    verifier = base64.urlsafe_b64encode(os.urandom(64)).rstrip(b"=").decode("ascii")
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")




class LoopbackRedirect:
    """A one-shot HTTP server on 127.0.0.1 that catches the browser's redirect (?code=...&state=...)."""

    SLICE = 0.1  # seconds between two looks at the cancel button

    def __init__(self, port: int, state: str, service: str):
        self._state = state
        self._service = service
        self._done = threading.Event()
        self._outcome = None  # ("code", code) or ("error", user sentence, details)
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                query = parse_qs(urlsplit(self.path).query)
                if "code" not in query and "error" not in query:
                    self.send_error(404)  # favicon and the like: not the answer we wait for
                    return
                ok = owner._take(query)
                self._page(tr("Signed in to {service}. You can close this tab and go back to QGIS.", service=owner._service) if ok else
                           tr("The {service} sign-in did not succeed. You can close this tab and go back to QGIS.",
                              service=owner._service))

            def _page(self, sentence):
                body = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>EO Connector</title></head>"
                        f"<body style=\"font-family:sans-serif;margin:3em\"><p>{html.escape(sentence)}</p>"
                        f"</body></html>").encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass  # request lines carry the authorization code

        class Server(ThreadingHTTPServer):
            daemon_threads = True

        try:
            self._server = Server(("127.0.0.1", port), Handler)
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                raise AuthenticationError(
                    tr("Sign-in in the browser needs the local port {port}, which another program is using. Close "
                       "that program or sign in with your username and password.", port=port),
                    details=f"loopback bind 127.0.0.1:{port}: {exc}") from None
            raise AuthenticationError(tr("Sign-in in the browser could not start its local listener."),
                                      details=f"loopback bind 127.0.0.1:{port}: {exc}") from None
        self.redirect_uri = f"http://localhost:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(self.SLICE,),
                                        name="browser-sign-in", daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _take(self, query: dict) -> bool:
        """Keep the first answer; True when it carries a code for our state."""
        if self._done.is_set():
            return self._outcome[0] == "code"
        state = (query.get("state") or [""])[0]
        if "error" in query:
            reason = (query.get("error_description") or query.get("error"))[0][:200]
            self._outcome = ("error", tr("The {service} sign-in was refused in the browser: {reason}",
                                         service=self._service, reason=reason), f"authorization error {query['error'][0]}")
        elif not secrets.compare_digest(state.encode(), self._state.encode()):
            self._outcome = ("error", tr("The answer from the browser does not belong to this sign-in (state "
                                         "mismatch); sign in again."), "loopback: state mismatch")
        else:
            code = query["code"][0]
            register_secret(code)
            self._outcome = ("code", code, "")
        self._done.set()
        return self._outcome[0] == "code"

    def wait_for_code(self, progress: Progress, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while not self._done.wait(self.SLICE):
            progress.check()
            if time.monotonic() >= deadline:
                raise AuthenticationError(tr("The sign-in in the browser was not completed in time; try again."),
                                          details=f"no redirect within {timeout:.0f} s")
        progress.check()
        kind, value, details = self._outcome
        if kind != "code":
            raise AuthenticationError(value, details=details)
        return value
