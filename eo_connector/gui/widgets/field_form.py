"""A form built from core.platform Fields: a connection form, an operation's parameters or a search's filters.

One widget per field in a QFormLayout (the advanced ones under a collapsible "More options"); `values()` reads the
form back as plain values (dates as "YYYY-MM-DD", choices as their values), `set_values()` fills it. AOI and items
fields are not widgets: the dock gives them (the area of interest, the selected results).
"""

import json
from typing import Any, Dict, List, Optional

from qgis.gui import QgsCollapsibleGroupBox, QgsDateEdit, QgsFileWidget
from qgis.PyQt.QtCore import QDate, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr
from ...core.platform import Field, FieldKind
from ...qgis_glue import settings
from .ui import fit_form_rows

NOT_WIDGETS = (FieldKind.AOI, FieldKind.ITEMS)


class FieldForm(QWidget):
    """Widgets for `fields`; `changed(name)` is emitted when the user changes a field."""

    changed = pyqtSignal(str)

    def __init__(self, fields: List[Field] = (), parent=None, advanced_key: str = ""):
        super().__init__(parent)
        self.fields: Dict[str, Field] = {}
        self.widgets: Dict[str, QWidget] = {}
        self.labels: Dict[str, QLabel] = {}
        self._advanced_key = advanced_key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._main = QFormLayout()
        self._main.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self._main)
        self._more = QgsCollapsibleGroupBox(tr("More options"), self)
        self._more.setCollapsed(True)
        if advanced_key:
            self._more.setSettingGroup(advanced_key)
        self._more_layout = QFormLayout(self._more)
        self._more_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addWidget(self._more)
        self.set_fields(fields)

    # -- building
    def set_fields(self, fields: List[Field], keep_values: bool = True):
        """Show these fields (in this order); values typed in fields that stay are kept."""
        blocked = self.blockSignals(True)  # rebuilding is not the user changing a field
        try:
            self._build(fields, self.values() if keep_values else {})
        finally:
            self.blockSignals(blocked)

    def _build(self, fields: List[Field], previous: Dict[str, Any]):
        defaults = {name: field.default for name, field in self.fields.items()}
        for layout in (self._main, self._more_layout):
            while layout.rowCount():
                # Deleted later, not now: this may run inside a signal of one of these widgets (a choice changed).
                row = layout.takeRow(0)
                for item in (row.labelItem, row.fieldItem):
                    if item is not None and item.widget() is not None:
                        item.widget().hide()
                        item.widget().deleteLater()
        self.fields, self.widgets, self.labels = {}, {}, {}
        for field in fields:
            if field.kind in NOT_WIDGETS:
                continue
            widget = self._widget(field)
            widget.setObjectName(f"field_{field.name}")
            widget.setToolTip(field.help or field.label)
            label = QLabel(field.label, self)
            label.setBuddy(widget)
            label.setWordWrap(True)
            (self._more_layout if field.advanced else self._main).addRow(label, widget)
            label.show()  # now, not at the next event loop turn (as a layout would)
            widget.show()
            self.fields[field.name], self.widgets[field.name], self.labels[field.name] = field, widget, label
            value = previous.get(field.name)
            # A value still equal to the old default follows the new default (e.g. a server address per environment).
            if field.name in previous and not (value in ("", None) or value == defaults.get(field.name)):
                self._set(field, widget, value)
        self._more.setVisible(any(f.advanced for f in self.fields.values()))

    def _widget(self, field: Field) -> QWidget:
        kind = field.kind
        if kind == FieldKind.BOOL:
            widget = QCheckBox(self)
            widget.setChecked(bool(field.default))
            widget.toggled.connect(lambda *_: self.changed.emit(field.name))
        elif kind == FieldKind.CHOICE:
            widget = QComboBox(self)
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(8)
            for value, label in field.choices:
                widget.addItem(label, value)
            widget.setCurrentIndex(max(0, widget.findData(field.default)))
            widget.currentIndexChanged.connect(lambda *_: self.changed.emit(field.name))
        elif kind == FieldKind.CHOICES:
            widget = QWidget(self)
            row = QHBoxLayout(widget)
            row.setContentsMargins(0, 0, 0, 0)
            widget.checks = {}
            for value, label in field.choices:
                check = QCheckBox(label, widget)
                check.setChecked(value in (field.default or ()))
                check.toggled.connect(lambda *_: self.changed.emit(field.name))
                row.addWidget(check)
                widget.checks[value] = check
            row.addStretch(1)
        elif kind == FieldKind.INT:
            widget = QSpinBox(self)
            widget.setRange(int(field.minimum if field.minimum is not None else -2**31),
                            int(field.maximum if field.maximum is not None else 2**31 - 1))
            widget.setValue(int(field.default or 0))
            widget.valueChanged.connect(lambda *_: self.changed.emit(field.name))
        elif kind == FieldKind.FLOAT:
            widget = QDoubleSpinBox(self)
            widget.setDecimals(6)
            widget.setRange(field.minimum if field.minimum is not None else -1e12,
                            field.maximum if field.maximum is not None else 1e12)
            widget.setValue(float(field.default or 0.0))
            widget.valueChanged.connect(lambda *_: self.changed.emit(field.name))
        elif kind == FieldKind.DATE:
            widget = QgsDateEdit(self)
            widget.setAllowNull(True)
            widget.setNullRepresentation(tr("any"))
            widget.setCalendarPopup(True)
            widget.setDisplayFormat("yyyy-MM-dd")
            self._set(field, widget, field.default)
            widget.dateValueChanged.connect(lambda *_: self.changed.emit(field.name))
        elif kind in (FieldKind.FILE, FieldKind.FOLDER):
            widget = QgsFileWidget(self)
            widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory if kind == FieldKind.FOLDER
                                  else QgsFileWidget.StorageMode.GetFile)
            if kind == FieldKind.FILE and field.placeholder:
                widget.setFilter(field.placeholder)
            widget.setDialogTitle(field.label)
            widget.setFilePath(str(field.default or ""))
            widget.fileChanged.connect(lambda *_: self.changed.emit(field.name))
        else:
            widget = QLineEdit(self)
            if kind == FieldKind.PASSWORD:
                widget.setEchoMode(QLineEdit.EchoMode.Password)
            widget.setPlaceholderText(field.placeholder)
            widget.setText("" if field.default is None else str(field.default))
            widget.setCursorPosition(0)
            widget.textEdited.connect(lambda *_: self.changed.emit(field.name))
        return widget

    def resizeEvent(self, event):
        super().resizeEvent(event)
        fit_form_rows(self.width(), self._main, self._more_layout)

    # -- reading and filling
    def widget(self, name: str) -> Optional[QWidget]:
        return self.widgets.get(name)

    def values(self) -> Dict[str, Any]:
        return {name: self._get(self.fields[name], widget) for name, widget in self.widgets.items()}

    def set_values(self, values: Dict[str, Any]):
        for name, value in values.items():
            if name in self.widgets:
                self._set(self.fields[name], self.widgets[name], value)

    def remember(self, key: str):
        """Save the values (never a password) under `key` in the plugin's settings, for the next session."""
        saved = {name: value for name, value in self.values().items()
                 if self.fields[name].kind != FieldKind.PASSWORD}
        settings.set_value(key, json.dumps(saved, default=str))

    def restore(self, key: str):
        """Put back the values saved under `key` (those of fields still shown)."""
        try:
            saved = json.loads(settings.get(key, "") or "{}")
        except (TypeError, ValueError):
            saved = {}
        if isinstance(saved, dict):
            self.set_values({name: value for name, value in saved.items() if name in self.fields
                             and self.fields[name].kind != FieldKind.PASSWORD})

    def set_enabled(self, enabled: bool):
        for widget in self.widgets.values():
            widget.setEnabled(enabled)

    @staticmethod
    def _get(field: Field, widget):
        kind = field.kind
        if kind == FieldKind.BOOL:
            return widget.isChecked()
        if kind == FieldKind.CHOICE:
            return widget.currentData()
        if kind == FieldKind.CHOICES:
            return tuple(value for value, check in widget.checks.items() if check.isChecked())
        if kind in (FieldKind.INT, FieldKind.FLOAT):
            return widget.value()
        if kind == FieldKind.DATE:
            return None if widget.isNull() or not widget.date().isValid() else widget.date().toString("yyyy-MM-dd")
        if kind in (FieldKind.FILE, FieldKind.FOLDER):
            return widget.filePath().strip()
        text = widget.text()
        return text if kind == FieldKind.PASSWORD else text.strip()

    @staticmethod
    def _set(field: Field, widget, value):
        kind = field.kind
        if kind == FieldKind.BOOL:
            widget.setChecked(bool(value))
        elif kind == FieldKind.CHOICE:
            index = widget.findData(value)
            if index >= 0:
                widget.setCurrentIndex(index)
        elif kind == FieldKind.CHOICES:
            for choice, check in widget.checks.items():
                check.setChecked(choice in (value or ()))
        elif kind == FieldKind.INT:
            widget.setValue(int(value or 0))
        elif kind == FieldKind.FLOAT:
            widget.setValue(float(value or 0.0))
        elif kind == FieldKind.DATE:
            date = QDate.fromString(str(value), "yyyy-MM-dd") if value else QDate()
            if date.isValid():
                widget.setDate(date)
            else:
                widget.clear()
        elif kind in (FieldKind.FILE, FieldKind.FOLDER):
            widget.setFilePath(str(value or ""))
        else:
            widget.setText("" if value is None else str(value))
            widget.setCursorPosition(0)
