"""Turning an HTTP response into the EOError a user understands, with the server's own explanation when it gave one.

`raise_for_status` maps the status to an error class (401 -> SessionExpired, 403 -> PermissionDenied, ...);
`json_or_raise` also parses the body; `server_explanation` digs the server's words out of JSON, OGC XML or text.
"""

import json as jsonlib
import re

from .errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    ProtocolError,
    RateLimited,
    ServerError,
    SessionExpired,
)
from .i18n import tr
from .log import redact

EXPLANATION_MAX_CHARS = 300
BODY_EXCERPT_CHARS = 500


def raise_for_status(response, *, messages=None) -> None:
    """Nothing for 1xx-3xx; otherwise raise the EOError for the status, with the server's explanation.

    messages: {status: sentence} replaces the default sentence for that status (a provider knows better,
    e.g. 401 at sign-in means a wrong password, not an expired session).
    """
    status = response.status_code
    if status < 400:
        return
    error_class = _error_class(status)
    sentence = (messages or {}).get(status) or error_class().message
    body = _body_text(response)
    explanation = server_explanation(body, response.headers.get("Content-Type", ""))
    if explanation:
        sentence = tr("{sentence} The server said: {explanation}", sentence=sentence, explanation=explanation)
    raise error_class(sentence, details=_details(response, body))


def json_or_raise(response, *, messages=None):
    """The parsed JSON body of a successful response (None for 204); EOError for an error status,
    ProtocolError when the body is not JSON."""
    raise_for_status(response, messages=messages)
    if response.status_code == 204:
        return None
    body = _body_text(response)
    try:
        return jsonlib.loads(body)
    except ValueError:
        raise ProtocolError(details=_details(response, body)) from None


def server_explanation(body: str, content_type: str = "") -> str:
    """The server's own words about an error, redacted and shortened; "" when it gave none worth showing."""
    text = (body or "").strip()
    if not text:
        return ""
    explanation = ""
    if text[:1] in "{[":
        try:
            explanation = _explanation_from_json(jsonlib.loads(text))
        except ValueError:
            explanation = ""
    elif text.startswith("<"):
        # OGC services (WMS/WFS/WCS/OWS) report errors as XML exception reports.
        match = re.search(r"<(?:\w+:)?(?:ExceptionText|ServiceException)\b[^>]*>(.*?)</", text, re.DOTALL)
        if match:
            explanation = re.sub(r"<[^>]+>", "", match.group(1))
    elif "html" not in content_type.lower() and len(text) <= EXPLANATION_MAX_CHARS:
        explanation = text
    explanation = " ".join(explanation.split())
    if len(explanation) > EXPLANATION_MAX_CHARS:
        explanation = explanation[:EXPLANATION_MAX_CHARS - 1] + "…"
    return redact(explanation)


def _explanation_from_json(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        # e.g. FastAPI validation errors: [{"loc": [...], "msg": "..."}]
        return "; ".join(filter(None, (_explanation_from_json(v) for v in value[:5])))
    if isinstance(value, dict):
        for key in ("detail", "message", "error_description", "error", "msg", "title", "description"):
            found = value.get(key)
            if found and isinstance(found, (str, list, dict)):
                text = _explanation_from_json(found)
                if text:
                    return text
    return ""


def _error_class(status: int):
    if status == 401:
        return SessionExpired
    if status == 403:
        return PermissionDenied
    if status in (404, 410):
        return NotFound
    if status == 429:
        return RateLimited
    if status >= 500:
        return ServerError
    return InvalidInput


def _body_text(response, limit: int = 65536) -> str:
    """The body as text; for a streamed response only its first bytes, so a huge error body is not slurped."""
    try:
        if getattr(response, "_content_consumed", True) or not getattr(response, "raw", None):
            return response.text
        raw = b""
        for chunk in response.iter_content(8192):
            raw += chunk
            if len(raw) >= limit:
                break
        return raw[:limit].decode(response.encoding or "utf-8", errors="replace")
    except Exception:  # a broken body must not hide the status error
        return ""


def _details(response, body: str) -> str:
    method = response.request.method if response.request is not None else "?"
    excerpt = " ".join(redact(body[:BODY_EXCERPT_CHARS * 2]).split())[:BODY_EXCERPT_CHARS]
    return f"{method} {redact(response.url)} -> HTTP {response.status_code} ({response.reason}): {excerpt}"
