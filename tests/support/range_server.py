"""A tiny local file server for the downloader's unit tests (the platform emulators live in tests/emulators/).

Serves {path: bytes} on 127.0.0.1 with HEAD, single Range requests (206/416), optional presigned-style
signatures (403 when missing or expired), an optional bearer token (401), and injectable faults:
drop the connection after N bytes, an HTTP status (429 with Retry-After, 503...), a callback after N bytes.
"""

import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class RangeServer:
    def __init__(self, files=None, *, bearer_token=None, signed=False):
        self.files = dict(files or {})
        self.bearer_token = bearer_token  # when set, requests without "Authorization: Bearer <it>" get 401
        self.signed = signed  # when set, requests need a live ?sig= from sign(): else 403
        self.requests = []  # (method, path, headers) of every request, in order
        self._signatures = set()
        self._faults = {}  # path -> list of fault dicts, consumed one per request
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

    def drop_after(self, path, nbytes, times=1):
        """For the next `times` requests of `path`: send headers and `nbytes` of body, then cut the connection."""
        self._add(path, times, kind="drop", nbytes=nbytes)

    def fail(self, path, status, times=1, retry_after=None):
        """For the next `times` requests of `path`: answer `status` (with Retry-After seconds if given)."""
        self._add(path, times, kind="status", status=status, retry_after=retry_after)

    def call_after(self, path, nbytes, callback, times=1):
        """For the next `times` requests of `path`: after `nbytes` of body are sent, call `callback()`."""
        self._add(path, times, kind="callback", nbytes=nbytes, callback=callback)

    def requests_for(self, path):
        return [r for r in self.requests if r[1] == "/" + path.lstrip("/")]

    # -- internals
    def _add(self, path, times, **fault):
        with self._lock:
            self._faults.setdefault("/" + path.lstrip("/"), []).extend(dict(fault) for _ in range(times))

    def _next_fault(self, path):
        with self._lock:
            queue = self._faults.get(path)
            return queue.pop(0) if queue else None

    def _signature_ok(self, query):
        signature = parse_qs(query).get("sig", [""])[0]
        with self._lock:
            return signature in self._signatures


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


def _make_handler(server):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_HEAD(self):
            self._serve(body=False)

        def do_GET(self):
            self._serve(body=True)

        def _serve(self, body):
            parts = urlsplit(self.path)
            path = parts.path
            server.requests.append((self.command, path, dict(self.headers.items())))
            if server.bearer_token and self.headers.get("Authorization") != f"Bearer {server.bearer_token}":
                return self._status(401)
            if server.signed and not server._signature_ok(parts.query):
                return self._status(403)
            data = server.files.get(path.lstrip("/"))
            if data is None:
                return self._status(404)
            fault = server._next_fault(path)
            if fault and fault["kind"] == "status":
                extra = {"Retry-After": str(fault["retry_after"])} if fault["retry_after"] is not None else {}
                return self._status(fault["status"], extra)
            wanted = _parse_range(self.headers.get("Range"), len(data))
            if wanted == "unsatisfiable":
                return self._status(416, {"Content-Range": f"bytes */{len(data)}"})
            start, end = wanted if wanted else (0, len(data) - 1)
            self.send_response(206 if wanted else 200)
            if wanted:
                self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(end - start + 1))
            self.end_headers()
            if body:
                self._send_body(data[start:end + 1], fault)

        def _send_body(self, payload, fault):
            try:
                if fault and fault["kind"] == "drop":
                    self.wfile.write(payload[:fault["nbytes"]])
                    self.wfile.flush()
                    self.close_connection = True  # the client sees the body end early
                    return
                if fault and fault["kind"] == "callback":
                    self.wfile.write(payload[:fault["nbytes"]])
                    self.wfile.flush()
                    fault["callback"]()
                    payload = payload[fault["nbytes"]:]
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client went away (cancelled): nothing to do

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
