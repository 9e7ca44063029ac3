"""Fault injection and the small HTTP server every platform emulator builds on.

An emulator subclasses `EmulatorServer`, fills `self.router` with its routes and gets for free: a threaded
HTTP/1.1 keep-alive server on 127.0.0.1 (port 0 by default), a record of every request, and a `FaultInjector`
applied to each request before the emulator sees it.

Fault kinds (`FaultInjector.add(path_regex, kind, ...)`; rules are tried in the order they were added):

- "status":   answer `status` (default 503) instead of the real answer; `retry_after` adds a Retry-After header,
              `body` (bytes, str or a JSON-able value) replaces the default JSON body.
- "drop":     send the real status and headers, including the FULL Content-Length, then `after_bytes` bytes of
              the body (default: half), then close the connection. The client sees a premature end of body.
- "truncate": send a well-formed but shortened answer: the body is cut to `after_bytes` bytes (default: half) and
              Content-Length announces that shorter length. Nothing at the HTTP level is wrong; only a client
              that checks the expected size or checksum notices. The connection stays usable.
- "slow":     wait `delay` seconds (default 1.0), then answer normally.
- "reset":    close the connection (TCP reset) without answering anything.

`times` counts the requests a rule still applies to (default 1); `times=None` means forever. `latency(s)` adds a
delay to every request. Paths are matched with `re.search` against the request path without its query string.
"""

from __future__ import annotations

import json
import logging
import re
import socket
import struct
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)

FAULT_KINDS = ("status", "drop", "truncate", "slow", "reset")
_CHUNK = 64 * 1024


@dataclass
class Fault:
    """One fault rule; see the module docstring for what each kind does."""

    pattern: re.Pattern
    kind: str
    method: str | None = None
    times: int | None = 1
    status: int | None = None
    retry_after: float | int | str | None = None
    after_bytes: int | None = None
    delay: float | None = None
    body: Any = None

    def applies(self, method: str, path: str) -> bool:
        if self.times is not None and self.times <= 0:
            return False
        if self.method is not None and self.method.upper() != method:
            return False
        return self.pattern.search(path) is not None

    def status_response(self) -> "Response":
        status = self.status or 503
        headers = {}
        if self.retry_after is not None:
            headers["Retry-After"] = str(self.retry_after)
        if isinstance(self.body, (bytes, str)):
            data = self.body.encode() if isinstance(self.body, str) else self.body
            return Response(status, {"Content-Type": "text/plain; charset=utf-8", **headers}, data)
        body = self.body if self.body is not None else {"message": f"Injected fault: HTTP {status}"}
        return json_response(status, body, headers)

    def cut_length(self, full_length: int) -> int:
        wanted = full_length // 2 if self.after_bytes is None else self.after_bytes
        return max(0, min(wanted, full_length))


class FaultInjector:
    """Thread-safe fault rules plus a count of the requests seen per path."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[Fault] = []
        self._latency = 0.0
        self._seen: list[tuple[str, str]] = []

    def latency(self, seconds: float) -> None:
        """Delay every request by `seconds` (0 to stop)."""
        with self._lock:
            self._latency = max(0.0, float(seconds))

    def add(self, path_regex: str, kind: str, *, method: str | None = None, times: int | None = 1,
            status: int | None = None, retry_after: float | int | str | None = None,
            after_bytes: int | None = None, delay: float | None = None, body: Any = None) -> Fault:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {FAULT_KINDS}")
        rule = Fault(re.compile(path_regex), kind, method, times, status, retry_after, after_bytes, delay, body)
        with self._lock:
            self._rules.append(rule)
        return rule

    def clear(self) -> None:
        """Remove every rule and the latency; the hit counts stay (see reset_hits)."""
        with self._lock:
            self._rules.clear()
            self._latency = 0.0

    def reset_hits(self) -> None:
        with self._lock:
            self._seen.clear()

    def hits(self, path_regex: str, method: str | None = None) -> int:
        """How many requests (faulted or not) had a path matching `path_regex`."""
        pattern = re.compile(path_regex)
        with self._lock:
            return sum(1 for m, p in self._seen
                       if pattern.search(p) and (method is None or m == method.upper()))

    def observe(self, method: str, path: str) -> tuple[float, Fault | None]:
        """Count the request; return the latency to add and the fault to apply (its `times` consumed)."""
        with self._lock:
            self._seen.append((method, path))
            for rule in self._rules:
                if rule.applies(method, path):
                    if rule.times is not None:
                        rule.times -= 1
                    return self._latency, rule
            return self._latency, None


@dataclass
class Request:
    """One request as the emulator saw it. Header names are lower-cased."""

    method: str
    target: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes = b""

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def json(self) -> Any:
        """The JSON body; ValueError when it is absent, not JSON or not sent as application/json."""
        content_type = (self.header("content-type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise ValueError("the body must be JSON sent with Content-Type: application/json")
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"the body is not valid JSON ({exc})") from None


@dataclass
class Response:
    """An answer: either `body` bytes or a byte range of a file on disk (streamed, never read whole)."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    file: Path | None = None
    file_start: int = 0
    file_length: int = 0

    @property
    def length(self) -> int:
        return self.file_length if self.file is not None else len(self.body)

    def chunks(self, limit: int) -> Iterator[bytes]:
        if self.file is None:
            yield self.body[:limit]
            return
        with open(self.file, "rb") as stream:
            stream.seek(self.file_start)
            remaining = min(limit, self.file_length)
            while remaining > 0:
                data = stream.read(min(_CHUNK, remaining))
                if not data:
                    return
                remaining -= len(data)
                yield data


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(payload).encode("utf-8")
    return Response(status, {"Content-Type": "application/json", **(headers or {})}, body)


class Router:
    """Regex routes per method. Unknown path -> None (caller answers 404); known path, other method -> 405."""

    def __init__(self) -> None:
        self._routes: list[tuple[re.Pattern, str, Callable[..., Response]]] = []

    def add(self, method: str, pattern: str, handler: Callable[..., Response]) -> None:
        self._routes.append((re.compile(f"^{pattern}$"), method.upper(), handler))

    def dispatch(self, request: Request) -> Response | None:
        allowed = []
        for regex, method, handler in self._routes:
            match = regex.match(request.path)
            if not match:
                continue
            if method == request.method:
                return handler(request, **match.groupdict())
            allowed.append(method)
        if allowed:
            return json_response(405, {"message": "Method Not Allowed"}, {"Allow": ", ".join(sorted(set(allowed)))})
        return None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "EOConnectorEmulator/1.0"
    timeout = 30  # an idle keep-alive connection frees its thread after this

    def setup(self) -> None:
        super().setup()
        # headers and body go out in separate writes: without this, Nagle + delayed ACK stall each answer ~40 ms
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.owner._track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.owner._track(self.connection, False)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # request lines carry presigned signatures; keep them out of logs

    def _serve(self) -> None:
        owner: EmulatorServer = self.server.owner
        split = urlsplit(self.path)
        request = Request(self.command, self.path, split.path, parse_qs(split.query, keep_blank_values=True),
                          {k.lower(): v for k, v in self.headers.items()}, self._read_body())
        owner._record(request)
        latency, fault = owner.faults.observe(request.method, request.path)
        if latency:
            time.sleep(latency)
        kind = fault.kind if fault else None
        if kind == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        if kind == "slow":
            time.sleep(1.0 if fault.delay is None else fault.delay)
        response = fault.status_response() if kind == "status" else owner._dispatch(request)
        self._send(response, request.method == "HEAD", fault if kind in ("drop", "truncate") else None)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _serve

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(parts)
                parts.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _send(self, response: Response, head_only: bool, cut: Fault | None) -> None:
        full = response.length
        limit = cut.cut_length(full) if cut else full
        announced = limit if cut and cut.kind == "truncate" else full
        try:
            self.send_response(response.status)
            for name, value in response.headers.items():
                if name.lower() != "content-length":
                    self.send_header(name, value)
            self.send_header("Content-Length", str(announced))
            self.end_headers()
            if not head_only:
                for data in response.chunks(limit):
                    self.wfile.write(data)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        if cut and cut.kind == "drop":
            self.close_connection = True


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A client closing its keep-alive connection (or a cancelled download) is normal, not an error to print.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


class EmulatorServer:
    """Base of the platform emulators: start()/stop(), context manager, `.url`, request record, faults.

    Subclasses register routes on `self.router` and may override `handle(request)` to serve other paths
    (e.g. presigned storage) before the routes, and `on_stop()` to clean up.
    """

    def __init__(self, *, faults: FaultInjector | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        self.faults = faults or FaultInjector()
        self.router = Router()
        self.errors: list[str] = []  # tracebacks of emulator bugs (answered 500); fixtures assert none
        self._address = (host, port)
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._requests: list[Request] = []
        # A benchmark's server answers thousands of requests: keeping each one would slow it down as it goes (the
        # garbage collector walks them all), as no real server does. Tests read them.
        self.keep_requests = True
        self._connections: set[socket.socket] = set()
        self._record_lock = threading.Lock()

    # --- lifecycle -------------------------------------------------------------------------------------------
    def start(self) -> str:
        if self._httpd is None:
            self._httpd = _HTTPServer(self._address, _Handler)
            self._httpd.owner = self
            self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                            name=type(self).__name__, daemon=True)
            self._thread.start()
        return self.url

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            with self._record_lock:
                open_connections = list(self._connections)
            for sock in open_connections:  # keep-alive connections would otherwise still be answered
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            self._thread.join(timeout=5)
            self._httpd = None
        self.on_stop()

    def on_stop(self) -> None:
        """Hook for subclasses: release temporary files."""

    def __enter__(self) -> "EmulatorServer":
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @staticmethod
    def wait_for_ctrl_c() -> None:
        """For an emulator run by hand (`python -m tests.emulators.<name>`): serve until Ctrl-C."""
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the emulator is not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    # --- requests --------------------------------------------------------------------------------------------
    @property
    def requests(self) -> list[Request]:
        with self._record_lock:
            return list(self._requests)

    def recorded(self, path_regex: str = "", method: str | None = None) -> list[Request]:
        pattern = re.compile(path_regex)
        return [r for r in self.requests
                if pattern.search(r.path) and (method is None or r.method == method.upper())]

    def handle(self, request: Request) -> Response:
        response = self.router.dispatch(request)
        return response if response is not None else json_response(404, {"message": "Not Found"})

    # --- internals used by the handler -----------------------------------------------------------------------
    def _dispatch(self, request: Request) -> Response:
        try:
            return self.handle(request)
        except Exception:  # an emulator bug: answer 500 and keep the traceback for the test to see
            trace = traceback.format_exc()
            self.errors.append(trace)
            log.error("emulator error on %s %s\n%s", request.method, request.path, trace)
            return json_response(500, {"message": "Internal Server Error"})

    def _record(self, request: Request) -> None:
        if not self.keep_requests:
            return
        with self._record_lock:
            self._requests.append(request)

    def _track(self, sock: socket.socket, opened: bool) -> None:
        with self._record_lock:
            (self._connections.add if opened else self._connections.discard)(sock)
