"""A scripted HTTP server on 127.0.0.1 (port chosen by the OS) for tests of HTTP clients.

Each request gets the next scripted answer; every request is recorded (method, path, headers, body), so tests
assert what the client really sent: retries, bodies, headers, proxy requests (absolute URIs in the path).
"""

import collections
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Recorded = collections.namedtuple("Recorded", "method path headers body")


class ScriptedServer:
    """Answers each request with the next scripted step (then 200 "ok"); records every request.

    A step is (status, headers, body) or the string "drop" (close without answering) or "hang" (answer
    only after the test ends, so the client times out).
    """

    def __init__(self):
        self.requests = []
        self.script = collections.deque()
        self.release = threading.Event()
        self.received = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                owner.requests.append(Recorded(self.command, self.path, dict(self.headers), body))
                owner.received.set()
                step = owner.script.popleft() if owner.script else (200, {}, b"ok")
                if step == "drop":
                    self.close_connection = True
                    return
                if step == "hang":
                    owner.release.wait(10)
                    step = (200, {}, b"late")
                status, headers, payload = step
                payload = payload.encode() if isinstance(payload, str) else payload
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_any

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 64  # parallel clients must not overflow the listen backlog

            def handle_error(self, request, client_address):
                pass  # clients that timed out leave broken pipes behind; expected here

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def add(self, status=200, body=b"", headers=None):
        self.script.append((status, headers or {}, body))

    def stop(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
