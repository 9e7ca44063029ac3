"""The HTTP session every provider uses: timeouts, retries with backoff, proxies, redacted logging.

`HttpSession.request` returns the final response whatever its status (providers interpret it) and raises
`NetworkError` only when the server could not be reached. `raise_for_status` / `json_or_raise` (in
http_errors.py, re-exported here) turn a response into the EOError a user understands.
"""

import email.utils
import os
import random
import re
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests.sessions import merge_setting
from requests.utils import getproxies

from .errors import NetworkError
from .http_errors import json_or_raise, raise_for_status, server_explanation  # noqa: F401  (old import path)
from .i18n import tr
from .log import logger, redact


def _plugin_version() -> str:
    """The `version=` of metadata.txt, in the plugin folder (installed) or one level up (source tree)."""
    package_dir = Path(__file__).resolve().parent.parent
    for folder in (package_dir, package_dir.parent):
        try:
            text = (folder / "metadata.txt").read_text(encoding="utf-8")
        except OSError:
            continue
        match = re.search(r"^version\s*=\s*(\S+)", text, re.MULTILINE)
        if match:
            return match.group(1)
    return "dev"


USER_AGENT = f"EO-Connector/{_plugin_version()} (QGIS plugin)"

RETRY_STATUSES = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
# 500 is often a bug that repeats, but for requests that are safe to repeat one more try is cheap.
RETRY_500_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE"})
# What says a request was not processed, so that even a request unsafe to repeat may be sent again.
NOT_PROCESSED_STATUSES = frozenset({429, 503})


class HttpSession:
    """A pooled, thread-safe HTTP session with the network rules of the house.

    timeout: (connect, read) seconds used on every call unless one is given. retries: extra attempts after
    the first. backoff: first wait in seconds, doubled each attempt. max_retry_after caps any wait.
    proxies: a requests proxies dict, optionally with "no_proxy" (a comma-separated string or a list of hosts,
    domain suffixes or URL prefixes reached directly); None lets requests read the environment.
    sleep: replaces time.sleep (tests) when no Progress is given.
    """

    def __init__(self, base_url="", *, timeout=(10, 60), retries=4, backoff=0.5, max_retry_after=60,
                 proxies=None, verify=True, pool_size=16, user_agent=USER_AGENT, sleep=None):
        self.base_url = base_url or ""
        self.timeout = timeout
        self.retries = max(0, int(retries))
        self.backoff = float(backoff)
        self.max_retry_after = float(max_retry_after)
        self.verify = verify
        self.pool_size = pool_size
        self.user_agent = user_agent
        self._sleep = sleep or time.sleep
        self._proxies, self._no_proxy = _split_proxies(proxies)
        self._session = None
        self._lock = threading.Lock()

    # -- the session
    @property
    def requests_session(self) -> requests.Session:
        with self._lock:
            if self._session is None:
                session = _Session()
                # Retries are ours (with Retry-After and cancel), so urllib3 must not retry on its own.
                adapter = HTTPAdapter(pool_connections=self.pool_size, pool_maxsize=self.pool_size, max_retries=0)
                session.mount("https://", adapter)
                session.mount("http://", adapter)
                session.headers["User-Agent"] = self.user_agent
                session.verify = self.verify
                if self._proxies:
                    session.proxies.update(self._proxies)
                self._session = session
            return self._session

    def close(self) -> None:
        with self._lock:
            session, self._session = self._session, None
        if session is not None:
            session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def url(self, url_or_path: str) -> str:
        """An absolute URL as is; a path joined to base_url (keeping base_url's own path)."""
        if not self.base_url or urlsplit(url_or_path).scheme:
            return url_or_path
        if not url_or_path:
            return self.base_url
        return self.base_url.rstrip("/") + "/" + url_or_path.lstrip("/")

    # -- requests
    def get(self, url_or_path, **kwargs):
        return self.request("GET", url_or_path, **kwargs)

    def post(self, url_or_path, **kwargs):
        return self.request("POST", url_or_path, **kwargs)

    def put(self, url_or_path, **kwargs):
        return self.request("PUT", url_or_path, **kwargs)

    def delete(self, url_or_path, **kwargs):
        return self.request("DELETE", url_or_path, **kwargs)

    def head(self, url_or_path, **kwargs):
        return self.request("HEAD", url_or_path, **kwargs)

    def request(self, method, url_or_path, *, params=None, json=None, data=None, headers=None, stream=False,
                timeout=None, progress=None, retry=True, idempotent=None) -> requests.Response:
        """Send the request, retrying what is safe to retry; return the final response whatever its status.

        idempotent: None (default) judges by the method: GET, HEAD, PUT, DELETE... are sent again after a dropped
        connection, POST only when it cannot have reached the server. True says the request is safe to repeat
        whatever its method (a read sent by POST, e.g. a pixel computation): retried as a GET is.
        False says it is not: sent again only when the server did not process it (429, 503, connection refused).
        """
        method = method.upper()
        url = self.url(url_or_path)
        session = self.requests_session
        body_start = _tell(data)
        attempts = 1 + (self.retries if retry else 0)
        for attempt in range(attempts):
            if progress is not None:
                progress.check()
            if attempt and body_start is not None:
                data.seek(body_start)
            last_attempt = attempt == attempts - 1 or _is_one_shot(data)
            started = time.monotonic()
            try:
                response = session.request(
                    method, url, params=params, json=json, data=data, headers=headers, stream=stream,
                    timeout=timeout or self.timeout, proxies=self._proxies_for(url), verify=self.verify,
                )
                if not stream and _cut_short(method, response):
                    # urllib3 1.x hands over a body shorter than its Content-Length without an error.
                    raise requests.exceptions.ChunkedEncodingError("the connection closed before the whole body")
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                    requests.exceptions.ChunkedEncodingError) as exc:
                if last_attempt or not _may_retry_error(method, exc, idempotent):
                    raise _network_error(method, url, exc) from None
                delay = self._backoff_delay(attempt)
                logger.info("%s %s failed (%s); retry %d/%d in %.1f s", method, redact(url), type(exc).__name__,
                            attempt + 1, attempts - 1, delay)
                self._wait(delay, progress)
                continue
            elapsed_ms = (time.monotonic() - started) * 1000
            logger.debug("%s %s -> %s in %.0f ms", method, redact(response.url), response.status_code, elapsed_ms)
            if last_attempt or not _may_retry_status(method, response.status_code, idempotent):
                return response
            delay = self._retry_after(response)
            if delay is None:
                delay = self._backoff_delay(attempt)
            logger.info("%s %s answered HTTP %s; retry %d/%d in %.1f s", method, redact(url),
                        response.status_code, attempt + 1, attempts - 1, delay)
            response.close()
            self._wait(delay, progress)
        raise AssertionError("unreachable")  # the loop returns or raises on its last attempt

    # -- turning responses into errors
    def raise_for_status(self, response, *, messages=None) -> None:
        raise_for_status(response, messages=messages)

    def json_or_raise(self, response, *, messages=None):
        return json_or_raise(response, messages=messages)

    # -- internals
    def _proxies_for(self, url):
        if not self._proxies:
            return None
        if _bypasses_proxy(url, self._no_proxy):
            # None values remove the session's proxies and also stop requests adding environment ones.
            return {"http": None, "https": None, "all": None}
        return dict(self._proxies)

    def _backoff_delay(self, attempt: int) -> float:
        delay = self.backoff * (2 ** attempt)
        delay += random.uniform(0, delay * 0.2)  # jitter: workers that failed together do not retry together
        return min(delay, self.max_retry_after)

    def _retry_after(self, response):
        seconds = parse_retry_after(response.headers.get("Retry-After"))
        return None if seconds is None else min(seconds, self.max_retry_after)

    def _wait(self, seconds: float, progress) -> None:
        if seconds <= 0:
            return
        if progress is not None:
            progress.sleep(seconds)  # wakes with Cancelled when the user cancels
        else:
            self._sleep(seconds)


def parse_retry_after(value):
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _cut_short(method: str, response) -> bool:
    """True when a fully read body is shorter than the Content-Length announced for it (counted on the wire,
    before any decompression)."""
    length = response.headers.get("Content-Length", "").strip()
    if method == "HEAD" or response.status_code in (204, 304) or not length.isdigit():
        return False
    try:
        received = int(response.raw.tell())
    except (AttributeError, TypeError, ValueError):
        return False
    return received < int(length)


def _may_retry_status(method: str, status: int, idempotent=None) -> bool:
    if idempotent is None:
        return status in RETRY_STATUSES or (status == 500 and method in RETRY_500_METHODS)
    if idempotent:
        return status in RETRY_STATUSES or status == 500
    return status in NOT_PROCESSED_STATUSES


def _never_reached_server(exc) -> bool:
    """True when the request cannot have reached the server (refused, DNS, connect timeout, proxy down)."""
    if isinstance(exc, (requests.exceptions.ConnectTimeout, requests.exceptions.ProxyError)):
        return True
    if isinstance(exc, requests.exceptions.SSLError):
        return False
    reason = exc.args[0] if exc.args else None
    reason = getattr(reason, "reason", reason)  # urllib3 MaxRetryError wraps the cause
    name = type(reason).__name__
    return name in ("NewConnectionError", "ConnectTimeoutError", "NameResolutionError", "ProxyError")


def _may_retry_error(method: str, exc, idempotent=None) -> bool:
    if isinstance(exc, requests.exceptions.SSLError):
        return False  # a certificate problem does not go away by asking again
    if (method in IDEMPOTENT_METHODS) if idempotent is None else idempotent:
        return True
    return _never_reached_server(exc)


def _network_error(method, url, exc) -> NetworkError:
    if isinstance(exc, requests.exceptions.SSLError):
        message = tr("A secure connection to the server could not be established (certificate problem).")
    elif isinstance(exc, requests.exceptions.Timeout) and not _never_reached_server(exc):
        message = tr("The server did not answer in time; try again later.")
    elif isinstance(exc, requests.exceptions.ChunkedEncodingError):
        message = tr("The connection to the server kept dropping; try again later.")
    else:
        message = ""  # NetworkError's own sentence: cannot reach the server, check network and proxy
    details = f"{method} {redact(url)}: {type(exc).__name__}: {redact(exc)}"
    return NetworkError(message, details=details)


class _Session(requests.Session):
    """requests reads the environment (proxy variables, CA bundle) again at every request: a third of the CPU a small
    file costs, in a QGIS process with a large environment. Read once here; with proxy variables set, requests' own
    per-URL rules (no_proxy) apply as before. Likewise it looks for a .netrc file at every request that has no
    credentials of its own: looked for once here, and still read at each request when there is one."""

    def __init__(self):
        super().__init__()
        self._environment_proxies = getproxies()
        self._environment_ca = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
        self._netrc_found = _netrc_present()

    def prepare_request(self, request):
        if request.auth is None and not self.auth and not self._netrc_found:
            request.auth = _as_sent  # nothing to add, and no .netrc for requests to look for
        return super().prepare_request(request)

    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        if not self.trust_env or self._environment_proxies:
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        if verify is True or verify is None:
            verify = self._environment_ca or verify
        return {"proxies": merge_setting(proxies, self.proxies), "stream": merge_setting(stream, self.stream),
                "verify": merge_setting(verify, self.verify), "cert": merge_setting(cert, self.cert)}


def _netrc_present() -> bool:
    """Whether requests would find a .netrc file (where $NETRC says, else ~/.netrc or ~/_netrc)."""
    named = os.environ.get("NETRC")
    return any(os.path.exists(os.path.expanduser(place)) for place in ((named,) if named else ("~/.netrc", "~/_netrc")))


def _as_sent(prepared):
    """The credentials of a request that carries its own (a token header, a signed URL) or none."""
    return prepared


def _split_proxies(proxies):
    if not proxies:
        return None, ()
    proxies = dict(proxies)
    no_proxy = proxies.pop("no_proxy", None) or ()
    if isinstance(no_proxy, str):
        no_proxy = no_proxy.split(",")
    entries = tuple(e.strip().lower() for e in no_proxy if e and e.strip())
    return ({k: v for k, v in proxies.items() if v} or None), entries


def _bypasses_proxy(url: str, no_proxy) -> bool:
    """no_proxy entries: "*", a host or domain suffix ("example.org", ".example.org"), "host:port",
    or a URL prefix ("https://example.org/path", as QGIS stores them)."""
    if not no_proxy:
        return False
    lowered = url.lower()
    parts = urlsplit(lowered)
    host = parts.hostname or ""
    for entry in no_proxy:
        if entry == "*":
            return True
        if "://" in entry:
            if lowered.startswith(entry):
                return True
            continue
        entry_host, _, entry_port = entry.partition(":") if entry.count(":") == 1 else (entry, "", "")
        entry_host = entry_host.lstrip(".")
        if entry_port and str(parts.port or "") != entry_port:
            continue
        if host == entry_host or host.endswith("." + entry_host):
            return True
    return False


def _tell(data):
    """Where a file-like body starts, so a retry can rewind it; None for anything else."""
    if hasattr(data, "read") and hasattr(data, "seek") and hasattr(data, "tell"):
        try:
            return data.tell()
        except OSError:
            return None
    return None


def _is_one_shot(data) -> bool:
    """A body that cannot be sent twice (a generator, an unseekable stream) allows no retry."""
    if data is None or isinstance(data, (bytes, bytearray, str, dict, list, tuple)):
        return False
    return _tell(data) is None
