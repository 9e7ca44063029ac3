"""Before a catalogue download: which kinds of files, into which folder, how much that is and whether it fits.
The kinds are the choices of the platform's download operation; the total is its estimate from the products'
advertised lengths (nothing remote). OK is the confirmation and is refused (disabled, with the reason) when the
files would not fit on the disk."""

import os
from typing import Dict, List

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QCheckBox, QDialog, QDialogButtonBox

from ...core.errors import EOError
from ...core.i18n import tr
from ...core.models import Item
from ...core.platform import FieldKind, Operation
from ...core.safe_paths import free_space, human_size
from .ui import ERROR_STYLE, load_form


class DownloadDialog(QDialog, load_form("download_dialog")):
    def __init__(self, operation: Operation, items: List[Item], output_dir: str, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.operation = operation
        self.items = list(items)
        self.kinds_field = next((f for f in operation.fields() if f.kind == FieldKind.CHOICES), None)
        self.folder_field = next((f for f in operation.fields() if f.kind == FieldKind.FOLDER), None)
        self.type_checks: Dict[str, QCheckBox] = {}
        self.needed = 0  # advertised bytes of the plan
        self.free = 0  # free bytes where the folder is (or would be created)

        self.setWindowTitle(tr("Download products"))
        self.productsLabel.setText(tr("{count} products selected.", count=len(self.items)) if len(self.items) != 1
                                   else tr("1 product selected."))
        self.fileTypesGroup.setTitle(tr("Files to download"))
        defaults = tuple(self.kinds_field.default or ()) if self.kinds_field else ()
        for kind, label in (self.kinds_field.choices if self.kinds_field else ()):
            check = QCheckBox(label, self)
            check.setObjectName(f"fileType_{kind}")
            check.setChecked(kind in defaults)
            check.toggled.connect(self.update_plan)
            self.fileTypesLayout.addWidget(check)
            self.type_checks[kind] = check
        self.outputFolderLabel.setText(tr("Folder"))
        self.outputFolderWidget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.outputFolderWidget.setDialogTitle(tr("Folder for the downloaded products"))
        self.outputFolderWidget.setFilePath(output_dir)
        self.outputFolderWidget.fileChanged.connect(self.update_plan)
        self.ok_button.setText(tr("Download"))
        self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        self.update_plan()

    @property
    def ok_button(self):
        return self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def file_types(self) -> List[str]:
        return [kind for kind, check in self.type_checks.items() if check.isChecked()]

    def output_dir(self) -> str:
        return self.outputFolderWidget.filePath().strip()

    def values(self) -> dict:
        """The download operation's values: the products, the kinds of files and the folder."""
        items_name = next((f.name for f in self.operation.fields() if f.kind == FieldKind.ITEMS), "items")
        values = {items_name: self.items}
        if self.kinds_field is not None:
            values[self.kinds_field.name] = tuple(self.file_types())
        values[self.folder_field.name if self.folder_field else "output_dir"] = self.output_dir()
        return values

    def update_plan(self, *_):
        """Size and file count of the plan, free space of the folder, and whether OK can start it."""
        problem = ""
        self.needed, count, unknown = 0, 0, 0
        try:
            self.needed, count, unknown = self.operation.estimate(self.values())
        except EOError as err:
            problem = str(err)
        if not problem and self.kinds_field is not None and not self.file_types():
            problem = tr("Choose at least one kind of file.")
        elif not problem and count == 0:
            problem = tr("The selected products have no files of the chosen kinds.")
        if count:
            text = tr("{count} files, {size} in total.", count=count, size=human_size(self.needed))
            if unknown:
                text += " " + tr("The size of {count} of them is not known in advance.", count=unknown)
            self.planLabel.setText(text)
        else:
            self.planLabel.setText("")
        folder = self.output_dir()
        if not folder:
            problem = problem or tr("Choose a folder to download into.")
            self.spaceLabel.setText("")
        else:
            folder = os.path.abspath(os.path.expanduser(folder))
            try:
                self.free = free_space(folder)
                self.spaceLabel.setText(tr("Free space in {folder}: {free}.", folder=folder,
                                           free=human_size(self.free)))
                if not problem and self.needed > self.free:
                    problem = tr("The files do not fit: {needed} needed but only {free} free in {folder}. Free "
                                 "some space or choose another folder.", needed=human_size(self.needed),
                                 free=human_size(self.free), folder=folder)
            except OSError as err:
                self.spaceLabel.setText("")
                problem = problem or tr("The folder {folder} cannot be used: {reason}", folder=folder,
                                        reason=err.strerror or type(err).__name__)
        self.warningLabel.setText(problem)
        self.warningLabel.setStyleSheet(ERROR_STYLE if problem else "")
        self.warningLabel.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)

    def accept(self):
        self.update_plan()  # the disk may have filled up since the dialog opened
        if self.ok_button.isEnabled():
            super().accept()
