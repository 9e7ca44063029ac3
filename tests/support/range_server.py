"""A tiny local file server for the downloader's unit tests and benchmark (the platform emulators live in
tests/emulators/).

Serves {path: bytes, or the path of a file on disk (sent with sendfile, never read into memory)} on 127.0.0.1 with
HEAD, single Range requests (206/416, `Accept-Ranges: bytes` and a strong ETag; `accept_ranges = False` makes it a
server that ignores Range), POST endpoints whose body is computed from the JSON request (`computed[path] =
function(json) -> bytes`, never ranged, as Earth Engine's computePixels), optional presigned-style signatures (403
when missing or expired), an optional bearer token (401), and injectable faults: drop the connection after N bytes
or before any answer, an HTTP status (429 with Retry-After, 503...), a callback after N bytes, each for any request
of a path or only for the one asking for a range starting at a given byte; and a cut of every answer of a path in
flight once N bytes of it have been sent in all. Every request (method, path, headers, body) and every body sent
(path, first byte, bytes sent) is recorded.
"""

import hashlib
import json
import os
import secrets
import threading
from collections import namedtuple
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

Request = namedtuple("Request", "method path headers body")
Sent = namedtuple("Sent", "path start count")
_BLOCK = 1024 * 1024


class RangeServer:
    def __init__(self, files=None, *, bearer_token=None, signed=False, accept_ranges=True):
        self.files = dict(files or {})
        self.computed = {}  # path -> function(parsed JSON body) -> bytes, answered to POST
        self.bearer_token = bearer_token  # when set, requests without "Authorization: Bearer <it>" get 401
        self.signed = signed  # when set, requests need a live ?sig= from sign(): else 403
        self.accept_ranges = accept_ranges  # when False, Range is ignored (200 with the whole file) and not announced
        self.requests = []  # Request(method, path, headers, body) of every request, in order
        self.sent = []  # Sent(path, first byte, bytes sent) of every body, in the order they ended
        self._signatures = set()
        self._faults = {}  # path -> list of fault dicts, consumed one per matching request
        self._cuts = {}  # path -> {"limit", "sent", "streams"}: cut every answer in flight at `limit` bytes sent
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._httpd.daemon_threads = True
        self._thread = None

    # -- life cycle
    def start(self):
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- what tests call
    @property
    def base_url(self):
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path):
        url = f"{self.base_url}/{path.lstrip('/')}"
        return self.sign(path) if self.signed else url

    def sign(self, path):
        """A fresh presigned-style URL for `path`."""
        signature = secrets.token_hex(8)
        with self._lock:
            self._signatures.add(signature)
        return f"{self.base_url}/{path.lstrip('/')}?sig={signature}"

    def expire_signatures(self):
        with self._lock:
            self._signatures.clear()

    def drop_after(self, path, nbytes, times=1, range_start=None):
        """For the next `times` requests of `path` (only those whose range starts at byte `range_start`, if given):
        send headers and `nbytes` of body, then cut the connection."""
        self._add(path, times, range_start, kind="drop", nbytes=nbytes)

    def fail(self, path, status, times=1, retry_after=None, range_start=None):
        """For the next `times` requests of `path`: answer `status` (with Retry-After seconds if given)."""
        self._add(path, times, range_start, kind="status", status=status, retry_after=retry_after)

    def close_unanswered(self, path, times=1, range_start=None):
        """For the next `times` requests of `path`: close the connection without any answer."""
        self._add(path, times, range_start, kind="close")

    def call_after(self, path, nbytes, callback, times=1, range_start=None):
        """For the next `times` requests of `path`: after `nbytes` of body are sent, call `callback()`."""
        self._add(path, times, range_start, kind="callback", nbytes=nbytes, callback=callback)

    def cut_all_after(self, path, nbytes):
        """Once `nbytes` of `path`'s bodies have been sent in all, cut every answer of it then in flight (once)."""
        with self._lock:
            self._cuts["/" + path.lstrip("/")] = {"limit": nbytes, "sent": 0, "streams": []}

    def requests_for(self, path):
        return [r for r in self.requests if r.path == "/" + path.lstrip("/")]

    def sent_for(self, path):
        return [s for s in self.sent if s.path == "/" + path.lstrip("/")]

    # -- internals
    def _add(self, path, times, range_start, **fault):
        with self._lock:
            self._faults.setdefault("/" + path.lstrip("/"), []).extend(
                dict(fault, range_start=range_start) for _ in range(times))

    def _next_fault(self, path, range_start):
        with self._lock:
            queue = self._faults.get(path) or []
            for index, fault in enumerate(queue):
                if fault["range_start"] is None or fault["range_start"] == range_start:
                    return queue.pop(index)
            return None

    def _signature_ok(self, query):
        signature = parse_qs(query).get("sig", [""])[0]
        with self._lock:
            return signature in self._signatures

    def _stream(self, path):
        """A token cut by cut_all_after; None when no cut is armed for `path`."""
        with self._lock:
            cut = self._cuts.get(path)
            if cut is None:
                return None
            token = {"cut": False}
            cut["streams"].append(token)
            return token

    def _count(self, path, nbytes):
        with self._lock:
            cut = self._cuts.get(path)
            if cut is None:
                return
            cut["sent"] += nbytes
            if cut["sent"] >= cut["limit"]:
                for token in cut["streams"]:
                    token["cut"] = True
                del self._cuts[path]


def _parse_range(header, size):
    """(start, end) inclusive for a single 'bytes=' range, 'unsatisfiable', or None to send everything."""
    if not header or not header.startswith("bytes=") or "," in header:
        return None
    first, _, last = header[len("bytes="):].strip().partition("-")
    try:
        if first == "":
            count = int(last)
            return (max(0, size - count), size - 1) if count > 0 and size else "unsatisfiable"
        start = int(first)
        end = int(last) if last else size - 1
    except ValueError:
        return None
    if start >= size or end < start:
        return "unsatisfiable"
    return start, min(end, size - 1)


def _range_start(header):
    try:
        return int(header[len("bytes="):].partition("-")[0]) if header and header.startswith("bytes=") else None
    except ValueError:
        return None


def _make_handler(server):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_HEAD(self):
            self._serve(body=False)

        def do_GET(self):
            self._serve(body=True)

        def do_POST(self):
            self._serve(body=True)

        def _serve(self, body):
            parts = urlsplit(self.path)
            path = parts.path
            length = int(self.headers.get("Content-Length") or 0)
            sent_body = self.rfile.read(length) if length else b""
            server.requests.append(Request(self.command, path, dict(self.headers.items()), sent_body))
            if server.bearer_token and self.headers.get("Authorization") != f"Bearer {server.bearer_token}":
                return self._status(401)
            if server.signed and not server._signature_ok(parts.query):
                return self._status(403)
            source = self._source(path, sent_body)
            if source is None or isinstance(source, int):
                return self._status(source or 404)
            size = os.path.getsize(source) if isinstance(source, str) else len(source)
            ranges = server.accept_ranges and self.command != "POST"
            fault = server._next_fault(path, _range_start(self.headers.get("Range")) if ranges else None)
            if fault and fault["kind"] == "close":
                self.close_connection = True
                return None
            if fault and fault["kind"] == "status":
                extra = {"Retry-After": str(fault["retry_after"])} if fault["retry_after"] is not None else {}
                return self._status(fault["status"], extra)
            wanted = _parse_range(self.headers.get("Range"), size) if ranges else None
            if wanted == "unsatisfiable":
                return self._status(416, {"Content-Range": f"bytes */{size}"})
            start, end = wanted if wanted else (0, size - 1)
            self.send_response(206 if wanted else 200)
            if wanted:
                self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
            if ranges:
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("ETag", _etag(source))
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(end - start + 1))
            self.end_headers()
            if body:
                self._send_body(path, source, start, end + 1, fault)

        def _source(self, path, sent_body):
            """The bytes (or the file on disk) to answer with; an int status when the request is refused."""
            if self.command == "POST":
                compute = server.computed.get(path.lstrip("/"))
                if compute is None:
                    return 405 if path.lstrip("/") in server.files else 404
                try:
                    return compute(json.loads(sent_body or b"null"))
                except ValueError:
                    return 400
            return server.files.get(path.lstrip("/"))

        def _send_body(self, path, source, start, end, fault):
            limit = end
            if fault and fault["kind"] in ("drop", "callback"):
                limit = min(end, start + fault["nbytes"])
            position = start
            token = server._stream(path)
            try:
                with open(source, "rb") if isinstance(source, str) else _Nothing() as handle:
                    position = self._send_part(path, source, handle, position, limit, token)
                    if fault and fault["kind"] == "callback" and position == limit:
                        fault["callback"]()
                        position = self._send_part(path, source, handle, position, end, token)
                if position < end:
                    self.close_connection = True  # the client sees the body end early
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client went away (cancelled): nothing to do
            finally:
                server.sent.append(Sent(path, start, position - start))

        def _send_part(self, path, source, handle, position, end, token):
            """Send bytes [position, end) in blocks; stops early when cut. Returns where it stopped."""
            while position < end:
                if token is not None and token["cut"]:
                    return position
                count = min(_BLOCK, end - position)
                if handle is None:
                    self.wfile.write(memoryview(source)[position:position + count])
                else:
                    self.wfile.flush()
                    count = self.connection.sendfile(handle, position, count) or 0
                    if not count:
                        return position
                position += count
                server._count(path, count)
            return position

        def _status(self, status, extra=None):
            body = f"HTTP {status}\n".encode()
            self.send_response(status)
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    return Handler


class _Nothing:
    """`with` target for a body held in memory: no file to open."""

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _etag(source):
    if isinstance(source, str):
        status = os.stat(source)
        return f'"{status.st_size:x}-{status.st_mtime_ns:x}"'
    return '"' + hashlib.md5(source).hexdigest() + '"'
