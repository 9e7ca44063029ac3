"""The plugin's logger, and the redaction that keeps secrets out of every log line.

Everything the plugin logs goes through `logger` (or a child from `get_logger`). A `RedactingFilter` is attached
at import, so handlers (the QGIS message-log handler added by the QGIS glue, pytest's caplog, a console handler)
only ever see redacted text. `redact()` is also what callers use for text that lands in `EOError.details`.

Two kinds of secrets are removed:
- values registered with `register_secret()` (passwords, tokens, API keys the plugin handles), wherever they appear;
- well-known shapes: Authorization headers, "Bearer ..." tokens, JSON / form / query fields with secret names,
  presigned-URL signatures and credentials in URLs (scheme://user:password@host).
"""

import logging
import re
import threading
from urllib.parse import quote, quote_plus

MASK = "***"
MIN_SECRET_LENGTH = 6  # shorter values would mask ordinary words all over the log

logger = logging.getLogger("eo_connector")

_secrets_lock = threading.Lock()
_secrets = set()
_secrets_by_length = ()  # snapshot, longest first, so a secret containing another is masked whole


def register_secret(value) -> None:
    """Remember `value` so `redact` masks it everywhere. Values shorter than 6 characters are ignored."""
    global _secrets_by_length
    if not isinstance(value, str) or len(value) < MIN_SECRET_LENGTH:
        return
    # The URL-encoded forms show up in query strings and form bodies.
    variants = {value, quote(value, safe=""), quote_plus(value, safe="")}
    with _secrets_lock:
        if variants <= _secrets:
            return
        _secrets.update(variants)
        _secrets_by_length = tuple(sorted(_secrets, key=len, reverse=True))


def forget_secrets() -> None:
    """Drop every registered secret (tests, or after signing out of everything)."""
    global _secrets_by_length
    with _secrets_lock:
        _secrets.clear()
        _secrets_by_length = ()


# Field names whose value is a secret, in JSON / Python reprs and in form bodies.
_SECRET_FIELDS = (
    "password", "passwd", "access_token", "refresh_token", "id_token", "client_secret", "api_key", "apikey",
    "api-key", "x-api-key", "token", "secret", "authorization", "client_assertion", "private_key",
)
# Query parameters of presigned URLs (S3, Azure SAS, GCS, CloudFront) and OAuth tokens passed in URLs.
_SECRET_PARAMS = (
    "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token", "X-Goog-Signature", "X-Goog-Credential",
    "Signature", "sig", "token", "access_token", "refresh_token", "id_token", "password", "client_secret",
    "api_key", "apikey", "x-api-key",
)


def _names(names) -> str:
    ordered = sorted({n.lower() for n in names}, key=len, reverse=True)
    return "|".join(re.escape(n) for n in ordered)


# "password": "value"  /  'access_token': 'value'  (JSON, Python reprs); escaped quotes inside values handled.
_QUOTED_FIELD = re.compile(
    r"""(?P<q>["'])(?P<name>""" + _names(_SECRET_FIELDS) + r""")(?P=q)(?P<sep>\s*:\s*)"""
    r"""(?P<vq>["'])(?P<value>(?:\\.|(?!(?P=vq)).)*)(?P=vq)""",
    re.IGNORECASE | re.DOTALL,
)
# name=value in query strings and form bodies; the look-behind stops "token" matching inside "mytoken".
_FORM_FIELD = re.compile(
    r"(?<![A-Za-z0-9_\-])(?P<name>" + _names(_SECRET_FIELDS + _SECRET_PARAMS) + r")=(?P<value>[^&\s\"'#<>,;)]+)",
    re.IGNORECASE,
)
# Header lines: "Authorization: Bearer abc", "x-api-key: abc"; the auth scheme is kept, it helps debugging.
_AUTH_HEADER = re.compile(
    r"(?P<name>\b(?:proxy-)?authorization|\bx-api-key|\bapi-key|\bapikey)(?P<sep>\s*:\s*)"
    r"(?:(?P<scheme>Bearer|Basic|Token|Digest|Negotiate|ApiKey)\s+)?(?P<value>[^\s\"',;}]+)",
    re.IGNORECASE,
)
_COOKIE_HEADER = re.compile(r"(?P<name>\b(?:set-)?cookie)(?P<sep>\s*:\s*)(?P<value>[^\r\n\"'}]+)", re.IGNORECASE)
_BEARER = re.compile(r"\b(?P<scheme>Bearer)\s+(?P<value>[A-Za-z0-9\-._~+/]+=*)", re.IGNORECASE)
# scheme://user:password@host
_URL_CREDENTIALS = re.compile(r"(?P<prefix>\b[A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@]+:)(?P<value>[^/\s@]+)@")


def redact(text) -> str:
    """`text` (any object, via str) with every registered secret and every secret-shaped field masked."""
    if text is None:
        return ""
    text = text if isinstance(text, str) else str(text)
    if not text:
        return text
    for secret in _secrets_by_length:
        if secret in text:
            text = text.replace(secret, MASK)
    text = _QUOTED_FIELD.sub(lambda m: f"{m['q']}{m['name']}{m['q']}{m['sep']}{m['vq']}{MASK}{m['vq']}", text)
    text = _AUTH_HEADER.sub(
        lambda m: f"{m['name']}{m['sep']}{m['scheme'] + ' ' if m['scheme'] else ''}{MASK}", text
    )
    text = _COOKIE_HEADER.sub(lambda m: f"{m['name']}{m['sep']}{MASK}", text)
    text = _BEARER.sub(lambda m: f"{m['scheme']} {MASK}", text)
    text = _FORM_FIELD.sub(lambda m: f"{m['name']}={MASK}", text)
    text = _URL_CREDENTIALS.sub(lambda m: f"{m['prefix']}{MASK}@", text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record in place so that whatever handler formats it sees only redacted text.

    The message is formatted with its args first (redacting args alone would break %d and friends), then
    redacted; args are cleared. An exception's traceback is pre-formatted and redacted into `exc_text`, which
    the standard Formatter uses instead of formatting `exc_info` again.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record nor leak its args
            message = f"{record.msg} {record.args!r}"
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_filter = RedactingFilter()


def _attach_filter(target) -> None:
    if not any(isinstance(f, RedactingFilter) for f in target.filters):
        target.addFilter(_filter)


def get_logger(name: str = "") -> logging.Logger:
    """`logger` or a child of it ("eo_connector.<name>"), with the redacting filter attached.

    Logger filters only run for records logged on that very logger, not for those propagating from children,
    so every child gets its own; handlers added by the QGIS glue should add `RedactingFilter()` as well.
    """
    target = logger.getChild(name) if name else logger
    _attach_filter(target)
    return target


_attach_filter(logger)
