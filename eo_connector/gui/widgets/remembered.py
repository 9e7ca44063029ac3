"""Choices that come back after a restart: the values of a form's widgets saved under a settings key (JSON in
QgsSettings through qgis_glue.settings: nothing secret is ever given here) and put back when the form is built.

Knows the widgets forms are made of: date edits (empty stays empty), spin boxes, line and text edits, combo boxes
(by their data), check boxes and radio buttons, file widgets."""

import json
from typing import Dict

from qgis.gui import QgsDateEdit, QgsFileWidget
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ...qgis_glue import settings


def widget_value(widget: QWidget):
    if isinstance(widget, QgsDateEdit):
        return None if widget.isNull() or not widget.date().isValid() else widget.date().toString("yyyy-MM-dd")
    if isinstance(widget, QAbstractSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return data if data is not None else widget.currentText()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QgsFileWidget):
        return widget.filePath()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return None


def set_widget_value(widget: QWidget, value) -> None:
    if isinstance(widget, QgsDateEdit):
        date = QDate.fromString(str(value), "yyyy-MM-dd") if value else QDate()
        if date.isValid():
            widget.setDate(date)
        else:
            widget.clear()
    elif isinstance(widget, QAbstractSpinBox) and isinstance(value, (int, float)):
        widget.setValue(type(widget.value())(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index >= 0:
            widget.setCurrentIndex(index)
        elif widget.isEditable() and isinstance(value, str):
            widget.setEditText(value)
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
        widget.setChecked(value)
    elif isinstance(widget, QgsFileWidget) and isinstance(value, str):
        widget.setFilePath(value)
    elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
        widget.setCursorPosition(0)


def remember(key: str, widgets: Dict[str, QWidget]) -> None:
    """Save the widgets' values under `key`."""
    settings.set_value(key, json.dumps({name: widget_value(w) for name, w in widgets.items()}))


def restore(key: str, widgets: Dict[str, QWidget]) -> dict:
    """Put back the values saved under `key` (those of widgets that still exist); returns what was saved."""
    try:
        saved = json.loads(settings.get(key, "") or "{}")
    except (TypeError, ValueError):
        saved = {}
    if not isinstance(saved, dict):
        return {}
    for name, widget in widgets.items():
        if name in saved:
            set_widget_value(widget, saved[name])
    return saved
