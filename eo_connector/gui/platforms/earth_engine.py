"""The dock's Earth Engine page: the asset browser (project, legacy root, public catalogue), then what to do with
the chosen asset or a typed expression: add it to the map as a live layer (visualisation: bands, min/max, palette,
gamma) or a table as a vector layer; download its pixels over the AOI (size estimated by the service's band types,
confirmed before anything large); export it; follow the account's running tasks in the Jobs list.

A self-contained page (gui/platforms protocol): everything remote runs in tasks, long work as jobs."""

from typing import Dict, Optional

from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...core.aoi import AOI
from ...core.errors import EOError
from ...core.i18n import number, tr
from ...core.models import Connection, Item
from ...core.platform import FieldKind
from ...core.safe_paths import human_size
from ...providers.earth_engine.expressions import TABLE
from ...providers.earth_engine.operations import pixels_estimate
from ...qgis_glue import settings
from ..widgets.dependency_notice import DependencyNotice
from ..widgets.field_form import FieldForm
from ..widgets.ui import ask_yes_no, run_in_background, show_message
from .earth_engine_browser import AssetBrowser

CONFIRM_BYTES = 200 * 1024 * 1024  # a download larger than this (uncompressed) is confirmed first
OWN_FIELDS = ("image", "aoi")  # given by the page itself: the chosen asset and the dock's AOI


class EarthEnginePanel(QWidget):
    jobStarted = pyqtSignal(str)

    def __init__(self, iface, platform, connections, jobs, parent=None):
        super().__init__(parent)
        self.iface, self.platform, self.connections, self.jobs = iface, platform, connections, jobs
        self.connection: Optional[Connection] = None
        self.aoi: Optional[AOI] = None
        self.asset_type = ""  # the type of the chosen asset ("" when an expression is typed)
        self.forms: Dict[str, FieldForm] = {}
        self.buttons: Dict[str, QPushButton] = {}
        self.last_estimate: Optional[dict] = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.dependencies = DependencyNotice(self)
        self.dependencies.set_platform(platform)
        layout.addWidget(self.dependencies)
        self.assets = AssetBrowser(connections, self, task_owner=self)
        layout.addWidget(self.assets)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Image"), self))
        self.imageEdit = QLineEdit(self)
        self.imageEdit.setPlaceholderText(tr("An asset id or an expression (ee.Image(…))"))
        self.imageEdit.setToolTip(tr("Chosen in the list above, or typed: an asset id, an expression as JSON, or "
                                     "Python code using ee"))
        row.addWidget(self.imageEdit, 1)
        layout.addLayout(row)
        operations = platform.operations()
        for kind, title, button in (("layer", tr("Map layer"), tr("Add to map")),
                                    ("pixels", tr("Pixels over the area of interest"), tr("Download pixels…")),
                                    ("export", tr("Export"), tr("Export"))):
            group = QgsCollapsibleGroupBox(title, self)
            group.setSettingGroup(f"eo_connector/dock/earth_engine_{kind}")
            box = QVBoxLayout(group)
            form = FieldForm([f for f in operations[kind].fields() if f.name not in OWN_FIELDS], group,
                             advanced_key=f"eo_connector/dock/earth_engine_{kind}_more")
            for name, field in form.fields.items():
                if field.kind == FieldKind.FOLDER:
                    form.set_values({name: settings.default_output_root()})
            box.addWidget(form)
            self.buttons[kind] = QPushButton(button, group)
            self.buttons[kind].setToolTip(operations[kind].help)
            box.addWidget(self.buttons[kind])
            layout.addWidget(group)
            self.forms[kind] = form
        self.tasksButton = QPushButton(tr("Follow my running tasks"), self)  # short: the page may be 320 px wide
        self.tasksButton.setToolTip(tr("Lists the account's tasks that are not finished and follows them in Jobs"))
        layout.addWidget(self.tasksButton)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        layout.addWidget(self.messageLabel)
        show_message(self.messageLabel, "")
        self.assets.assetChosen.connect(self._asset_chosen)
        self.imageEdit.textEdited.connect(self._typed)
        self.buttons["layer"].clicked.connect(self.add_to_map)
        self.buttons["pixels"].clicked.connect(self.download_pixels)
        self.buttons["export"].clicked.connect(self.export)
        self.tasksButton.clicked.connect(self.follow_tasks)
        self._update()

    def section_title(self) -> str:
        return tr("Google Earth Engine")

    # -- what the dock tells us
    def set_connection(self, connection: Optional[Connection]):
        if connection is not None and connection.platform != self.platform.id:
            connection = None
        self.connection = connection
        self.assets.set_connection(connection)
        self._update()

    def set_aoi(self, aoi: Optional[AOI]):
        self.aoi = aoi
        self._update()

    def set_account(self, account: Optional[dict]):
        pass

    def _update(self):
        ready = self.connection is not None and bool(self.imageEdit.text().strip())
        for kind, button in self.buttons.items():
            button.setEnabled(ready and (kind != "pixels" or self.aoi is not None))
        self.buttons["pixels"].setToolTip(self.platform.operation("pixels").help if self.aoi is not None
                                          else tr("Needs {what}.", what=tr("an area of interest")))
        self.tasksButton.setEnabled(self.connection is not None)
        table = self.asset_type == TABLE
        self.buttons["layer"].setText(tr("Add features to map") if table else tr("Add to map"))

    def _asset_chosen(self, item: Optional[Item]):
        if item is None:
            return
        self.imageEdit.setText(item.id)
        self.asset_type = str(item.properties.get("type") or "")
        bands = item.properties.get("band_ids") or []
        if bands and not self.forms["layer"].values().get("bands"):
            self.forms["layer"].set_values({"bands": bands[0] if len(bands) < 3 else ",".join(bands[:3][::-1])})
        self._update()

    def _typed(self, *_):
        self.asset_type = ""
        self._update()

    def _values(self, kind: str) -> dict:
        values = dict(self.forms[kind].values(), image=self.imageEdit.text().strip(), asset_type=self.asset_type)
        if kind in ("pixels", "export"):
            values["aoi"] = self.aoi
        return values

    def _start(self, kind: str, values: dict):
        try:
            record = self.jobs.start(self.connection, kind, values)
        except EOError as err:
            show_message(self.messageLabel, str(err), error=True)
            return None
        show_message(self.messageLabel, tr("{name} started: follow it in the Jobs section.", name=record.title))
        self.jobStarted.emit(record.id)
        return record

    # -- actions
    def add_to_map(self):
        if self.connection is None:
            return
        if self.asset_type == TABLE:
            self._start("features", {"image": self.imageEdit.text().strip(), "asset_type": TABLE,
                                     "output_dir": settings.default_output_root()})
        else:
            self._start("layer", self._values("layer"))

    def download_pixels(self):
        """The size first (the service tells the band types), then a confirmation when large, then the job."""
        if self.connection is None or self.aoi is None:
            return
        values = self._values("pixels")
        connection, aoi = self.connection, self.aoi
        self.buttons["pixels"].setEnabled(False)
        show_message(self.messageLabel, tr("Estimating the size of the download…"))

        def estimate(progress):
            with self.connections.open_client(connection) as client:
                return pixels_estimate(client, values["image"], aoi, float(values["scale"]), values["crs"],
                                       values["bands"], values["asset_type"])

        run_in_background(self, tr("Estimating an Earth Engine download"), estimate,
                          lambda found, error: self._estimated(values, found, error))

    def _estimated(self, values: dict, found, error):
        self._update()
        if error is not None:
            show_message(self.messageLabel, str(error), error=True)
            return
        self.last_estimate = found
        size = human_size(found["bytes"])
        text = tr("{width} × {height} pixels, {bands} bands: about {size} before compression.",
                  width=number(found["width"]), height=number(found["height"]), bands=len(found["bands"]),
                  size=size)
        if found["bytes"] > CONFIRM_BYTES and not self.confirm(
                tr("Large download"), tr("{size} Download it?", size=text)):
            show_message(self.messageLabel, tr("Nothing was downloaded ({size})", size=text))
            return
        values.update(pixel_bytes=found["pixel_bytes"], bands=",".join(found["bands"]))
        if self._start("pixels", values) is not None:
            show_message(self.messageLabel, tr("Downloading: {size}", size=text))

    def export(self):
        if self.connection is not None:
            self._start("export", self._values("export"))

    def follow_tasks(self):
        connection = self.connection
        if connection is None:
            return
        from ...providers.earth_engine.exports import running_tasks

        def listing(progress):
            with self.connections.open_client(connection) as client:
                return running_tasks(client)

        run_in_background(self, tr("Listing Earth Engine tasks"), listing,
                          lambda found, error: self._tasks_listed(connection, found, error))

    def _tasks_listed(self, connection, found, error):
        if error is not None:
            show_message(self.messageLabel, str(error), error=True)
            return
        followed = {r.remote.get("operation") for r in self.jobs.jobs() if self.jobs.is_running(r.id)}
        added = 0
        for name, description, _state in found or []:
            if name not in followed:
                record = self.jobs.start(connection, "task", {"operation": name, "description": description})
                self.jobStarted.emit(record.id)
                added += 1
        show_message(self.messageLabel, tr("{count} running tasks; {added} added to Jobs.",
                                           count=len(found or []), added=added))

    def confirm(self, title: str, text: str) -> bool:
        """Yes/no question (tests replace this method)."""
        return ask_yes_no(self, title, text)


PANEL = EarthEnginePanel
