"""What "fits a dock" means, checked on a shown dock: it keeps the width it is given (its contents do not force it
wider), no horizontal scrollbar shows, and no control is narrower than its minimum size hint or cut by the edge of
what contains it. Every tab is looked at in turn."""

from typing import List

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QWidget,
)

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QLabel, QProgressBar, QPlainTextEdit,
            QgsFileWidget, QAbstractItemView)
COMPOUND = (QComboBox, QAbstractSpinBox, QgsFileWidget, QTabBar, QAbstractItemView)  # their parts are theirs


def _name(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    text = text if isinstance(text, str) else ""
    return f"{type(widget).__name__} {widget.objectName() or '?'} {text[:40]!r}"


def _inside_compound(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def fit_problems(dock, width: int) -> List[str]:
    """What does not fit in `dock` (shown) at `width` px, on the tab shown now."""
    problems = []
    if dock.width() != width:
        problems.append(f"the dock is {dock.width()} px wide instead of {width}")
    for area in dock.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            problems.append(f"horizontal scrollbar in {_name(area)}")
    for widget in dock.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or _inside_compound(widget, dock):
            continue
        hint = widget.minimumSizeHint()
        if hint.isValid() and widget.width() < hint.width():
            problems.append(f"{_name(widget)} is {widget.width()} px wide, its minimum is {hint.width()}")
        seen = widget.visibleRegion().boundingRect()
        if not seen.isEmpty() and seen.width() < widget.width() and seen.height() == widget.height():
            problems.append(f"{_name(widget)} is cut: {seen.width()} of {widget.width()} px show")
        right = widget.mapTo(dock, widget.rect().topRight()).x()
        if seen.width() and right > dock.width():
            problems.append(f"{_name(widget)} ends at {right} px, past the dock's edge")
    return problems


def check_every_tab(dock, qtbot, widths=(320, 400, 600), height=650) -> List[str]:
    """fit_problems for each width and each tab shown; restores the tab that was current."""
    problems = []
    current = dock.tabs.currentIndex()
    for width in widths:
        dock.resize(width, height)
        for index in range(dock.tabs.count()):
            if not dock._tab_shown(index):
                continue
            dock.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            qtbot.wait(1)
            problems += [f"{width} px, tab {dock.tabs.tabText(index)!r}: {p}" for p in fit_problems(dock, width)]
    dock.tabs.setCurrentIndex(current)
    return problems
