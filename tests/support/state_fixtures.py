"""Fixtures: a clean plugin state for tests that use the saved settings or the shared services.

- `clean_state`: no saved connections, form values or layers from another test (QGIS settings and project emptied
  before and after).
- `project`: QGIS's project, emptied of layers and groups after the test.
- `fresh_services`: the plugin's services (connections, job manager) as in a new QGIS session, with the job list
  and default output folder in the test's temporary folder; emptied again after the test.
"""

import pytest
from qgis.core import QgsProject, QgsSettings

from eo_connector.qgis_glue import services, settings


@pytest.fixture
def clean_state(qgis_app):
    QgsSettings().remove(settings.PREFIX.rstrip("/"))
    yield
    QgsSettings().remove(settings.PREFIX.rstrip("/"))
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


@pytest.fixture
def project(qgis_app):
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


@pytest.fixture
def fresh_services(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "jobs_file", lambda: str(tmp_path / "jobs.json"))
    monkeypatch.setattr(settings, "default_output_root", lambda: str(tmp_path / "results"))
    services.reset()
    settings.save_connections([])
    yield
    services.reset()
    settings.save_connections([])
    QgsProject.instance().clear()


@pytest.fixture(autouse=True, scope="session")
def _pytest_qgis_teardown_guard(qgis_app):
    """pytest-qgis disconnects `legendLayersAdded` from processEvents when the session ends, and fails with "not
    connected" when something lost that connection on the way (seen with some orders of test files): make sure
    exactly one connection is there for it to remove."""
    yield
    signal = QgsProject.instance().legendLayersAdded
    try:
        signal.disconnect(qgis_app.processEvents)
    except TypeError:
        pass
    signal.connect(qgis_app.processEvents)
