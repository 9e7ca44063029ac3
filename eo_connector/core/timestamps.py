"""ISO 8601 timestamps as catalogues write them, read the same way on Python 3.9 to 3.13.

`datetime.fromisoformat` before 3.11 refuses a "Z" suffix and fractions of other than 3 or 6 digits
("2022-02-11T11:35:01.5Z"), which catalogues send; this reader accepts both on every version.
"""

import datetime as dt
import re
from typing import Optional

_FRACTION = re.compile(r"(\.\d+)(?=(Z|[+-]\d\d:?\d\d)?$)", re.IGNORECASE)
_UTC_SECONDS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*)?Z")  # already UTC: cut, not parsed


def parse_iso8601(text) -> Optional[dt.datetime]:
    """A datetime (aware when the text has a zone) or None when the text is not ISO 8601."""
    if not text:
        return None
    value = str(text).strip()
    if value[-1:] in ("Z", "z"):
        value = value[:-1] + "+00:00"
    match = _FRACTION.search(value)
    if match:  # 1 to 9+ digits -> exactly 6 (microseconds)
        value = value[: match.start(1)] + (match.group(1) + "000000")[:7] + value[match.end(1):]
    value = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", value)  # +0100 -> +01:00
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def iso_utc_seconds(value) -> Optional[str]:
    """ISO 8601 in UTC to the second with a Z ("2022-02-11T11:33:21Z"); the text as given when not parseable."""
    if not value:
        return None
    if isinstance(value, str) and _UTC_SECONDS.fullmatch(value):
        return value[:19] + "Z"
    parsed = parse_iso8601(value)
    if parsed is None:
        return str(value).strip()
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")
