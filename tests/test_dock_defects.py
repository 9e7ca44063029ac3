"""Issue 8, defects 3 to 6, 8 to 10, each as the user met it (tests written to fail on the dock before the fix):
cancel and remove say what they stop; cost and size are checked before Run; a refused search keeps the results
shown; the progress words agree with the bar; footprints survive the project and leave with their connection;
choices come back after a restart; the minor ones (message bar, dialog size, whole-catalogue search)."""

import json

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QDate, Qt

from eo_connector.core.models import JobState
from eo_connector.gui.dock import JOBS_TAB, PLATFORM_TAB, EOConnectorDock
from eo_connector.gui.widgets.aoi_panel import SOURCE_CANVAS
from eo_connector.qgis_glue import jobs as jobs_module
from eo_connector.qgis_glue.footprints import is_footprints_layer
from tests.emulators.terrascope import S2_TOC
from tests.support.dock_states import add_connection, office_layer, use_layer
from tests.test_dock import signed_in
from tests.test_terrascope_dock import aoi_from_sample_layer, search, set_dates
from tests.test_terrascope_dock import signed_in as catalogue_signed_in

WAIT_MS = 20000


def scenario_form(dock, tmp_path, name="Harbour"):
    form = dock.platform_panel("brightearth")
    form.outputFolderWidget.setFilePath(str(tmp_path / "results"))
    form.scenarioNameEdit.setText(name)
    dock.tabs.setCurrentIndex(PLATFORM_TAB)
    return form


# -- 3. Cancel and remove say what they do ---------------------------------------------------------------------------
def test_cancel_before_the_server_started_says_no_credit_was_spent(qtbot, make_dock, beod_emulator, tmp_path):
    dock = make_dock()
    signed_in(qtbot, dock, beod_emulator)
    use_layer(dock, office_layer())
    form = scenario_form(dock, tmp_path)
    beod_emulator.faults.latency(0.3)  # the first calls take a while: Cancel comes before the scenario starts
    form.runButton.click()
    [record] = dock.jobs.jobs()
    dock.tabs.setCurrentIndex(JOBS_TAB)
    panel = dock.jobs_panel
    questions = []
    panel.confirm = lambda title, text: questions.append(text) or True
    assert "no credit is spent" in panel.cancelButton.toolTip()  # what Cancel stops, before pressing it
    qtbot.mouseClick(panel.cancelButton, Qt.MouseButton.LeftButton)
    assert questions and "Nothing has been started on the server yet" in questions[0]
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state == JobState.CANCELLED, timeout=WAIT_MS)
    record = dock.jobs.get(record.id)
    assert "scenario_id" not in record.remote and beod_emulator.credits() == 1000
    assert record.message == "Cancelled before the scenario started: no credit was spent."
    assert "partial files" not in panel.detailsLabel.text()


def test_cancel_of_a_started_scenario_asks_and_follow_again_pays_once(qtbot, make_dock, beod_emulator_factory,
                                                                     tmp_path):
    emulator = beod_emulator_factory(run_seconds=60)
    dock = make_dock()
    signed_in(qtbot, dock, emulator)
    use_layer(dock, office_layer())
    scenario_form(dock, tmp_path).runButton.click()
    [record] = dock.jobs.jobs()
    qtbot.waitUntil(lambda: "activity_id" in dock.jobs.get(record.id).remote, timeout=WAIT_MS)
    panel = dock.jobs_panel
    panel.confirm = lambda title, text: False  # the user reads the note and keeps the job
    qtbot.mouseClick(panel.cancelButton, Qt.MouseButton.LeftButton)
    assert dock.jobs.is_running(record.id)
    questions = []
    panel.confirm = lambda title, text: questions.append(text) or True
    qtbot.mouseClick(panel.cancelButton, Qt.MouseButton.LeftButton)
    assert "keeps running on the BrightEarth server and its credits are spent" in questions[0]
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state == JobState.CANCELLED, timeout=WAIT_MS)
    assert "goes on on the server" in dock.jobs.get(record.id).message
    spent = 1000 - emulator.credits()
    emulator.advance(120)
    qtbot.mouseClick(panel.followButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state == JobState.SUCCEEDED, timeout=WAIT_MS)
    assert 1000 - emulator.credits() == spent  # following again did not start (and pay for) another scenario


def test_removing_a_connection_while_its_job_runs_warns_then_stops_it(qtbot, make_dock, beod_emulator_factory,
                                                                       tmp_path):
    emulator = beod_emulator_factory(run_seconds=60)
    dock = make_dock()
    signed_in(qtbot, dock, emulator)
    use_layer(dock, office_layer())
    scenario_form(dock, tmp_path, "Going away").runButton.click()
    [record] = dock.jobs.jobs()
    qtbot.waitUntil(lambda: "activity_id" in dock.jobs.get(record.id).remote, timeout=WAIT_MS)
    panel = dock.connections_panel
    questions = []
    panel.confirm = lambda title, text: questions.append(text) or True
    qtbot.mouseClick(panel.removeButton, Qt.MouseButton.LeftButton)
    assert "The job Going away is running with it" in questions[0]
    assert "keeps running on the BrightEarth server" in questions[0]
    qtbot.waitUntil(lambda: not dock.jobs.tasks, timeout=WAIT_MS)
    assert dock.jobs.get(record.id).state == JobState.CANCELLED
    assert QgsProject.instance().layerTreeRoot().findGroup("Going away") is None  # nothing loaded afterwards


# -- 4. Size and cost before Run -------------------------------------------------------------------------------------
def test_an_aoi_over_the_platforms_limit_is_refused_before_run(qtbot, make_dock, qgis_iface, beod_emulator, tmp_path,
                                                               request):
    dock = make_dock()
    signed_in(qtbot, dock, beod_emulator)
    canvas = qgis_iface.mapCanvas()
    request.addfinalizer(lambda crs=canvas.mapSettings().destinationCrs(): canvas.setDestinationCrs(crs))
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(-10, 35, 30, 60))  # a map extent of millions of km²
    aoi = dock.aoi_panel
    aoi.sourceCombo.setCurrentIndex(aoi.sourceCombo.findData(SOURCE_CANVAS))
    aoi.useButton.click()
    assert aoi.aoi is not None and aoi.aoi.area_km2 > 1_000_000
    form = scenario_form(dock, tmp_path)
    assert not form.runButton.isEnabled()
    assert "accepts at most 500 km²" in form.costLabel.text() and "accepts at most 500" in form.runButton.toolTip()
    assert "500 km²" in aoi.summaryLabel.text()  # also said where the area is chosen
    qtbot.mouseClick(form.runButton, Qt.MouseButton.LeftButton)
    assert dock.jobs.jobs() == []


def test_no_credits_left_is_refused_and_the_cost_is_said(qtbot, make_dock, beod_emulator, tmp_path):
    dock = make_dock()
    beod_emulator.set_credits(0)
    signed_in_without_credits = add_connection
    signed_in_without_credits(dock, "brightearth", "Empty account", {"url": beod_emulator.url,
                                                                     "username": "analyst@example.com",
                                                                     "password": "correct horse"})
    use_layer(dock, office_layer())
    form = scenario_form(dock, tmp_path)
    qtbot.waitUntil(lambda: "0 credits" in dock.connections_panel.statusLabel.text(), timeout=WAIT_MS)
    assert not form.runButton.isEnabled() and "no credits left" in form.costLabel.text()
    beod_emulator.set_credits(1000)
    qtbot.mouseClick(dock.connections_panel.testButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.runButton.isEnabled(), timeout=WAIT_MS)
    assert "charged by area" in form.costLabel.text() and "km²" in form.costLabel.text()


def test_the_started_line_gives_way_to_how_the_job_ended_and_the_next_cost_is_estimated(
        qtbot, make_dock, beod_emulator, tmp_path):
    dock = make_dock()
    signed_in(qtbot, dock, beod_emulator)
    use_layer(dock, office_layer())
    form = scenario_form(dock, tmp_path, "First")
    form.runButton.click()
    assert "started" in form.messageLabel.text()
    [record] = dock.jobs.jobs()
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state == JobState.SUCCEEDED, timeout=WAIT_MS)
    assert "started" not in form.messageLabel.text() and "First finished" in form.messageLabel.text()
    cost = beod_emulator.scenario(dock.jobs.get(record.id).remote["scenario_id"])["cost"]
    assert f"Your last scenario used {cost} credits" in form.costLabel.text()
    assert f"costs about {cost}" in form.costLabel.text()  # same area, same price


def test_a_refusal_by_the_server_replaces_the_started_line(qtbot, make_dock, beod_emulator_factory, tmp_path):
    emulator = beod_emulator_factory(max_aoi_km2=0.1)  # a server stricter than the platform says
    dock = make_dock()
    signed_in(qtbot, dock, emulator)
    use_layer(dock, office_layer())
    form = scenario_form(dock, tmp_path)
    form.runButton.click()
    [record] = dock.jobs.jobs()
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).state == JobState.FAILED, timeout=WAIT_MS)
    assert "started" not in form.messageLabel.text() and "failed" in form.messageLabel.text()
    assert "area of interest" in form.messageLabel.text()


# -- 5. A refused search keeps the results shown ---------------------------------------------------------------------
def test_a_refused_search_keeps_the_previous_results(qtbot, dock, terrascope_emulator_factory, tmp_path):
    emulator = terrascope_emulator_factory(products={S2_TOC: 30}, page_size=50)
    form = catalogue_signed_in(qtbot, dock, str(emulator.write_ini(tmp_path / "e.ini")))
    form.set_collection(S2_TOC)
    search(qtbot, form)
    shown = [item.id for item in form.browser.items()]
    assert len(shown) == 30 and form.browser.footprints_layer().featureCount() == 30
    form.extraEdit.setPlainText("colour=blue")
    search(qtbot, form)
    assert form.messageLabel.text().startswith("colour - ")
    assert [item.id for item in form.browser.items()] == shown  # still there, with their footprints
    assert form.browser.footprints_layer().featureCount() == 30


# -- 6. Progress words agree with the bar ----------------------------------------------------------------------------
def test_the_jobs_words_do_not_contradict_the_bar(qtbot, make_dock, beod_emulator_factory, tmp_path):
    emulator = beod_emulator_factory(run_seconds=60)
    dock = make_dock()
    signed_in(qtbot, dock, emulator)
    use_layer(dock, office_layer())
    scenario_form(dock, tmp_path).runButton.click()
    [record] = dock.jobs.jobs()
    qtbot.waitUntil(lambda: dock.jobs.get(record.id).remote.get("state") == "RUNNING", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "processing" in dock.jobs.get(record.id).message, timeout=WAIT_MS)
    message = dock.jobs.get(record.id).message
    assert "%" not in message and "RUNNING" not in message  # the bar alone gives the number
    assert message == "The BrightEarth server is processing the scenario"
    assert "processing the scenario" in dock.jobs_panel.items[record.id].toolTip(0)


# -- 8. Footprints survive the project and leave with their connection ----------------------------------------------
def test_footprints_are_saved_with_the_project_and_leave_with_their_connection(qtbot, dock, terrascope_emulator_factory,
                                                                               tmp_path):
    emulator = terrascope_emulator_factory(products={S2_TOC: 12}, page_size=50)
    form = catalogue_signed_in(qtbot, dock, str(emulator.write_ini(tmp_path / "e.ini")))
    form.set_collection(S2_TOC)
    search(qtbot, form)
    layer = form.browser.footprints_layer()
    assert layer.providerType() != "memory" and layer.source().split("|")[0].endswith(".gpkg")
    project = QgsProject.instance()
    path = str(tmp_path / "project.qgz")
    assert project.write(path)
    project.clear()
    assert project.read(path)
    [again] = [lay for lay in project.mapLayers().values() if is_footprints_layer(lay)]
    assert again.isValid() and again.featureCount() == 12  # not lost with the session (no memory layer)
    connection = dock.connections.all()[0]
    dock.connections_panel.confirm = lambda title, text: True
    dock.connections_panel.removeButton.click()
    assert dock.connections.find(connection.id) is None
    assert not [lay for lay in project.mapLayers().values() if is_footprints_layer(lay)]


# -- 9. Choices come back after a restart ----------------------------------------------------------------------------
def test_dates_filters_area_and_folder_come_back_after_a_restart(qtbot, dock, qgis_iface, terrascope_emulator_factory,
                                                                 tmp_path):
    emulator = terrascope_emulator_factory(products={S2_TOC: 12}, page_size=50)
    form = catalogue_signed_in(qtbot, dock, str(emulator.write_ini(tmp_path / "e.ini")))
    form.set_collection(S2_TOC)
    aoi = aoi_from_sample_layer(dock)
    set_dates(form, "2020-01-01", "2020-12-31")
    form.cloudMaxSpin.setValue(30)
    form.tileEdit.setText("31UFS")
    search(qtbot, form)
    dock.platform_panel("brightearth").outputFolderWidget.setFilePath(str(tmp_path / "mine"))  # kept when chosen

    again = EOConnectorDock(qgis_iface, dock.connections, dock.jobs)  # as after a restart of QGIS
    qtbot.addWidget(again)
    restored = again.platform_panel("terrascope")
    assert restored.startDateEdit.date() == QDate(2020, 1, 1) and restored.endDateEdit.date() == QDate(2020, 12, 31)
    assert restored.cloudMaxSpin.value() == 30 and restored.tileEdit.text() == "31UFS"
    assert again.aoi_panel.aoi is not None and abs(again.aoi_panel.aoi.area_km2 - aoi.area_km2) < 0.01
    assert again.aoi_panel.sourceCombo.currentData() == dock.aoi_panel.sourceCombo.currentData()
    assert again.platform_panel("brightearth").outputFolderWidget.filePath() == str(tmp_path / "mine")


# -- 10. The minor ones ----------------------------------------------------------------------------------------------
def test_a_long_failure_shows_its_first_sentence_in_the_message_bar(qtbot, monkeypatch, qgis_iface):
    bar = QgsMessageBar()
    monkeypatch.setattr(qgis_iface, "messageBar", lambda: bar, raising=False)
    long = ("The scenario failed on the BrightEarth server: no usable imagery over the area. " * 4).strip()
    jobs_module.message_bar_notify("Harbour", long, False)
    [item] = bar.items()
    assert item.text() == "The scenario failed on the BrightEarth server: no usable imagery over the area."


def test_search_without_an_area_asks_for_the_whole_catalogue(qtbot, dock, terrascope_emulator_factory, tmp_path):
    emulator = terrascope_emulator_factory(products={S2_TOC: 12}, page_size=50)
    form = catalogue_signed_in(qtbot, dock, str(emulator.write_ini(tmp_path / "e.ini")))
    form.set_collection(S2_TOC)
    assert form.aoi is None and not form.searchButton.isEnabled()
    assert form.wholeCatalogueCheck.isVisible()
    form.wholeCatalogueCheck.setChecked(True)
    assert form.searchButton.isEnabled()
    aoi_from_sample_layer(dock)
    assert not form.wholeCatalogueCheck.isVisible() and form.searchButton.isEnabled()


def test_the_connection_dialog_has_no_blank_area_after_changing_platform(qtbot, dock):
    dock.connections_panel.addButton.click()
    dialog = dock.connections_panel.connection_dialog
    dialog.set_platform("terrascope")
    dialog.set_platform("brightearth")
    qtbot.wait(10)
    assert dialog.height() <= dialog.sizeHint().height() + 1
    assert dialog.width() >= 460  # its fields beside their labels, as Name and Platform
    names = [name for name, widget in dialog.form.widgets.items() if widget.isVisible()]
    assert names == ["url", "username", "password"]
    dialog.reject()


def test_settings_hold_nothing_secret(qtbot, dock, beod_emulator):
    signed_in(qtbot, dock, beod_emulator)
    from qgis.core import QgsSettings

    everything = json.dumps({key: str(QgsSettings().value(key)) for key in QgsSettings().allKeys()})
    assert "correct horse" not in everything
