"""poll(): growing waits while nothing changes, cancellable sleeps, tolerated transient errors, timeout."""

import threading

import pytest

from eo_connector.core.errors import Cancelled, EOError, NetworkError, ServerError, SessionExpired
from eo_connector.core.polling import PollTimeout, poll
from eo_connector.core.progress import Progress


class SleepLog(Progress):
    """Records the waits poll asks for instead of waiting."""

    def __init__(self):
        super().__init__()
        self.waits = []

    def sleep(self, seconds):
        self.check()
        self.waits.append(round(seconds, 6))


def scripted(*outcomes):
    """A fetch() returning (or raising) each outcome in turn."""
    remaining = list(outcomes)

    def fetch():
        outcome = remaining.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return fetch


def test_interval_grows_while_unchanged_and_resets_on_change():
    progress, seen = SleepLog(), []
    fetch = scripted("queued", "queued", "queued", "queued", "running 10%", "running 10%", "done")
    result = poll(fetch, lambda r: r == "done", progress, interval=1.0, max_interval=3.0, backoff=2.0,
                  on_update=seen.append)
    assert result == "done"
    assert progress.waits == [1.0, 2.0, 3.0, 3.0, 1.0, 2.0]
    assert seen == ["queued", "queued", "queued", "queued", "running 10%", "running 10%", "done"]


def test_cancel_wakes_a_long_wait_promptly():
    progress = Progress()
    fetched = threading.Event()

    def fetch():
        fetched.set()
        return "running"

    canceller = threading.Thread(target=lambda: fetched.wait(5) and progress.cancel())
    canceller.start()
    try:
        with pytest.raises(Cancelled):
            poll(fetch, lambda r: False, progress, interval=60.0)  # pytest-timeout guards a sleep that never wakes
    finally:
        canceller.join()


def test_transient_errors_are_tolerated_in_a_row_then_raised():
    progress = SleepLog()
    fetch = scripted(NetworkError(), ServerError(), "running", NetworkError(), NetworkError(), "done")
    assert poll(fetch, lambda r: r == "done", progress, interval=0.01, max_transient_errors=2) == "done"
    failing = scripted(NetworkError(), ServerError(), NetworkError(), "never reached")
    with pytest.raises(NetworkError):
        poll(failing, lambda r: True, SleepLog(), interval=0.01, max_transient_errors=2)


def test_other_errors_are_not_retried():
    with pytest.raises(SessionExpired):
        poll(scripted(SessionExpired(), "done"), lambda r: True, SleepLog(), interval=0.01)


def test_timeout_raises_a_user_sentence():
    calls = []

    def fetch():
        calls.append(1)
        return "running"

    with pytest.raises(PollTimeout) as caught:
        poll(fetch, lambda r: False, Progress(), interval=0.01, max_interval=0.02, timeout=0.05)
    assert isinstance(caught.value, EOError) and "seconds" in str(caught.value)
    assert len(calls) >= 2
