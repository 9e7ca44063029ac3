"""The connections and the job manager, created once on first use and shared by the dock, Processing and the
console API (so a job started from the console shows in the dock)."""

from . import settings

_services = None


def _build():
    from ..core.job_store import JobStore
    from .connections import Connections
    from .jobs import JobManager

    connections = Connections()
    return connections, JobManager(JobStore(settings.jobs_file()), connections)


def connections():
    return _get()[0]


def jobs():
    return _get()[1]


def _get():
    global _services
    if _services is None:
        _services = _build()
    return _services


def started() -> bool:
    return _services is not None


def reset():
    """Forget the shared objects (plugin unload, tests); running jobs are cancelled first."""
    global _services
    if _services is not None:
        manager = _services[1]
        for job_id in list(manager.tasks):
            manager.cancel(job_id)
    _services = None


def asset_headers(connection_id: str, href: str) -> dict:
    """The credentials a saved connection sends for one asset URL ({} when the connection is gone)."""
    manager = connections()
    connection = manager.find(connection_id)
    if connection is None:
        return {}
    with manager.open_client(connection) as client:
        headers = getattr(client, "asset_headers", None)
        return headers(href) if headers is not None else {}
