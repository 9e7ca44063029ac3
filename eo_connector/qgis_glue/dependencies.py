"""Python packages the plugin needs and are not shipped with every QGIS: found without importing them (fast,
offline start), installed on request with pip in a background task."""

import importlib.util
import os
import subprocess
import sys
from typing import List

from ..core.errors import MissingDependency
from ..core.i18n import tr

# module name -> pinned pip requirement (as in requirements.txt)
REQUIRED = {"requests": "requests==2.32.3", "shapely": "shapely==2.0.6", "keyring": "keyring==25.5.0"}
# Without these the plugin cannot talk to any platform; without keyring it still works, keeping secrets in the
# QGIS authentication database instead of the system keyring.
BLOCKING = ("requests", "shapely")


def missing() -> List[str]:
    result = []
    for module in REQUIRED:
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):  # a module set to None in sys.modules counts as missing
            found = False
        if not found:
            result.append(module)
    return result


def blocking(missing_modules: List[str]) -> List[str]:
    return [m for m in missing_modules if m in BLOCKING]


def python_executable() -> str:
    """The interpreter QGIS embeds (sys.executable is QGIS itself on some platforms)."""
    candidates = [sys.executable, getattr(sys, "_base_executable", ""),
                  os.path.join(sys.exec_prefix, "bin", "python3"), os.path.join(sys.exec_prefix, "python.exe")]
    for path in candidates:
        if path and os.path.basename(path).lower().startswith("python") and os.path.exists(path):
            return path
    return "python3"


def install(modules: List[str], progress) -> List[str]:
    """pip install --user the pinned versions (run inside a task: it downloads)."""
    packages = [REQUIRED[m] for m in modules if m in REQUIRED]
    progress.report(0.1, tr("Installing {names}", names=", ".join(packages)))
    command = [python_executable(), "-m", "pip", "install", "--user", "--disable-pip-version-check"]
    process = subprocess.run(command + packages, capture_output=True, text=True, timeout=900)
    if process.returncode != 0:
        raise MissingDependency(tr("Installing {names} failed; see the EO Connector log.", names=", ".join(packages)),
                                details=process.stderr[-2000:])
    importlib.invalidate_caches()
    progress.report(1.0, tr("Installed {names}", names=", ".join(packages)))
    return packages
