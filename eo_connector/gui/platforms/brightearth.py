"""BrightEarth scenario section: every option of an extraction scenario (tutorial), the project to run it in,
the output folder and the credits, and Run. The form's values are remembered between sessions."""

import json
from typing import Dict, List, Optional

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QCheckBox, QWidget

from ...core.aoi import AOI
from ...core.errors import EOError, InvalidInput
from ...core.i18n import amount, tr
from ...core.models import Connection, JobState
from ...providers.brightearth import options as beod
from ...qgis_glue import settings
from ...qgis_glue.connections import Connections
from ...qgis_glue.jobs import JobManager
from ..widgets.ui import fit_form_rows, icon, load_form, run_in_background, show_message

FORM_KEY = "brightearth/form"
FORMAT_NAMES = {"shapefile": "Shapefile", "geopackage": "GeoPackage", "geotiff": "GeoTIFF",
                "3d_tiles": "3D Tiles"}


def _scenario_type_names():
    return {"extraction-mono": tr("Mono extraction (one image)")}


def _crs_names():
    return {3857: tr("EPSG:3857 — Web Mercator"), 4326: tr("EPSG:4326 — WGS 84 longitude/latitude")}


class BrightEarthPanel(QWidget, load_form("brightearth_panel")):
    jobStarted = pyqtSignal(str)  # job id

    def __init__(self, iface, platform, connections: Connections, jobs: JobManager, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.platform = platform
        self.connections = connections
        self.jobs = jobs
        self.connection: Optional[Connection] = None
        self.aoi: Optional[AOI] = None
        self.account: Optional[dict] = None
        self.projects_loaded_for = ""  # connection id whose projects fill the list
        self.format_checks: Dict[str, QCheckBox] = {}
        self.last_job_id = ""  # the job Run started last: its end replaces the "started" line
        self._build()
        self._restore()
        self._update()

    def _build(self):
        self.newProjectRadio.setText(tr("New project"))
        self.newProjectRadio.setToolTip(tr("Run the scenario in a new BrightEarth project"))
        self.existingProjectRadio.setText(tr("Existing"))
        self.existingProjectRadio.setToolTip(tr("Run the scenario in one of your BrightEarth projects"))
        self.projectNameEdit.setPlaceholderText(tr("Project name"))
        self.projectNameEdit.setToolTip(tr("Name of the new project; empty: the scenario's name"))
        self.projectCombo.setPlaceholderText(tr("(press ↻)"))
        self.projectCombo.setToolTip(tr("Your BrightEarth projects (↻ lists them)"))
        self.refreshProjectsButton.setIcon(icon("refresh"))
        self.refreshProjectsButton.setToolTip(tr("List the projects of this account"))
        self.scenarioNameLabel.setText(tr("Scenario"))
        self.scenarioNameEdit.setPlaceholderText(tr("Scenario name"))
        self.scenarioNameEdit.setToolTip(tr("The scenario's name: also the name of the layer group of its results"))
        self.scenarioTypeLabel.setText(tr("Type"))
        self.scenarioTypeCombo.setToolTip(tr("The kind of extraction: mono extraction reads one image"))
        for value in beod.SCENARIO_TYPES:
            self.scenarioTypeCombo.addItem(_scenario_type_names().get(value, value), value)
        self.sourceImageLabel.setText(tr("Imagery"))
        for value in beod.SOURCE_IMAGE_TYPES:
            self.sourceImageTypeCombo.addItem(tr("Basemap") if value == "basemap" else value, value)
        for basemap_id, name in beod.BASEMAPS.items():
            self.basemapCombo.addItem(tr("{name} ({id})", name=name, id=basemap_id), basemap_id)
        self.sourceImageTypeCombo.setToolTip(tr("Where the source imagery comes from"))
        self.basemapCombo.setToolTip(tr("Basemap used as source imagery"))
        self.augmentedCheck.setText(tr("Augmented buildings"))
        self.augmentedCheck.setToolTip(tr("Buildings with more attributes (height, roof type) where BrightEarth can "
                                          "derive them"))
        self.outputCrsLabel.setText(tr("Output CRS"))
        self.outputCrsCombo.setToolTip(tr("Coordinate reference system of the result files"))
        for code in beod.OUTPUT_CRS:
            self.outputCrsCombo.addItem(_crs_names().get(code, f"EPSG:{code}"), code)
        self.vectorFormatsLabel.setText(tr("Vector"))
        self.rasterFormatsLabel.setText(tr("Raster"))
        self.threeDFormatsLabel.setText(tr("3D"))
        for layout, values in ((self.vectorFormatsLayout, beod.VECTOR_FORMATS),
                               (self.rasterFormatsLayout, beod.RASTER_FORMATS),
                               (self.threeDFormatsLayout, beod.THREE_D_FORMATS)):
            for value in values:
                check = QCheckBox(FORMAT_NAMES.get(value, value), self)
                check.setObjectName(f"format_{value}")
                check.setToolTip(tr("Ask BrightEarth for the results as {format} files",
                                    format=FORMAT_NAMES.get(value, value)))
                layout.addWidget(check)
                self.format_checks[value] = check
            layout.addStretch(1)
        self.dlModelsLabel.setText(tr("DL models"))
        self.dlModelsEdit.setPlaceholderText(tr("Default models"))
        self.dlModelsEdit.setToolTip(tr("Alternate deep-learning models, comma separated; empty uses the defaults."))
        self.outputFolderLabel.setText(tr("Output folder"))
        self.outputFolderWidget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.outputFolderWidget.setDialogTitle(tr("Folder for the scenario results"))
        self.outputFolderWidget.setToolTip(tr("The results are downloaded into a new folder in this one"))
        self.outputFolderWidget.fileChanged.connect(
            lambda path: settings.set_value("output_root", path.strip()) if path.strip() else None)
        self.runButton.setText(tr("Run scenario"))
        self.runButton.setIcon(icon("run"))

        self.newProjectRadio.toggled.connect(self._update)
        self.existingProjectRadio.toggled.connect(self._existing_toggled)
        self.refreshProjectsButton.clicked.connect(self.refresh_projects)
        self.show_message("")
        self.runButton.clicked.connect(self.run)
        self.jobs.jobFinished.connect(self._job_finished)

    # -- remembered values
    def _restore(self):
        try:
            saved = json.loads(settings.get(FORM_KEY, "") or "{}")
        except (TypeError, ValueError):
            saved = {}
        defaults = beod.ScenarioOptions(name="")
        self._select(self.scenarioTypeCombo, saved.get("scenario_type", defaults.scenario_type))
        self._select(self.sourceImageTypeCombo, saved.get("source_image_type", defaults.source_image_type))
        self._select(self.basemapCombo, saved.get("source_image_id", defaults.source_image_id))
        self._select(self.outputCrsCombo, saved.get("output_crs", defaults.output_crs))
        self.augmentedCheck.setChecked(bool(saved.get("augmented", defaults.augmented)))
        chosen = set(saved.get("formats", defaults.vector_formats + defaults.raster_formats + defaults.three_d_formats))
        for value, check in self.format_checks.items():
            check.setChecked(value in chosen)
        self.dlModelsEdit.setText(", ".join(saved.get("dl_models", [])))
        self.outputFolderWidget.setFilePath(settings.default_output_root())

    def _remember(self, options: beod.ScenarioOptions, output_root: str):
        saved = {
            "scenario_type": options.scenario_type, "source_image_type": options.source_image_type,
            "source_image_id": options.source_image_id, "output_crs": options.output_crs,
            "augmented": options.augmented, "dl_models": list(options.dl_models),
            "formats": list(options.vector_formats + options.raster_formats + options.three_d_formats),
        }
        settings.set_value(FORM_KEY, json.dumps(saved))
        settings.set_value("output_root", output_root)

    @staticmethod
    def _select(combo, value):
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    # -- what the dock tells us
    def set_connection(self, connection: Optional[Connection]):
        if (connection.id if connection else "") != self.projects_loaded_for:
            self.projectCombo.clear()
            self.projects_loaded_for = ""
        self.connection = connection
        self._update()

    def set_aoi(self, aoi: Optional[AOI]):
        self.aoi = aoi
        self._update()

    def set_account(self, account: Optional[dict]):
        self.account = account
        self._update()

    def _update(self, *_):
        existing = self.existingProjectRadio.isChecked()
        self.projectNameEdit.setEnabled(not existing)
        self.projectCombo.setEnabled(existing)
        self.refreshProjectsButton.setEnabled(self.connection is not None)
        credits = (self.account or {}).get("credits")
        if self.connection is None:
            self.creditsLabel.setText(tr("Credits: add a connection first."))
        elif credits is None:
            self.creditsLabel.setText(tr("Credits: unknown (press Test in the connection section)."))
        else:
            self.creditsLabel.setText(tr("Credits available: {credits}", credits=amount(credits)))
        missing = []
        if self.connection is None:
            missing.append(tr("a connection"))
        if self.aoi is None:
            missing.append(tr("an area of interest"))
        operation = self.platform.operation("scenario")
        refused = self.platform.aoi_problem(self.aoi) if self.aoi is not None else ""
        refused = refused or (operation.refusal({"aoi": self.aoi}, self.account) if self.connection else "")
        cost = operation.cost({"aoi": self.aoi}, self.account, self._history()) if not missing else ""
        show_message(self.costLabel, refused or cost, error=bool(refused))
        self.runButton.setEnabled(not missing and not refused)
        self.runButton.setToolTip(tr("Needs {what}.", what=tr(" and ").join(missing)) if missing else refused
                                  or tr("Send the area of interest and start the scenario"))

    def _history(self) -> list:
        """This connection's earlier scenarios (what they cost tells what the next one may cost)."""
        if self.connection is None:
            return []
        return [r for r in self.jobs.jobs() if r.connection_id == self.connection.id and r.kind == "scenario"]

    def _job_finished(self, job_id: str):
        """The "started" line gives way to how the job ended; the cost estimate learns from it."""
        if job_id == self.last_job_id:
            try:
                record = self.jobs.get(job_id)
            except EOError:
                record = None
            if record is not None and record.state == JobState.SUCCEEDED:
                self.show_message(tr("Scenario {name} finished: {message}", name=record.title,
                                     message=record.message))
            elif record is not None and record.state == JobState.FAILED:
                self.show_message(tr("Scenario {name} failed: {reason}", name=record.title, reason=record.error),
                                  error=True)
            elif record is not None:
                self.show_message(tr("Scenario {name}: {message}", name=record.title, message=record.message))
        self._update()

    def help_anchor(self) -> str:
        return "brightearth-scenario"

    def resizeEvent(self, event):
        super().resizeEvent(event)
        fit_form_rows(self.width(), self.formLayout)

    def show_message(self, text: str, error: bool = False):
        show_message(self.messageLabel, text, error)

    # -- projects (listed in a task)
    def _existing_toggled(self, checked: bool):
        self._update()
        if checked and self.connection is not None and self.projects_loaded_for != self.connection.id:
            self.refresh_projects()

    def refresh_projects(self):
        connection = self.connection
        if connection is None or not self.refreshProjectsButton.isEnabled():
            return
        self.refreshProjectsButton.setEnabled(False)
        self.show_message(tr("Listing your projects…"))

        def listing(progress):
            return self.connections.client(connection).list_projects()

        run_in_background(self, tr("Listing BrightEarth projects"), listing,
                          lambda projects, error: self._projects_listed(connection, projects, error))

    def _projects_listed(self, connection: Connection, projects, error):
        self._update()
        if self.connection is None or self.connection.id != connection.id:
            return
        if error is not None:
            self.show_message(str(error), error=True)
            return
        previous = self.projectCombo.currentData()
        self.projectCombo.clear()
        for project in projects if isinstance(projects, list) else []:
            project_id = project.get("project_id", project.get("id"))
            if project_id is None:
                continue
            name = project.get("name") or tr("(no name)")
            self.projectCombo.addItem(tr("{name} (#{id})", name=name, id=project_id), int(project_id))
        self.projectCombo.setCurrentIndex(max(self.projectCombo.findData(previous), 0) if self.projectCombo.count() else -1)
        self.projects_loaded_for = connection.id
        self.show_message("" if self.projectCombo.count() else tr("This account has no project yet."))

    # -- the scenario
    def _formats(self, allowed) -> tuple:
        return tuple(v for v in allowed if self.format_checks[v].isChecked())

    def dl_models(self) -> List[str]:
        return [name.strip() for name in self.dlModelsEdit.text().split(",") if name.strip()]

    def options(self) -> beod.ScenarioOptions:
        """The form as ScenarioOptions, validated (raises InvalidInput with the reason in words)."""
        return beod.ScenarioOptions(
            name=self.scenarioNameEdit.text().strip(),
            scenario_type=self.scenarioTypeCombo.currentData(),
            source_image_type=self.sourceImageTypeCombo.currentData(),
            source_image_id=int(self.basemapCombo.currentData()),
            augmented=self.augmentedCheck.isChecked(),
            output_crs=int(self.outputCrsCombo.currentData()),
            vector_formats=self._formats(beod.VECTOR_FORMATS),
            raster_formats=self._formats(beod.RASTER_FORMATS),
            three_d_formats=self._formats(beod.THREE_D_FORMATS),
            dl_models=self.dl_models(),
        ).validate()

    def section_title(self) -> str:
        return tr("BrightEarth scenario")

    def project_choice(self) -> dict:
        """The project values of the scenario operation: an existing project's id, or a new project's name."""
        if self.existingProjectRadio.isChecked():
            if self.projectCombo.currentData() is None:
                raise InvalidInput(tr("Choose an existing project, or press ↻ to list them."))
            return {"project_id": int(self.projectCombo.currentData())}
        return {"project_name": self.projectNameEdit.text().strip()}

    def run(self):
        if self.connection is None or self.aoi is None:
            return
        if not self.connections.has_session(self.connection):
            self.show_message(tr("Sign in first: enter your password in the connection section."), error=True)
            return
        output_root = self.outputFolderWidget.filePath().strip() or settings.default_output_root()
        try:
            options = self.options()
            values = dict(options.to_dict(), aoi=self.aoi, output_dir=output_root, **self.project_choice())
            record = self.jobs.start(self.connection, "scenario", values)
        except EOError as err:
            self.show_message(str(err), error=True)
            return
        self._remember(options, output_root)
        self.last_job_id = record.id
        self.show_message(tr("Scenario {name} started: follow it in the Jobs tab.", name=record.title))
        self.jobStarted.emit(record.id)


PANEL = BrightEarthPanel
