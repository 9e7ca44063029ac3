"""Reading a catalogue search form into filters, with the reason in words when a value cannot be used: date ranges
in order, cloud cover as a maximum or a range, free "key=value" parameters. Widgets in, plain values out."""

import datetime as dt
from typing import Dict, Optional, Tuple, Union

from ...core.errors import InvalidInput
from ...core.i18n import tr


def date_of(edit) -> Optional[dt.date]:
    """The date of a QgsDateEdit, None when it is left empty (null)."""
    if edit.isNull() or not edit.date().isValid():
        return None
    return edit.date().toPyDate()


def date_range(start_edit, end_edit, what: str) -> Tuple[Optional[dt.date], Optional[dt.date]]:
    """(start, end) of two date fields, either side may be empty; refused when out of order."""
    start, end = date_of(start_edit), date_of(end_edit)
    if start is not None and end is not None and start > end:
        raise InvalidInput(tr("The {what} dates are out of order: {start} is after {end}.", what=what,
                              start=start.isoformat(), end=end.isoformat()))
    return start, end


def cloud_cover(minimum: int, maximum: int) -> Union[None, int, Tuple[Optional[int], Optional[int]]]:
    """The cloudCover filter of a 0–100 % range: None for 0–100 (no filter), a maximum alone, or (min, max)."""
    if minimum > maximum:
        raise InvalidInput(tr("The cloud cover range is out of order: {low} % is above {high} %.",
                              low=minimum, high=maximum))
    if minimum <= 0 and maximum >= 100:
        return None
    if minimum <= 0:
        return maximum
    return (minimum, None if maximum >= 100 else maximum)


def extra_parameters(text: str, taken=()) -> Dict[str, str]:
    """`key=value` lines (blank lines and lines starting with # are skipped). A key set twice, or one the form
    already sets (`taken`), is refused rather than silently overriding."""
    found: Dict[str, str] = {}
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, equals, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if not equals or not key or any(c.isspace() for c in key):
            raise InvalidInput(tr("Extra parameter line {number} is not key=value: {line}", number=number,
                                  line=line[:80]))
        if key in found or key in taken:
            raise InvalidInput(tr("The parameter {key} is given twice; set it once (the form or the extra "
                                  "parameters).", key=key))
        found[key] = value
    return found
