"""Installing missing packages inside QGIS: the interpreter QGIS embeds (not QGIS's own binary, not a python on PATH),
a place QGIS's Python searches, QGIS's own packages pinned, pip's steps as progress, and a sentence for the two
failures a user meets (no pip, no network). pip is a fake: a script standing in for the Python interpreter."""

import json
import os
import re
import sys
from importlib.metadata import version

import pytest

from eo_connector.core.errors import MissingDependency
from eo_connector.core.progress import RecordingProgress
from eo_connector.qgis_glue import dependencies

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PIP_INSTALLS_SHAPELY = """\
Collecting shapely>=2.0
  Downloading shapely-2.0.6-cp39-cp39-win_amd64.whl (1.4 MB)
Requirement already satisfied: numpy<3,>=1.14 in c:\\osgeo4w\\apps\\python39\\lib\\site-packages (from shapely>=2.0)
Collecting keyring>=23
  Using cached keyring-25.5.0-py3-none-any.whl (39 kB)
Installing collected packages: shapely, keyring
Successfully installed keyring-25.5.0 shapely-2.0.6
"""
PIP_OFFLINE = """\
WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by \
'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f2c>: Failed to establish a new \
connection: [Errno -3] Temporary failure in name resolution')': /simple/shapely/
ERROR: Could not find a version that satisfies the requirement shapely>=2.0 (from versions: none)
ERROR: No matching distribution found for shapely>=2.0
"""
NO_PIP = "C:\\OSGeo4W\\apps\\Python39\\python.exe: No module named pip\n"
PIP_REFUSED_BY_DEBIAN = """\
error: externally-managed-environment

\u00d7 This environment is externally managed
\u2570\u2500> To install Python packages system-wide, try apt install
    python3-xyz, where xyz is the package you are trying to
    install.
"""
PIP_BUILD_FAILS = "Collecting shapely>=2.0\nERROR: Failed building wheel for shapely\n"


def make_file(path, text=""):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as file:
        file.write(text)
    return str(path)


@pytest.fixture
def fake_pip(tmp_path, monkeypatch):
    """Make the interpreter a fake that records its arguments (and the constraints file) and answers like pip."""
    record = tmp_path / "pip-record.json"
    user_site = tmp_path / "user-site"
    monkeypatch.setattr(sys, "path", list(sys.path))  # an activated user site is forgotten after the test
    monkeypatch.setattr(dependencies, "install_target", lambda: (["--user"], str(user_site)))

    def make(output, exit_code=0):
        script = tmp_path / "python3"
        script.write_text(
            f"#!{sys.executable}\n"
            "import json, os, sys\n"
            "args = sys.argv[1:]\n"
            "record = {'args': args}\n"
            "if '--constraint' in args:\n"
            "    with open(args[args.index('--constraint') + 1]) as file:\n"
            "        record['constraints'] = file.read().splitlines()\n"
            f"with open({str(record)!r}, 'w') as file:\n"
            "    json.dump(record, file)\n"
            f"if {exit_code} == 0:\n"
            f"    os.makedirs({str(user_site)!r}, exist_ok=True)\n"
            f"sys.stdout.write({output!r})\n"
            f"sys.exit({exit_code})\n")
        script.chmod(0o755)
        monkeypatch.setattr(dependencies, "python_executable", lambda: str(script))
        return lambda: json.loads(record.read_text())

    make.user_site = str(user_site)
    return make


# -- which interpreter


def test_windows_qgis_runs_pip_with_the_python_next_to_its_exec_prefix(tmp_path, monkeypatch):
    qgis = make_file(tmp_path / "QGIS 3.28" / "bin" / "qgis-bin.exe")
    prefix = tmp_path / "QGIS 3.28" / "apps" / "Python39"
    python = make_file(prefix / "python.exe")
    make_file(prefix / "python3.exe")
    decoy = make_file(tmp_path / "path" / "python3.exe")  # the first python on PATH is another Python
    monkeypatch.setenv("PATH", os.path.dirname(decoy))
    chosen = dependencies.python_executable(qgis, str(prefix), str(prefix), "nt", (3, 9))
    assert chosen == python


def test_macos_qgis_runs_pip_with_the_bundled_python_of_its_version(tmp_path):
    contents = tmp_path / "QGIS.app" / "Contents"
    qgis = make_file(contents / "MacOS" / "QGIS")
    make_file(contents / "MacOS" / "bin" / "python3")
    python39 = make_file(contents / "MacOS" / "bin" / "python3.9")
    assert dependencies.python_executable(qgis, str(contents / "MacOS"), str(contents / "MacOS"), "posix",
                                          (3, 9)) == python39
    # a framework build keeps its Python under Frameworks/: base_exec_prefix points there
    frameworks = contents / "Frameworks" / "Python.framework" / "Versions" / "3.9"
    framework_python = make_file(frameworks / "bin" / "python3")
    assert dependencies.python_executable(qgis, str(contents / "Resources"), str(frameworks), "posix",
                                          (3, 9)) == framework_python


def test_linux_prefers_the_prefix_over_a_shim_in_sys_executable(tmp_path):
    shim = make_file(tmp_path / ".pyenv" / "shims" / "python3")  # what an embedded Python may resolve from PATH
    python = make_file(tmp_path / "usr" / "bin" / "python3.11")
    assert dependencies.python_executable(shim, str(tmp_path / "usr"), str(tmp_path / "usr"), "posix",
                                          (3, 11)) == python
    # a Python run directly (the tests, a console outside QGIS) with no interpreter under its prefix: itself
    assert dependencies.python_executable(shim, str(tmp_path / "none"), str(tmp_path / "none"), "posix",
                                          (3, 11)) == shim


def test_no_interpreter_found_is_said_and_nothing_runs(tmp_path, monkeypatch):
    qgis = make_file(tmp_path / "QGIS.app" / "Contents" / "MacOS" / "QGIS")
    assert dependencies.python_executable(qgis, str(tmp_path), str(tmp_path), "posix", (3, 9)) is None
    monkeypatch.setattr(dependencies, "python_executable", lambda: None)
    with pytest.raises(MissingDependency, match="The Python of QGIS was not found, so shapely cannot be installed"):
        dependencies.install(["shapely"], RecordingProgress())


# -- what is required, what is pinned


def test_required_is_in_step_with_requirements_txt():
    with open(os.path.join(ROOT, "requirements.txt")) as file:
        lines = {line.strip() for line in file if line.strip() and not line.startswith("#")}
    assert set(dependencies.REQUIRED.values()) == lines
    assert dependencies.minimum_version(dependencies.REQUIRED["shapely"]) == (2, 0)


def test_a_shapely_older_than_2_counts_as_missing(monkeypatch):
    assert dependencies.missing() == []
    real = dependencies.installed_version
    monkeypatch.setattr(dependencies, "installed_version",
                        lambda name: "1.8.5.post1" if name == "shapely" else real(name))
    assert dependencies.missing() == ["shapely"]
    assert not any(line.startswith("shapely==") for line in dependencies.shipped_constraints())
    monkeypatch.setattr(dependencies, "installed_version", lambda name: "2.0.1" if name == "shapely" else real(name))
    assert dependencies.missing() == []
    assert "shapely==2.0.1" in dependencies.shipped_constraints()
    # Debian unstable's python3-shapely 2.2 lost its version ("0+unknown"): it is the distribution's, taken as it is.
    monkeypatch.setattr(dependencies, "installed_version", lambda name: "0+unknown" if name == "shapely" else real(name))
    assert dependencies.missing() == []
    assert not any(line.startswith("shapely==") for line in dependencies.shipped_constraints())


def test_constraints_pin_what_qgis_ships_to_the_installed_versions():
    constraints = dependencies.shipped_constraints()
    assert f"numpy=={version('numpy')}" in constraints
    assert f"GDAL=={version('GDAL')}" in constraints
    assert f"requests=={version('requests')}" in constraints
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==\S+", line) for line in constraints)


# -- installing


def test_install_runs_pip_pinned_into_the_user_site_and_reports_its_steps(fake_pip):
    recorded = fake_pip(PIP_INSTALLS_SHAPELY)
    progress = RecordingProgress()
    assert dependencies.install(["shapely", "keyring"], progress) == ["shapely>=2.0", "keyring>=23"]

    args = recorded()["args"]
    assert args[:4] == ["-m", "pip", "install", "--user"]
    assert args[args.index("--upgrade-strategy") + 1] == "only-if-needed"
    assert args[-2:] == ["shapely>=2.0", "keyring>=23"]
    constraints_file = args[args.index("--constraint") + 1]
    assert not os.path.exists(constraints_file)  # a temporary file, removed afterwards
    assert f"numpy=={version('numpy')}" in recorded()["constraints"]
    assert recorded()["constraints"] == dependencies.shipped_constraints()

    messages = [message for _, message in progress.reports]
    assert messages == ["Installing shapely, keyring", "Collecting shapely",
                        "Downloading shapely-2.0.6-cp39-cp39-win_amd64.whl", "Collecting keyring",
                        "Installing shapely, keyring", "Installed shapely, keyring"]
    fractions = [fraction for fraction, _ in progress.reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    # the user site pip created is importable at once, where Python puts it at start-up
    assert fake_pip.user_site in sys.path
    site_packages = [i for i, p in enumerate(sys.path) if os.path.basename(p) in ("site-packages", "dist-packages")]
    assert sys.path.index(fake_pip.user_site) < min(i for i in site_packages if sys.path[i] != fake_pip.user_site)


def test_pip_missing_from_qgis_python_is_said_in_words(fake_pip):
    fake_pip(NO_PIP, exit_code=1)
    with pytest.raises(MissingDependency) as raised:
        dependencies.install(["shapely"], RecordingProgress())
    assert str(raised.value) == ("The Python of QGIS has no pip, so shapely cannot be installed from here: install "
                                 "them with the QGIS installer or your system's package manager.")
    assert "No module named pip" in raised.value.details
    assert fake_pip.user_site not in sys.path


def test_unreachable_package_index_is_said_in_words(fake_pip):
    fake_pip(PIP_OFFLINE, exit_code=1)
    with pytest.raises(MissingDependency) as raised:
        dependencies.install(["shapely"], RecordingProgress())
    assert str(raised.value) == ("The Python package index could not be reached to install shapely: check the network "
                                 "connection (and the proxy, if you use one), then try again.")
    assert "No matching distribution found" in raised.value.details


def test_a_python_managed_by_the_distribution_sends_to_its_package_manager(fake_pip):
    fake_pip(PIP_REFUSED_BY_DEBIAN, exit_code=1)
    with pytest.raises(MissingDependency) as raised:
        dependencies.install(["shapely"], RecordingProgress())
    assert str(raised.value) == ("The Python of QGIS is managed by your Linux distribution, so shapely cannot be "
                                 "installed with pip: install them with its package manager (on Debian and Ubuntu: "
                                 "apt install python3-<name>).")


def test_another_pip_failure_points_to_the_log(fake_pip):
    fake_pip(PIP_BUILD_FAILS, exit_code=1)
    with pytest.raises(MissingDependency, match="Installing shapely failed; see the EO Connector log.") as raised:
        dependencies.install(["shapely"], RecordingProgress())
    assert "Failed building wheel" in raised.value.details
