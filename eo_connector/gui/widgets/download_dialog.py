"""Before a catalogue download: which kinds of files, into which folder, how much that is and whether it fits.
The plan is computed locally from the products' advertised lengths (nothing remote); OK is the confirmation and is
refused (disabled, with the reason) when the files would not fit on the disk."""

import os
from typing import Dict, List

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QCheckBox, QDialog, QDialogButtonBox

from ...core.errors import EOError
from ...core.i18n import tr
from ...core.models import Item
from ...core.safe_paths import free_space, human_size
from ...providers.terrascope.download import FILE_TYPES, download_plan, plan_totals
from .ui import ERROR_STYLE, load_form

DEFAULT_TYPES = ("data",)


def file_type_names():
    return {"data": tr("Data"), "related": tr("Related (quality layers)"), "previews": tr("Previews"),
            "alternates": tr("Metadata (alternates)")}


class DownloadDialog(QDialog, load_form("download_dialog")):
    def __init__(self, items: List[Item], output_dir: str, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.items = list(items)
        self.type_checks: Dict[str, QCheckBox] = {}
        self.needed = 0  # advertised bytes of the plan
        self.free = 0  # free bytes where the folder is (or would be created)

        self.setWindowTitle(tr("Download products"))
        self.productsLabel.setText(tr("{count} products selected.", count=len(self.items)) if len(self.items) != 1
                                   else tr("1 product selected."))
        self.fileTypesGroup.setTitle(tr("Files to download"))
        for kind in FILE_TYPES:
            check = QCheckBox(file_type_names().get(kind, kind), self)
            check.setObjectName(f"fileType_{kind}")
            check.setChecked(kind in DEFAULT_TYPES)
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

    def update_plan(self, *_):
        """Size and file count of the plan, free space of the folder, and whether OK can start it."""
        problem = ""
        self.needed, count, unknown = 0, 0, 0
        try:
            plan = download_plan(self.items, self.file_types()) if self.file_types() else []
            self.needed, count = plan_totals(plan)
            unknown = sum(1 for entry in plan if entry.size is None)
        except EOError as err:
            problem = str(err)
        if not problem and not self.file_types():
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
