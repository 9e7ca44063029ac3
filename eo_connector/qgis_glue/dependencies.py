"""Python packages the plugin needs and are not shipped with every QGIS: found without importing them (fast,
offline start), installed on request with pip in a background task, by the Python QGIS itself runs."""

import importlib
import importlib.util
import os
import re
import site
import subprocess
import sys
import tempfile
import threading
from typing import Dict, List, Optional, Sequence, Tuple

from ..core.errors import MissingDependency
from ..core.i18n import tr
from ..core.log import logger, redact

# module name -> pip requirement, as in requirements.txt (module and distribution have the same name for these).
REQUIRED = {"requests": "requests>=2.25", "shapely": "shapely>=2.0", "keyring": "keyring>=23"}
# Without these the plugin cannot talk to any platform; without keyring it still works, keeping secrets in the
# QGIS authentication database instead of the system keyring.
BLOCKING = ("requests", "shapely")
# What QGIS ships and pip must never upgrade or replace: the compiled packages (QGIS's GDAL and the others are built
# against its numpy and Qt) and the HTTP stack of its own Python tools. Pinned to the installed versions at install time.
SHIPPED = ("numpy", "GDAL", "PyQt5", "PyQt5-sip", "PyQt6", "PyQt6-sip", "QScintilla", "shapely", "pyproj", "scipy",
           "pandas", "matplotlib", "Pillow", "lxml", "psycopg2", "cryptography", "cffi", "requests", "urllib3",
           "certifi", "charset-normalizer", "chardet", "idna", "keyring")
TIMEOUT = 900  # seconds for the whole pip run

# pip's words when it cannot reach the package index (urllib3 / requests / socket errors, as pip prints them).
_UNREACHABLE = re.compile(r"NewConnectionError|Failed to establish a new connection|ConnectTimeoutError|ProxyError|"
                          r"ConnectionError|Connection refused|Network is unreachable|Name or service not known|"
                          r"Temporary failure in name resolution|nodename nor servname|getaddrinfo failed|"
                          r"Max retries exceeded|ReadTimeoutError|SSLError|CERTIFICATE_VERIFY_FAILED")
_NO_PIP = re.compile(r"No module named pip\b")
_DISTRIBUTION_MANAGED = re.compile(r"externally-managed-environment")  # PEP 668: Debian 12+, Ubuntu 23.04+...


def _version_tuple(text: str) -> Tuple[int, ...]:
    """The leading numbers of a version: "2.0.6" -> (2, 0, 6), "1.8.5.post1" -> (1, 8, 5), "2.1rc1" -> (2, 1)."""
    numbers = []
    for piece in text.split("."):
        digits = re.match(r"\d+", piece)
        if not digits:
            break
        numbers.append(int(digits.group()))
        if digits.group() != piece:
            break
    return tuple(numbers)


def minimum_version(requirement: str) -> Tuple[int, ...]:
    return _version_tuple(requirement.partition(">=")[2])


def installed_version(distribution: str) -> Optional[str]:
    """The version of an installed distribution, read from its metadata (nothing is imported). The name of its
    metadata folder beside the package is read first (shapely-2.0.6.dist-info): importlib.metadata alone would add
    tens of milliseconds to QGIS's start."""
    found = _version_beside(distribution)
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


def _version_beside(name: str) -> Optional[str]:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    locations = list(spec.submodule_search_locations or []) or ([os.path.dirname(spec.origin)] if spec.origin else [])
    prefix = name.lower().replace("-", "_") + "-"
    for location in locations:
        try:
            entries = os.listdir(os.path.dirname(os.path.abspath(location)))
        except OSError:
            continue
        for entry in entries:
            lowered = entry.lower()
            if lowered.startswith(prefix) and lowered.endswith((".dist-info", ".egg-info")):
                version_text = entry[len(prefix):].rsplit(".", 1)[0].split("-")[0]  # 2.0.6, or 1.8.5 of -py3.11
                if version_text[:1].isdigit():
                    return version_text
    return None


def _too_old(distribution: str, installed: str) -> bool:
    requirement = REQUIRED.get(distribution.lower())
    if requirement is None or installed.startswith("0+"):
        # "0+unknown": a build that lost its version (Debian unstable's python3-shapely 2.2 says so); taken as it is.
        return False
    return _version_tuple(installed) < minimum_version(requirement)


def missing() -> List[str]:
    """Required modules that cannot be imported, or whose installed version is older than required (Debian 12's
    shapely 1.8 counts as missing: the plugin needs 2.x)."""
    result = []
    for module in REQUIRED:
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):  # a module set to None in sys.modules counts as missing
            found = False
        if found:
            installed = installed_version(module)  # None: a copy without metadata (vendored), taken as it is
            found = installed is None or not _too_old(module, installed)
        if not found:
            result.append(module)
    return result


def missing_of(packages: Dict[str, str]) -> List[str]:
    """The modules of a platform's own packages (Platform.python_packages: module -> pip requirement) that cannot be
    imported; they never block the plugin or the other platforms."""
    found = []
    for module in packages:
        try:
            if importlib.util.find_spec(module) is None:
                found.append(module)
        except (ImportError, ValueError):
            found.append(module)
    return found


def blocking(missing_modules: List[str]) -> List[str]:
    return [m for m in missing_modules if m in BLOCKING]


def python_executable(executable: Optional[str] = None, exec_prefix: Optional[str] = None,
                      base_exec_prefix: Optional[str] = None, os_name: Optional[str] = None,
                      version_info: Optional[Sequence[int]] = None) -> Optional[str]:
    """The Python interpreter QGIS embeds, or None. (Arguments default to the running interpreter's; tests give them.)

    On Windows and macOS sys.executable is QGIS itself (qgis-bin.exe, QGIS.app/Contents/MacOS/QGIS), and on Linux it
    can be whatever `python3` comes first on PATH (e.g. a pyenv shim): the interpreter is looked for next to
    sys.exec_prefix, then sys.base_exec_prefix: python.exe on Windows (OSGeo4W: apps/Python39/python.exe),
    bin/python3.X then bin/python3 elsewhere (QGIS.app/Contents/MacOS/bin/python3, /usr/bin/python3.11). Only when
    there is none there, sys.executable if it is a Python. Never a python found on PATH."""
    executable = sys.executable if executable is None else executable
    exec_prefix = sys.exec_prefix if exec_prefix is None else exec_prefix
    base_exec_prefix = getattr(sys, "base_exec_prefix", exec_prefix) if base_exec_prefix is None else base_exec_prefix
    os_name = os.name if os_name is None else os_name
    major, minor = (version_info or sys.version_info)[:2]
    if os_name == "nt":
        names = [("python.exe",), ("python3.exe",), ("Scripts", "python.exe")]  # the last: a virtual environment
    else:
        names = [("bin", f"python{major}.{minor}"), ("bin", f"python{major}"), ("bin", "python")]
    for prefix in dict.fromkeys(p for p in (exec_prefix, base_exec_prefix) if p):
        for parts in names:
            path = os.path.join(prefix, *parts)
            if os.path.isfile(path):
                return path
    if executable and re.fullmatch(r"python[\d.]*(\.exe)?", os.path.basename(executable), re.IGNORECASE) \
            and os.path.isfile(executable):
        return executable
    return None


def install_target() -> Tuple[List[str], Optional[str]]:
    """(pip arguments, site folder) of where the packages go.

    The user's site-packages (pip --user) when QGIS's Python reads it, as it does in the usual installs (OSGeo4W and
    the standalone installer on Windows, QGIS.app, Linux packages): it needs no administrator rights (QGIS's own
    site-packages is in Program Files, the app bundle or /usr), it survives plugin updates, it comes before QGIS's own
    site-packages on sys.path, and pip installing there still sees every package QGIS ships, so it adds only what is
    missing. Not the profile's python folder (pip --target): from there pip does not see QGIS's packages and would
    lay a second numpy beside QGIS's. When the user site is disabled (QGIS in a virtual environment,
    PYTHONNOUSERSITE), the environment's own site-packages, which then belongs to the user."""
    if site.ENABLE_USER_SITE:
        return ["--user"], site.getusersitepackages()
    return [], None


def shipped_constraints() -> List[str]:
    """pip constraints ("name==version") pinning what QGIS ships to the versions installed now. A required package
    older than the plugin needs (shapely 1.8) is left out: the newer one goes beside it, QGIS's copy stays."""
    lines = []
    for name in SHIPPED:
        installed = installed_version(name)
        if installed is not None and not installed.startswith("0+") and not _too_old(name, installed):
            lines.append(f"{name}=={installed}")  # (a version pip cannot read, "0+unknown", cannot be pinned)
    return lines


def _activate_site(path: Optional[str]) -> None:
    """Make a site folder created by pip importable now, without a restart: where Python puts the user site at
    start-up (before the system's site-packages), with its .pth files read."""
    if not path or path in sys.path or not os.path.isdir(path):
        return
    count = len(sys.path)
    site.addsitedir(path)
    added = sys.path[count:]
    del sys.path[count:]
    position = next((i for i, entry in enumerate(sys.path)
                     if os.path.basename(entry.rstrip("/\\")) in ("site-packages", "dist-packages")), len(sys.path))
    sys.path[position:position] = added


class _PipProgress:
    """Turns pip's output lines into progress reports: Collecting, Downloading, Installing."""

    def __init__(self, progress):
        self.progress = progress
        self.steps = 0

    def line(self, text: str) -> None:
        text = text.strip()
        collecting = re.match(r"Collecting (\S+)", text)
        downloading = re.match(r"Downloading (\S+)", text)
        installing = re.match(r"Installing collected packages: (.+)", text)
        if collecting or downloading:
            self.steps += 1
            fraction = 0.1 + 0.65 * (1 - 0.85 ** self.steps)  # pip does not say how many steps are to come
            if collecting:
                name = re.split(r"[<>=!~;\[ (]", collecting.group(1))[0]
                self.progress.report(fraction, tr("Collecting {name}", name=name))
            else:
                name = downloading.group(1).rstrip("/").rsplit("/", 1)[-1]
                self.progress.report(fraction, tr("Downloading {name}", name=name))
        elif installing:
            self.progress.report(0.8, tr("Installing {names}", names=installing.group(1).strip()))


def _run_pip(command: List[str], on_line, progress) -> Tuple[int, str]:
    """Run pip, feeding each output line to `on_line`; (exit code, output). Killed after TIMEOUT or on cancel."""
    env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONIOENCODING="utf-8")
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if os.name == "nt" else 0  # no console window on Windows
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               env=env, text=True, encoding="utf-8", errors="replace", creationflags=flags)
    watchdog = threading.Timer(TIMEOUT, process.kill)
    watchdog.start()
    lines = []
    try:
        for text in process.stdout:
            lines.append(text)
            on_line(text)
            if progress.cancelled():
                process.kill()
                break
        returncode = process.wait()
    finally:
        watchdog.cancel()
        process.stdout.close()
    progress.check()
    return returncode, "".join(lines)


def install(modules: List[str], progress, requirements: Optional[Dict[str, str]] = None) -> List[str]:
    """pip install what is missing into a place QGIS's Python reads (run inside a task: it downloads), never
    upgrading or replacing what QGIS ships. `requirements` adds a platform's own packages (module -> requirement).
    Raises MissingDependency with a sentence for the user."""
    known = dict(REQUIRED, **(requirements or {}))
    packages = [known[m] for m in modules if m in known]
    names = ", ".join(known[m].split(">")[0].split("=")[0] for m in modules if m in known)
    progress.report(0.05, tr("Installing {names}", names=names))
    python = python_executable()
    if python is None:
        raise MissingDependency(tr("The Python of QGIS was not found, so {names} cannot be installed from here: "
                                   "install them with the QGIS installer or your system's package manager.",
                                   names=names), details=f"sys.executable={sys.executable} exec_prefix={sys.exec_prefix}")
    target_args, site_dir = install_target()
    handle, constraints = tempfile.mkstemp(prefix="eo-connector-constraints-", suffix=".txt")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write("\n".join(shipped_constraints()) + "\n")
        command = [python, "-m", "pip", "install", *target_args, "--upgrade-strategy", "only-if-needed",
                   "--constraint", constraints, "--prefer-binary", "--disable-pip-version-check", "--no-input",
                   "--progress-bar", "off", "--no-warn-script-location", *packages]
        logger.info("installing with %s", " ".join(command))
        try:
            returncode, output = _run_pip(command, _PipProgress(progress).line, progress)
        except OSError as err:
            raise MissingDependency(tr("Installing {names} failed; see the EO Connector log.", names=names),
                                    details=f"{python}: {err}") from err
    finally:
        os.remove(constraints)
    details = redact(output[-4000:])
    if returncode != 0:
        if _NO_PIP.search(output):
            message = tr("The Python of QGIS has no pip, so {names} cannot be installed from here: install them with "
                         "the QGIS installer or your system's package manager.", names=names)
        elif _DISTRIBUTION_MANAGED.search(output):
            message = tr("The Python of QGIS is managed by your Linux distribution, so {names} cannot be installed "
                         "with pip: install them with its package manager (on Debian and Ubuntu: apt install "
                         "python3-<name>).", names=names)
        elif _UNREACHABLE.search(output):
            message = tr("The Python package index could not be reached to install {names}: check the network "
                         "connection (and the proxy, if you use one), then try again.", names=names)
        else:
            message = tr("Installing {names} failed; see the EO Connector log.", names=names)
        raise MissingDependency(message, details=details)
    logger.info("pip installed %s:\n%s", names, details)
    _activate_site(site_dir)
    importlib.invalidate_caches()
    progress.report(1.0, tr("Installed {names}", names=names))
    return packages
