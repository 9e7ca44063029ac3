"""`make package` builds the zip QGIS installs (Plugins > Install from ZIP): one folder eo_connector/ with metadata,
code, resources and compiled translations, which loads from where QGIS unpacks it."""

import configparser
import os
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_zip_installs_and_loads(tmp_path, qgis_app):  # qgis_app: the zip is loaded as QGIS would
    subprocess.run(["make", "-s", "package"], cwd=ROOT, check=True, capture_output=True, timeout=300)
    parser = configparser.ConfigParser()
    parser.read(os.path.join(ROOT, "metadata.txt"))
    path = os.path.join(ROOT, "dist", f"eo_connector-{parser['general']['version']}.zip")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert {name.split("/")[0] for name in names} == {"eo_connector"}
        for required in ("eo_connector/metadata.txt", "eo_connector/__init__.py", "eo_connector/plugin.py",
                         "eo_connector/resources/ui/dock.ui", "eo_connector/resources/styles/building.qml",
                         "eo_connector/resources/icons/eo_connector.svg", "eo_connector/i18n/eo_connector_fr.qm"):
            assert required in names, required
        assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc") or "/tests/" in n]
        archive.extractall(tmp_path)
    code = ("import sys; sys.path.insert(0, sys.argv[1])\n"
            "import eo_connector, eo_connector.plugin\n"
            "from eo_connector.qgis_glue.resources import resource_path, i18n_path\n"
            "import os\n"
            "assert eo_connector.__file__.startswith(sys.argv[1])\n"
            "assert os.path.exists(resource_path('ui', 'dock.ui'))\n"
            "assert os.path.exists(i18n_path('eo_connector_fr.qm'))\n")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
