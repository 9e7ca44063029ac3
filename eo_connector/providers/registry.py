"""The platforms the plugin knows: found under providers/ (each package whose `platform` module has a PLATFORM),
plus any registered at run time (tests, other plugins). Shared code asks here; it never names a platform.

Finding the built-in platforms imports their `platform` modules only, which import nothing heavy: their clients
are imported when a connection is used.
"""

import importlib
import pkgutil
import threading
from typing import Callable, Dict, List, Optional

from ..core.errors import InvalidInput
from ..core.i18n import tr
from ..core.log import get_logger
from ..core.platform import Platform

log = get_logger("registry")

_platforms: Dict[str, Platform] = {}
_discovered = False
_listeners: List[Callable[[], None]] = []
_lock = threading.RLock()


def _discover() -> None:
    global _discovered
    with _lock:
        if _discovered:
            return
        _discovered = True
        package = importlib.import_module(__package__)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            if not info.ispkg:
                continue
            try:
                module = importlib.import_module(f"{__package__}.{info.name}.platform")
            except ModuleNotFoundError as err:
                if err.name and err.name.endswith(f"{info.name}.platform"):
                    continue  # a package of shared provider code, not a platform
                raise
            platform = getattr(module, "PLATFORM", None)
            if isinstance(platform, Platform):
                _platforms.setdefault(platform.id, platform)


def register(platform: Platform) -> Platform:
    """Add (or replace) a platform; the dock, Processing and the console pick it up."""
    _discover()
    with _lock:
        _platforms[platform.id] = platform
    _changed()
    return platform


def unregister(platform_id: str) -> None:
    with _lock:
        removed = _platforms.pop(platform_id, None)
    if removed is not None:
        _changed()


def platforms() -> List[Platform]:
    """Every platform, in a stable order (by title)."""
    _discover()
    with _lock:
        return sorted(_platforms.values(), key=lambda p: (p.title.lower(), p.id))


def find(platform_id: str) -> Optional[Platform]:
    _discover()
    with _lock:
        return _platforms.get(platform_id)


def get(platform_id: str) -> Platform:
    platform = find(platform_id)
    if platform is None:
        raise InvalidInput(tr("Unknown platform: {name}. Is the plugin up to date?", name=platform_id))
    return platform


def title(platform_id: str) -> str:
    platform = find(platform_id)
    return platform.title if platform is not None else platform_id


def on_change(listener: Callable[[], None]) -> None:
    """Call `listener()` whenever a platform is registered or removed (e.g. to refresh Processing)."""
    if listener not in _listeners:
        _listeners.append(listener)


def remove_listener(listener: Callable[[], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _changed() -> None:
    for listener in list(_listeners):
        try:
            listener()
        except Exception as err:  # a listener's failure must not stop the others
            log.warning("platform registry listener failed: %s", err)
