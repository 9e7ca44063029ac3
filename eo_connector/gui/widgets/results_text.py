"""The words and small arithmetic of the results browser: its header line, and selected rows as runs."""

from typing import Iterator, List, Optional, Tuple

from qgis.PyQt.QtCore import QLocale

from ...core.i18n import tr


def header_text(shown: int, total: Optional[int], selected: int, loading: bool, searched: bool) -> str:
    """"N of TOTAL results, K selected — loading…" as far as each part is known."""
    locale = QLocale()
    if shown == 0:
        return tr("Searching…") if loading else tr("No results") if searched else ""
    if total is not None:
        text = tr("{shown} of {total} results", shown=locale.toString(shown), total=locale.toString(total))
    elif shown == 1:
        text = tr("1 result")
    else:
        text = tr("{shown} results", shown=locale.toString(shown))
    if selected == 1:
        text = tr("{results}, 1 selected", results=text)
    elif selected:
        text = tr("{results}, {count} selected", results=text, count=locale.toString(selected))
    if loading:
        text = tr("{results} — loading…", results=text)
    return text


def row_ranges(rows: List[int]) -> Iterator[Tuple[int, int]]:
    """Sorted row numbers -> (first, last) runs, so a big selection is a few ranges, not thousands."""
    start = previous = None
    for row in rows:
        if start is None:
            start = previous = row
        elif row == previous + 1:
            previous = row
        else:
            yield start, previous
            start = previous = row
    if start is not None:
        yield start, previous
