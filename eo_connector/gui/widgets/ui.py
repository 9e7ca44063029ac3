"""GUI helpers shared by the panels: .ui forms, icons, yes/no questions and remote calls in a background task."""

from typing import Callable, Dict, Tuple

from qgis.PyQt import sip, uic
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMessageBox

from ...qgis_glue.resources import resource_path
from ...qgis_glue.tasks import OperationTask, start_task

_forms: Dict[str, Tuple[type, type]] = {}


ERROR_STYLE = "color: #c0392b;"


def show_message(label, text: str, error: bool = False):
    """A panel's message line: hidden when empty, red for an error."""
    label.setText(breakable(text))
    label.setStyleSheet(ERROR_STYLE if error else "")
    label.setVisible(bool(text))


def load_form(name: str) -> type:
    """The generated form class of resources/ui/<name>.ui (parsed once)."""
    if name not in _forms:
        _forms[name] = uic.loadUiType(resource_path("ui", name + ".ui"))
    return _forms[name][0]


def icon(name: str) -> QIcon:
    return QIcon(resource_path("icons", name + ".svg"))


def tool_button(parent, name: str, icon_name: str, tip: str):
    """A flat icon button with its tooltip."""
    from qgis.PyQt.QtWidgets import QToolButton

    button = QToolButton(parent)
    button.setObjectName(name)
    button.setIcon(icon(icon_name))
    button.setAutoRaise(True)
    button.setToolTip(tip)
    return button


def ask_yes_no(parent, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def run_in_background(owner, description: str, operation: Callable, on_done: Callable) -> OperationTask:
    """Run `operation(progress)` in a QgsTask; `on_done(result, error)` is called on the GUI thread, and only if
    `owner` (a widget) still exists. The task is kept referenced by `owner` until it ends."""
    task = OperationTask(description, operation)
    running = owner.__dict__.setdefault("_background_tasks", set())
    running.add(task)

    def finished(result, error):
        running.discard(task)
        if not sip.isdeleted(owner):
            on_done(result, error)

    task.done.connect(finished)
    start_task(task)
    return task


def busy_tasks(owner) -> int:
    """How many background calls started by `owner` are still running (tests wait on this)."""
    return len(owner.__dict__.get("_background_tasks", ()))


_BREAK_AFTER = "/\\_-.:,;=&?"
ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str, longest: int = 16) -> str:
    """`text` with invisible break opportunities after / _ - . : (and every `longest` characters) inside long words,
    so a word-wrapped label never widens the dock for a path, a product id or a URL."""
    words = []
    for word in str(text).split(" "):
        if len(word) <= longest:
            words.append(word)
            continue
        pieces, run = [], 0
        for char in word:
            pieces.append(char)
            run += 1
            if char in _BREAK_AFTER or run >= longest:
                pieces.append(ZERO_WIDTH_SPACE)
                run = 0
        words.append("".join(pieces).rstrip(ZERO_WIDTH_SPACE))
    return " ".join(words)


NARROW_FORM = 420  # px: below this, a form's labels go above their fields


def fit_form_rows(width: int, *layouts):
    """Labels beside their fields in a wide dock, above them in a narrow one (call from resizeEvent)."""
    from qgis.PyQt.QtWidgets import QFormLayout

    policy = QFormLayout.RowWrapPolicy.WrapAllRows if width < NARROW_FORM else QFormLayout.RowWrapPolicy.WrapLongRows
    for layout in layouts:
        if layout.rowWrapPolicy() != policy:
            layout.setRowWrapPolicy(policy)


def fit_row(width: int, layout):
    """A row of buttons side by side in a wide dock, one under the other in a narrow one (call from resizeEvent;
    `layout` is a QBoxLayout)."""
    from qgis.PyQt.QtWidgets import QBoxLayout

    direction = QBoxLayout.Direction.TopToBottom if width < NARROW_FORM else QBoxLayout.Direction.LeftToRight
    if layout.direction() != direction:
        layout.setDirection(direction)

