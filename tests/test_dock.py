"""The dock, driven as a user drives it: add a connection, pick the AOI, fill the scenario form, Run, follow the
job, cancel one, read a failure. Real Connections / JobManager against the local BrightEarth emulator."""

import json

import pytest
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from eo_connector.core.job_store import JobStore
from eo_connector.core.models import Connection, JobRecord, JobState
from eo_connector.gui.dock import EOConnectorDock
from eo_connector.gui.widgets.aoi_panel import SOURCE_ACTIVE, SOURCE_CANVAS, SOURCE_LAYER
from eo_connector.gui.widgets.ui import busy_tasks
from eo_connector.providers import brightearth
from eo_connector.qgis_glue import settings
from eo_connector.qgis_glue.connections import Connections
from tests.emulators.beod import DEMO_EMAIL, DEMO_PASSWORD

# A small area around LuxCarta's office (the tutorial's AOI), about 0.5 km².
AOI_WKT = ("POLYGON((6.9526851 43.6127385, 6.9494318 43.6123796, 6.9465658 43.6113701, 6.9506092 43.6056269, "
           "6.9558764 43.6056493, 6.9575960 43.6079826, 6.9587734 43.6099231, 6.9585565 43.6117963, "
           "6.9526851 43.6127385))")
WAIT_MS = 20000


@pytest.fixture
def make_dock(make_dock, tmp_path):
    """The shared dock factory, with the scenario results written under the test's folder."""
    def make(*args, **kwargs):
        dock = make_dock(*args, **kwargs)
        dock.platform_panel("brightearth").outputFolderWidget.setFilePath(str(tmp_path / "results"))
        return dock

    return make


@pytest.fixture
def dock(make_dock):
    return make_dock()


def add_connection(qtbot, dock, url, password, name="BrightEarth test"):
    """Click +, fill the dialog, press OK; returns the dialog (still open when the sign-in failed)."""
    panel = dock.connections_panel
    qtbot.mouseClick(panel.addButton, Qt.MouseButton.LeftButton)
    dialog = panel.connection_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.form.widget("url").text() == brightearth.DEFAULT_URL  # prefilled for the platform
    dialog.nameEdit.setText(name)
    dialog.form.widget("url").setText(url)
    dialog.form.widget("username").setText(DEMO_EMAIL)
    dialog.form.widget("password").setText(password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: busy_tasks(dialog) == 0, timeout=WAIT_MS)
    return dialog


def signed_in(qtbot, dock, emulator):
    add_connection(qtbot, dock, emulator.url, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: "credits" in dock.connections_panel.statusLabel.text(), timeout=WAIT_MS)


def polygon_layer(wkt=AOI_WKT, name="Office area", geometry_type="Polygon"):
    layer = QgsVectorLayer(f"{geometry_type}?crs=EPSG:4326", name, "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    return layer


def use_active_layer(qtbot, dock, iface, layer):
    iface.setActiveLayer(layer)
    panel = dock.aoi_panel
    panel.sourceCombo.setCurrentIndex(panel.sourceCombo.findData(SOURCE_ACTIVE))
    qtbot.mouseClick(panel.useButton, Qt.MouseButton.LeftButton)


def fill_form(dock, name):
    form = dock.platform_panel("brightearth")
    if form.newProjectRadio.isChecked():
        form.projectNameEdit.setText(name + " project")
    form.scenarioNameEdit.setText(name)
    return form


def run(qtbot, dock, name):
    form = fill_form(dock, name)
    assert form.runButton.isEnabled()
    qtbot.mouseClick(form.runButton, Qt.MouseButton.LeftButton)
    jobs = dock.jobs.jobs()
    assert jobs, form.messageLabel.text()
    return jobs[0]


def group_layer_names(name):
    group = QgsProject.instance().layerTreeRoot().findGroup(name)
    assert group is not None, f"no layer group named {name}"
    return [node.layer().name() for node in group.findLayers()]


def test_dialog_shows_wrong_password_then_signs_in_with_credits(qtbot, dock, beod_emulator):
    panel = dock.connections_panel
    assert "No connection" in panel.statusLabel.text()
    assert not dock.platform_panel("brightearth").runButton.isEnabled()

    dialog = add_connection(qtbot, dock, beod_emulator.url, "wrong horse")
    assert dialog.isVisible()
    assert "wrong e-mail or password" in dialog.messageLabel.text()
    assert dock.connections.all() == []

    dialog.form.widget("password").setText(DEMO_PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.connection_dialog is None, timeout=WAIT_MS)
    assert [c.name for c in dock.connections.all()] == ["BrightEarth test"]
    assert panel.statusLabel.text() == f"Signed in as {DEMO_EMAIL} — 1,000 credits"
    assert "1,000" in dock.platform_panel("brightearth").creditsLabel.text()
    assert not panel.signInWidget.isVisibleTo(panel)
    # The password went to the server's sign-in only: not into the saved settings.
    assert DEMO_PASSWORD not in json.dumps(settings.get("connections", ""))


def test_test_button_and_sign_in_prompt(qtbot, make_dock, beod_emulator):
    connections = Connections()
    connections.add(Connection(brightearth.PLATFORM, "Saved", beod_emulator.url, DEMO_EMAIL))
    dock = make_dock(connections)  # no network while building: the status only says what is known locally
    panel = dock.connections_panel
    assert "Not signed in" in panel.statusLabel.text()
    assert panel.signInWidget.isVisibleTo(panel)

    panel.passwordEdit.setText("wrong horse")
    qtbot.mouseClick(panel.signInButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.checking, timeout=WAIT_MS)
    assert "wrong e-mail or password" in panel.statusLabel.text()
    assert panel.signInWidget.isVisibleTo(panel)

    panel.passwordEdit.setText(DEMO_PASSWORD)
    qtbot.mouseClick(panel.signInButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.checking, timeout=WAIT_MS)
    assert panel.statusLabel.text() == f"Signed in as {DEMO_EMAIL} — 1,000 credits"
    assert not panel.signInWidget.isVisibleTo(panel)

    beod_emulator.set_credits(250)
    qtbot.mouseClick(panel.testButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "250 credits" in panel.statusLabel.text(), timeout=WAIT_MS)


def test_remove_connection_asks_first(qtbot, dock, beod_emulator):
    signed_in(qtbot, dock, beod_emulator)
    panel = dock.connections_panel
    questions = []
    panel.confirm = lambda title, text: questions.append(text) or False
    qtbot.mouseClick(panel.removeButton, Qt.MouseButton.LeftButton)
    assert len(dock.connections.all()) == 1 and "BrightEarth test" in questions[0]

    panel.confirm = lambda title, text: True
    qtbot.mouseClick(panel.removeButton, Qt.MouseButton.LeftButton)
    assert dock.connections.all() == []
    assert panel.connectionCombo.count() == 0
    assert not dock.platform_panel("brightearth").runButton.isEnabled()


def test_connections_added_and_removed_from_the_console_show_in_the_dock(qtbot, make_dock, beod_emulator):
    from eo_connector import api
    from eo_connector.qgis_glue import services

    dock = make_dock(services.connections())  # the plugin's dock and the console share one list
    panel = dock.connections_panel
    assert panel.connectionCombo.count() == 0
    api.add_connection("brightearth", "From the console", url=beod_emulator.url, username=DEMO_EMAIL,
                       credentials={"password": DEMO_PASSWORD})
    qtbot.waitUntil(lambda: panel.connectionCombo.count() == 1, timeout=WAIT_MS)
    assert panel.current_connection().name == "From the console"
    assert panel.statusLabel.text().startswith(f"Signed in as {DEMO_EMAIL}")  # the console's sign-in holds
    assert not panel.signInWidget.isVisibleTo(panel)
    api.remove_connection("From the console")
    qtbot.waitUntil(lambda: panel.connectionCombo.count() == 0, timeout=WAIT_MS)
    assert panel.current_connection() is None and not dock.platform_panel("brightearth").runButton.isEnabled()


def test_aoi_from_layers_and_canvas(qtbot, dock, qgis_iface, request):
    panel = dock.aoi_panel
    qgis_iface._active_layer_id = None  # the stub interface has no public way to clear it
    qtbot.mouseClick(panel.useButton, Qt.MouseButton.LeftButton)
    assert panel.aoi is None and "No active layer" in panel.summaryLabel.text()
    use_active_layer(qtbot, dock, qgis_iface, polygon_layer("POINT(6.95 43.61)", "Wells", "Point"))
    assert panel.aoi is None and "needs polygons" in panel.summaryLabel.text()
    assert panel.rubber_band is None

    layer = polygon_layer()
    use_active_layer(qtbot, dock, qgis_iface, layer)
    assert panel.aoi is not None
    assert 0.3 < panel.aoi.area_km2 < 0.8
    summary = panel.summaryLabel.text()
    assert f"{panel.aoi.area_km2:,.3f} km²" in summary and "8 vertices" in summary and "EPSG:4326" in summary
    assert panel.rubber_band is not None and panel.rubber_band.numberOfVertices() > 0
    first_band = panel.rubber_band

    panel.sourceCombo.setCurrentIndex(panel.sourceCombo.findData(SOURCE_LAYER))
    panel.layerCombo.setLayer(layer)
    qtbot.mouseClick(panel.useButton, Qt.MouseButton.LeftButton)
    assert panel.aoi is not None and panel.rubber_band is not first_band  # the old outline was removed
    assert first_band.scene() is None

    canvas = qgis_iface.mapCanvas()
    request.addfinalizer(lambda crs=canvas.mapSettings().destinationCrs(): canvas.setDestinationCrs(crs))
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem())
    panel.sourceCombo.setCurrentIndex(panel.sourceCombo.findData(SOURCE_CANVAS))
    qtbot.mouseClick(panel.useButton, Qt.MouseButton.LeftButton)
    assert panel.aoi is None and "no coordinate reference system" in panel.summaryLabel.text()
    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    canvas.setDestinationCrs(mercator)
    canvas.setExtent(QgsRectangle(773000, 5405000, 775000, 5407000))
    qtbot.mouseClick(panel.useButton, Qt.MouseButton.LeftButton)
    assert panel.aoi is not None and "map canvas extent" in panel.summaryLabel.text()
    assert "EPSG:3857" in panel.summaryLabel.text() and panel.rubber_band is not None

    dock.close()
    assert panel.rubber_band is None


def test_run_scenario_loads_layers_and_spends_credits(qtbot, dock, qgis_iface, beod_emulator, tmp_path):
    signed_in(qtbot, dock, beod_emulator)
    form = dock.platform_panel("brightearth")
    assert not form.runButton.isEnabled()  # no AOI yet
    use_active_layer(qtbot, dock, qgis_iface, polygon_layer())
    assert form.runButton.isEnabled()

    form.outputCrsCombo.setCurrentIndex(form.outputCrsCombo.findData(4326))
    form.format_checks["shapefile"].setChecked(False)
    form.dlModelsEdit.setText("buildings-v2, roads-v3")
    record = run(qtbot, dock, "Antibes office")
    assert "started" in form.messageLabel.text()
    assert "area is 0.5" in form.costLabel.text()  # the price is not published: what is known is said
    assert dock.jobs_panel.selected_job_id() == record.id
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state in JobState.FINISHED, timeout=WAIT_MS)
    record = dock.jobs.get(record.id)
    assert record.state == JobState.SUCCEEDED, record.error

    names = group_layer_names("Antibes office")
    assert any(n.startswith("building") for n in names) and any(n.startswith("road") for n in names)
    sent = beod_emulator.scenario(record.remote["scenario_id"])["body"]
    assert sent["output_crs"] == 4326 and sent["vector_formats"] == "geopackage"
    assert sent["dl_models"] == ["buildings-v2", "roads-v3"]
    assert beod_emulator.project(record.remote["project_id"])["name"] == "Antibes office project"

    left = beod_emulator.credits()
    assert left < 1000
    status = dock.connections_panel.statusLabel.text()
    assert status == f"Signed in as {DEMO_EMAIL} — {left:,} credits"
    item = dock.jobs_panel.items[record.id]
    assert item.text(1) == "Done" and dock.jobs_panel.bars[record.id].value() == 100
    details = dock.jobs_panel.detailsLabel.text()
    assert "1,000 before" in details and f"{left:,} after" in details
    assert dock.jobs_panel.openFolderButton.isEnabled()
    opened = []
    dock.jobs_panel.open_url = opened.append
    qtbot.mouseClick(dock.jobs_panel.openFolderButton, Qt.MouseButton.LeftButton)
    assert opened[0].toLocalFile() == record.output_dir

    # The form's choices are remembered for the next session.
    again = EOConnectorDock(qgis_iface, dock.connections, dock.jobs)
    qtbot.addWidget(again)
    assert again.platform_panel("brightearth").outputCrsCombo.currentData() == 4326
    assert not again.platform_panel("brightearth").format_checks["shapefile"].isChecked()
    assert again.platform_panel("brightearth").dlModelsEdit.text() == "buildings-v2, roads-v3"
    assert again.platform_panel("brightearth").outputFolderWidget.filePath() == str(tmp_path / "results")


def test_existing_project_is_listed_and_used(qtbot, dock, qgis_iface, beod_emulator):
    signed_in(qtbot, dock, beod_emulator)
    form = dock.platform_panel("brightearth")
    client = dock.connections.client(dock.connections.all()[0])
    project_id = client.create_project("Earlier project")
    form.existingProjectRadio.setChecked(True)  # lists the projects in the background
    qtbot.waitUntil(lambda: form.projectCombo.count() == 1, timeout=WAIT_MS)
    assert form.projectCombo.currentText() == f"Earlier project (#{project_id})"
    use_active_layer(qtbot, dock, qgis_iface, polygon_layer())
    record = run(qtbot, dock, "In earlier project")
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state in JobState.FINISHED, timeout=WAIT_MS)
    assert dock.jobs.get(record.id).remote["project_id"] == project_id


def test_cancel_a_running_job_then_follow_it_again(qtbot, make_dock, qgis_iface, beod_emulator_factory):
    emulator = beod_emulator_factory(run_seconds=60)
    dock = make_dock()
    signed_in(qtbot, dock, emulator)
    use_active_layer(qtbot, dock, qgis_iface, polygon_layer())
    record = run(qtbot, dock, "Long one")
    qtbot.waitUntil(lambda: "activity_id" in dock.jobs.get(record.id).remote, timeout=WAIT_MS)
    panel = dock.jobs_panel
    assert panel.cancelButton.isEnabled() and not panel.followButton.isEnabled()
    questions = []
    panel.confirm = lambda title, text: questions.append(text) or True
    qtbot.mouseClick(panel.cancelButton, Qt.MouseButton.LeftButton)
    assert "keeps running on the BrightEarth server" in questions[0]  # a costly job: asked first, in words
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state == JobState.CANCELLED, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.items[record.id].text(1) == "Cancelled", timeout=WAIT_MS)
    assert panel.followButton.isEnabled() and not panel.cancelButton.isEnabled()

    emulator.advance(120)  # the server finishes meanwhile; following again picks up the same scenario
    qtbot.mouseClick(panel.followButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state in JobState.FINISHED, timeout=WAIT_MS)
    assert dock.jobs.get(record.id).state == JobState.SUCCEEDED
    assert group_layer_names("Long one")


def test_failed_scenario_shows_the_server_details(qtbot, dock, qgis_iface, beod_emulator):
    signed_in(qtbot, dock, beod_emulator)
    use_active_layer(qtbot, dock, qgis_iface, polygon_layer())
    record = run(qtbot, dock, "This will fail")
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state in JobState.FINISHED, timeout=WAIT_MS)
    panel = dock.jobs_panel
    qtbot.waitUntil(lambda: panel.items[record.id].text(1) == "Failed", timeout=WAIT_MS)
    assert "no usable imagery" in panel.items[record.id].toolTip(0)
    assert "The scenario failed on the BrightEarth server" in panel.detailsLabel.text()
    assert "no usable imagery" in panel.detailsLabel.text()
    assert panel.followButton.isEnabled()
    bar = qgis_iface.messageBar()
    assert any("no usable imagery" in m for m in bar.get_messages(Qgis.MessageLevel.Critical))

    questions = []
    panel.confirm = lambda title, text: questions.append(text) or True
    qtbot.mouseClick(panel.removeButton, Qt.MouseButton.LeftButton)
    assert questions and record.id not in panel.items and dock.jobs.jobs() == []


def test_bad_input_is_refused_in_words(qtbot, dock, qgis_iface, beod_emulator):
    signed_in(qtbot, dock, beod_emulator)
    use_active_layer(qtbot, dock, qgis_iface, polygon_layer())
    form = fill_form(dock, "")
    qtbot.mouseClick(form.runButton, Qt.MouseButton.LeftButton)
    assert "Give the scenario a name" in form.messageLabel.text()
    form.scenarioNameEdit.setText("No formats")
    for check in form.format_checks.values():
        check.setChecked(False)
    qtbot.mouseClick(form.runButton, Qt.MouseButton.LeftButton)
    assert "at least one output format" in form.messageLabel.text()
    assert dock.jobs.jobs() == []


def test_interrupted_jobs_are_listed_and_can_be_followed(qtbot, make_dock, tmp_path):
    store_path = tmp_path / "old_jobs.json"
    old = JobRecord(platform=brightearth.PLATFORM, kind="scenario", title="From yesterday",
                    state=JobState.RUNNING, progress=0.4, message="BrightEarth: RUNNING 40%")
    JobStore(str(store_path)).save(old)  # as QGIS left it when it closed
    dock = make_dock(store_path=store_path)
    panel = dock.jobs_panel
    item = panel.items[old.id]
    assert item.text(0) == "From yesterday" and item.text(1) == "Interrupted"
    assert panel.bars[old.id].value() == 40
    panel.select_job(old.id)
    assert panel.followButton.isEnabled() and not panel.cancelButton.isEnabled()
    assert "Follow again" in panel.detailsLabel.text()
