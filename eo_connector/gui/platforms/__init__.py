"""Per-platform panels: the dock's page for a platform that needs widgets of its own is the PANEL class of the
module named after the platform's id in this package (gui/platforms/<id>.py). A platform without one gets the
generic page built from its description (gui/widgets/generic_panel.py).

A panel is a QWidget built as PANEL(iface, platform, connections, jobs, parent) with a `jobStarted(str)` signal,
`section_title()`, and set_connection / set_aoi / set_account, which the dock calls.

Optional, used by the dock when a panel has them: `results_widget()` -> a QWidget shown in the dock's Results tab
(e.g. its ResultsBrowser and a Download button), a `resultsShown` signal (the dock then shows that tab),
`help_anchor()` -> the README section of the page (default: the anchor of its title). The page is shown in a tab
that scrolls vertically only and may be 320 px wide.
"""

import importlib
from typing import Dict

_registered: Dict[str, type] = {}


def register_panel(platform_id: str, panel_class: type) -> None:
    """A panel for a platform registered at run time (tests, other plugins)."""
    _registered[platform_id] = panel_class


def panel_class(platform) -> type:
    if platform.id in _registered:
        return _registered[platform.id]
    name = f"{__name__}.{platform.id}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as err:
        if err.name != name:
            raise
        module = None
    found = getattr(module, "PANEL", None)
    if found is None:
        from ..widgets.generic_panel import GenericPanel

        found = GenericPanel
    return found
