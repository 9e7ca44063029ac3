"""Following a remote job until it is done: cancellable waits that grow while nothing changes.

Used for scenario runs, staging requests and anything else a server finishes in its own time.
"""

import time
from typing import Any, Callable, Optional

from .errors import EOError, NetworkError, ServerError
from .i18n import tr
from .log import get_logger
from .progress import Progress

log = get_logger("polling")

_UNSET = object()


class PollTimeout(EOError):
    """The server did not finish within the time the caller was ready to wait."""

    def default_message(self):
        return tr("The server has not finished in time; the job may still be running: follow it again later.")


def _duration(seconds: float) -> str:
    if seconds < 120:
        return tr("{n} seconds", n=int(round(seconds)))
    if seconds < 7200:
        return tr("{n} minutes", n=int(round(seconds / 60)))
    return tr("{n} hours", n=int(round(seconds / 3600)))


def _changed(previous, result) -> bool:
    if previous is _UNSET:
        return True
    try:
        return bool(previous != result)
    except Exception:  # results that cannot be compared count as news
        return True


def poll(fetch: Callable[[], Any], is_done: Callable[[Any], bool], progress: Progress, *,
         interval: float = 5.0, max_interval: float = 30.0, backoff: float = 1.5, timeout: Optional[float] = None,
         on_update: Optional[Callable[[Any], None]] = None, max_transient_errors: int = 5) -> Any:
    """Call `fetch()` until `is_done(result)`, then return that result.

    Between calls it waits with `progress.sleep` (so a cancel wakes it at once): `interval` first, growing by
    `backoff` up to `max_interval` while the result stays the same, back to `interval` when it changes.
    NetworkError/ServerError from `fetch` are tolerated up to `max_transient_errors` in a row; the next one is
    raised. After `timeout` seconds without completion, PollTimeout. `on_update(result)` follows each fetch.
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    delay = interval
    previous = _UNSET
    errors_in_row = 0
    while True:
        progress.check()
        try:
            result = fetch()
        except (NetworkError, ServerError) as exc:
            errors_in_row += 1
            if errors_in_row > max_transient_errors:
                raise
            log.info("status check failed (%d in a row), trying again: %s", errors_in_row, exc.details or exc)
            delay = min(delay * backoff, max_interval)
        else:
            errors_in_row = 0
            if on_update is not None:
                on_update(result)
            if is_done(result):
                return result
            if _changed(previous, result):
                delay = interval
            else:
                delay = min(delay * backoff, max_interval)
            previous = result
        wait = delay
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise PollTimeout(
                    tr("The server has not finished after {duration}; the job may still be running: follow it "
                       "again later.", duration=_duration(timeout)),
                    details=f"gave up polling after {timeout} s")
            wait = min(wait, left)
        progress.sleep(wait)
