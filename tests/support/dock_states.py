"""The dock in the states a user meets it, reached by clicking as a user does against the local emulators: empty,
signed in, form filled, job running, job done (BrightEarth), then a catalogue search's form, results listed, a
result selected and a download done (Terrascope). Used by the layout test (tests/test_dock_layout.py) and by
`make screenshots` (tests/screenshots.py); each state is yielded as (name, tab to look at)."""

import os
import time

from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QItemSelectionModel
from qgis.PyQt.QtWidgets import QApplication

from eo_connector.core.models import JobState
from eo_connector.gui.dock import AREA_TAB, JOBS_TAB, PLATFORM_TAB, RESULTS_TAB
from eo_connector.gui.widgets.aoi_panel import SOURCE_LAYER
from eo_connector.gui.widgets.ui import busy_tasks
from eo_connector.providers.terrascope.platform import CUSTOM, PASSWORD
from tests.emulators.beod import DEMO_EMAIL, DEMO_PASSWORD
from tests.emulators.terrascope import DEMO_PASSWORD as TS_PASSWORD
from tests.emulators.terrascope import DEMO_USER as TS_USER
from tests.emulators.terrascope import S2_TOC

SAMPLE_AOI = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "sample_aoi.gpkg")
# A small area around LuxCarta's office (the tutorial's AOI), about 0.5 km².
OFFICE_WKT = ("POLYGON((6.9526851 43.6127385, 6.9494318 43.6123796, 6.9465658 43.6113701, 6.9506092 43.6056269, "
              "6.9558764 43.6056493, 6.9575960 43.6079826, 6.9587734 43.6099231, 6.9585565 43.6117963, "
              "6.9526851 43.6127385))")


def wait_until(condition, timeout: float = 20.0, what: str = ""):
    """Let Qt work until `condition()` holds (the GUI keeps running meanwhile)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def add_connection(dock, platform_id: str, name: str, values: dict):
    """+ in the connection row, the dialog filled, OK; returns once it is saved and signed in."""
    panel = dock.connections_panel
    panel.addButton.click()
    dialog = panel.connection_dialog
    dialog.nameEdit.setText(name)
    dialog.set_platform(platform_id)
    dialog.set_values(values)
    dialog.ok_button.click()
    wait_until(lambda: panel.connection_dialog is None, what=f"the sign-in of {name}: {dialog.messageLabel.text()}")


def use_layer(dock, layer):
    QgsProject.instance().addMapLayer(layer)
    panel = dock.aoi_panel
    panel.sourceCombo.setCurrentIndex(panel.sourceCombo.findData(SOURCE_LAYER))
    panel.layerCombo.setLayer(layer)
    panel.useButton.click()


def office_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "Office area", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(OFFICE_WKT))
    layer.dataProvider().addFeatures([feature])
    return layer


def scenario_states(dock, emulator, output_dir: str):
    """BrightEarth: the emulator must run scenarios slowly (run_seconds=60): the job is seen running."""
    yield "01_empty", AREA_TAB
    add_connection(dock, "brightearth", "BrightEarth",
                   {"url": emulator.url, "username": DEMO_EMAIL, "password": DEMO_PASSWORD})
    wait_until(lambda: "credits" in dock.connections_panel.statusLabel.text(), what="the credits")
    yield "02_signed_in", PLATFORM_TAB
    use_layer(dock, office_layer())
    yield "03_area", AREA_TAB
    form = dock.platform_panel("brightearth")
    form.outputFolderWidget.setFilePath(str(output_dir))
    form.projectNameEdit.setText("Antibes office")
    form.scenarioNameEdit.setText("Antibes office buildings")
    yield "04_form_filled", PLATFORM_TAB
    form.runButton.click()
    record = dock.jobs.jobs()[0]
    wait_until(lambda: "activity_id" in dock.jobs.get(record.id).remote, what="the scenario to start")
    wait_until(lambda: dock.jobs.get(record.id).remote.get("state") == "RUNNING", what="the scenario to run")
    yield "05_job_running", JOBS_TAB
    emulator.advance(120)
    wait_until(lambda: dock.jobs.get(record.id).state in JobState.FINISHED, what="the scenario to end")
    yield "06_job_done", JOBS_TAB


def catalogue_states(dock, emulator, ini: str, output_dir: str):
    """Terrascope: its emulator's catalogue through a terracatalogueclient .ini file."""
    add_connection(dock, "terrascope", "Terrascope", {"environment": CUSTOM, "config_file": ini,
                                                      "sign_in_method": PASSWORD, "username": TS_USER,
                                                      "password": TS_PASSWORD, "redirect_port": 0})
    form = dock.platform_panel("terrascope")
    wait_until(lambda: form.collectionCombo.count() > 0, what="the collections")
    form.set_collection(S2_TOC)
    use_layer(dock, QgsVectorLayer(SAMPLE_AOI, "Districts", "ogr"))
    form.startDateEdit.setDate(QDate(2019, 1, 1))
    form.endDateEdit.setDate(QDate(2021, 12, 31))
    form.cloudMaxSpin.setValue(60)
    yield "07_catalogue_form", PLATFORM_TAB
    form.searchButton.click()
    wait_until(lambda: not form.runner.is_running(), what="the search")
    browser = form.browser
    wait_until(lambda: browser.busy() == 0, what="the quicklooks")
    yield "08_results_listed", RESULTS_TAB
    index = browser.proxy.index(1, 0)
    browser.resultsView.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    wait_until(lambda: browser.busy() == 0, what="the quicklook")
    yield "09_result_selected", RESULTS_TAB
    form.downloadButton.click()
    dialog = form.download_dialog
    dialog.outputFolderWidget.setFilePath(str(output_dir))
    dialog.ok_button.click()
    wait_until(lambda: not dock.jobs.tasks, what="the download")
    yield "10_download_done", JOBS_TAB


def settle(dock):
    """Background calls of the dock's widgets finished (listing, quicklooks)."""
    wait_until(lambda: busy_tasks(dock.connections_panel) == 0, what="the connection checks")
