"""RS-Server's Publish tab: the owner's collections created, edited and removed; a vector layer's features
published as items of a collection, previewed and checked before anything is sent, each refusal shown."""

from typing import List, Optional

from qgis.core import QgsFieldProxyModel, QgsMapLayerProxyModel
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import EOError
from ...core.i18n import tr
from ...core.models import Collection
from ..widgets import ui
from ..widgets.ui import run_in_background, show_message


class CollectionDialog(QDialog):
    """Create or edit one collection of the user's catalogue: id, title, description."""

    def __init__(self, parent=None, collection: Optional[dict] = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Edit collection") if collection else tr("New collection"))
        form = QFormLayout(self)
        self.idEdit = QLineEdit((collection or {}).get("id", ""), self)
        self.idEdit.setReadOnly(bool(collection))
        self.titleEdit = QLineEdit((collection or {}).get("title", ""), self)
        self.descriptionEdit = QPlainTextEdit((collection or {}).get("description", ""), self)
        self.descriptionEdit.setMaximumHeight(80)
        form.addRow(tr("Id"), self.idEdit)
        form.addRow(tr("Title"), self.titleEdit)
        form.addRow(tr("Description"), self.descriptionEdit)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        form.addRow(self.messageLabel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def collection(self) -> dict:
        found = {"id": self.idEdit.text().strip(), "title": self.titleEdit.text().strip()}
        if self.descriptionEdit.toPlainText().strip():
            found["description"] = self.descriptionEdit.toPlainText().strip()
        return found

    def accept_if_valid(self):
        from ...providers.rs_server.publishing import validate_collection

        problems = validate_collection(self.collection())
        if problems:
            show_message(self.messageLabel, " ".join(problems), error=True)
            return
        self.accept()


class PublishTab(QWidget):
    """Collections of the owner (new, edit, remove) and a vector layer published as items."""

    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self.plan = None
        self.dialog: Optional[CollectionDialog] = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.collectionCombo = QComboBox(self)
        self.collectionCombo.setEditable(True)
        self.collectionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.collectionCombo.setMinimumContentsLength(4)
        self.collectionCombo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.collectionCombo.setMinimumWidth(90)
        row.addWidget(QLabel(tr("Collection"), self))
        row.addWidget(self.collectionCombo, 1)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        self.newButton = QPushButton(tr("New…"), self)
        self.editButton = QPushButton(tr("Edit…"), self)
        self.removeButton = QPushButton(tr("Remove"), self)
        for button in (self.newButton, self.editButton, self.removeButton):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layerCombo = QgsMapLayerComboBox(self)
        self.layerCombo.setFilters(QgsMapLayerProxyModel.Filter.VectorLayer)
        self.idField = QgsFieldComboBox(self)
        self.idField.setAllowEmptyFieldName(True)
        self.dateField = QgsFieldComboBox(self)
        self.dateField.setAllowEmptyFieldName(True)
        self.assetField = QgsFieldComboBox(self)
        self.assetField.setAllowEmptyFieldName(True)
        self.assetField.setFilters(QgsFieldProxyModel.Filter.String)
        self.dateEdit = QLineEdit(self)
        self.dateEdit.setPlaceholderText(tr("e.g. 2024-01-15"))
        self.replaceCheck = QCheckBox(tr("Replace items that exist"), self)
        self.selectedCheck = QCheckBox(tr("Selected features only"), self)
        form.addRow(tr("Layer"), self.layerCombo)
        form.addRow(tr("Item id from"), self.idField)
        form.addRow(tr("Date from"), self.dateField)
        form.addRow(tr("Or the date"), self.dateEdit)
        form.addRow(tr("Asset href from"), self.assetField)
        form.addRow(self.selectedCheck)
        form.addRow(self.replaceCheck)
        layout.addLayout(form)
        publish = QHBoxLayout()
        self.previewButton = QPushButton(tr("Preview"), self)
        self.publishButton = QPushButton(tr("Publish"), self)
        publish.addWidget(self.previewButton)
        publish.addWidget(self.publishButton)
        layout.addLayout(publish)
        self.previewEdit = QPlainTextEdit(self)
        self.previewEdit.setReadOnly(True)
        self.previewEdit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout.addWidget(self.previewEdit, 1)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.messageLabel)
        self.layerCombo.layerChanged.connect(self._layer_changed)
        self.newButton.clicked.connect(self.new_collection)
        self.editButton.clicked.connect(self.edit_collection)
        self.removeButton.clicked.connect(self.remove_collection)
        self.previewButton.clicked.connect(self.preview)
        self.publishButton.clicked.connect(self.publish)
        self._layer_changed(self.layerCombo.currentLayer())

    def _layer_changed(self, layer):
        for combo in (self.idField, self.dateField, self.assetField):
            combo.setLayer(layer)
        self.plan = None
        self.update_state()

    def set_collections(self, collections: List[Collection], owner: str):
        typed = self.collectionCombo.currentText()
        self.collectionCombo.clear()
        for collection in collections:
            if not owner or collection.id.split(":", 1)[0] == owner:
                self.collectionCombo.addItem(collection.id, collection.id)
        if typed:
            self.collectionCombo.setEditText(typed)
        self.update_state()

    def collection(self) -> str:
        return self.collectionCombo.currentText().strip()

    def _call(self, description, call, done):
        connection = self.panel.connection
        if connection is None:
            return

        def work(progress):
            with self.panel.connections.open_client(connection) as client:
                return call(client, progress)

        run_in_background(self, description, work, done)

    def _said(self, ok_text: str):
        def done(result, error):
            if error is not None:
                show_message(self.messageLabel, str(error), error=True)
            else:
                show_message(self.messageLabel, ok_text)
                self.panel.refresh_collections()
        return done

    def new_collection(self):
        dialog = self.dialog = CollectionDialog(self)
        dialog.accepted.connect(lambda d=dialog: self._call(
            tr("Creating a collection"), lambda client, p: client.add_collection(d.collection(), p),
            self._said(tr("Collection {id} created.", id=d.collection()["id"]))))
        dialog.open()

    def edit_collection(self):
        collection = self.collection()
        if not collection:
            return

        def loaded(data, error):
            if error is not None:
                show_message(self.messageLabel, str(error), error=True)
                return
            dialog = self.dialog = CollectionDialog(self, {"id": collection.split(":", 1)[-1],
                                                           "title": data.get("title", ""),
                                                           "description": data.get("description", "")})
            dialog.accepted.connect(lambda d=dialog: self._call(
                tr("Updating a collection"), lambda client, p: client.update_collection(
                    {**{k: v for k, v in data.items() if k not in ("links",)}, **d.collection()}, p),
                self._said(tr("Collection {id} updated.", id=collection))))
            dialog.open()

        self._call(tr("Reading a collection"), lambda client, p: client.catalog.collection_json(
            client.full_collection_id(collection), p), loaded)

    def remove_collection(self):
        collection = self.collection()
        if not collection or not ui.ask_yes_no(self, tr("Remove collection"), tr(
                "Remove collection {id} and all its items from your catalogue? This cannot be undone.",
                id=collection)):
            return
        self._call(tr("Removing a collection"), lambda client, p: client.remove_collection(collection, p),
                   self._said(tr("Collection {id} removed.", id=collection)))

    def build_plan(self):
        from ...providers.rs_server.publishing import items_from_features
        from ...qgis_glue.publish_layer import features_of_layer

        layer = self.layerCombo.currentLayer()
        features = features_of_layer(layer, self.idField.currentField(), self.assetField.currentField(),
                                     self.selectedCheck.isChecked())
        return items_from_features(features, self.collection(), datetime_field=self.dateField.currentField(),
                                   default_datetime=self.dateEdit.text().strip())

    def preview(self) -> bool:
        try:
            self.plan = self.build_plan()
        except EOError as err:
            show_message(self.messageLabel, str(err), error=True)
            return False
        text = self.plan.preview()
        if self.plan.problems:
            text = tr("Not sent — fix these first:") + "\n- " + "\n- ".join(self.plan.problems) + "\n\n" + text
        self.previewEdit.setPlainText(text)
        show_message(self.messageLabel, tr("{count} items checked and ready to send.", count=len(self.plan.items))
                     if self.plan.ok else tr("{count} problems: nothing was sent.", count=len(self.plan.problems)),
                     error=not self.plan.ok)
        self.update_state()
        return self.plan.ok

    def publish(self):
        if not self.preview():
            return
        plan, replace = self.plan, self.replaceCheck.isChecked()
        from ...providers.rs_server.publishing import publish

        show_message(self.messageLabel, tr("Publishing {count} items…", count=len(plan.items)))
        self._call(tr("Publishing items"), lambda client, p: publish(client, plan, p, replace=replace),
                   self._published)

    def _published(self, result, error):
        if error is not None:
            show_message(self.messageLabel, str(error), error=True)
            return
        sent, refused = result
        text = tr("{sent} items published into {collection}.", sent=len(sent), collection=self.plan.collection)
        if refused:
            text = tr("{status} The server refused {count}:", status=text, count=len(refused)) + "\n" + "\n".join(refused)
        show_message(self.messageLabel, text, error=bool(refused))
        self.panel.refresh_collections()

    def update_state(self):
        connected = self.panel.connection is not None
        has_collection = bool(self.collection())
        self.editButton.setEnabled(connected and has_collection)
        self.removeButton.setEnabled(connected and has_collection)
        self.newButton.setEnabled(connected)
        ready = connected and has_collection and self.layerCombo.currentLayer() is not None
        self.previewButton.setEnabled(ready)
        self.publishButton.setEnabled(ready)
