"""Help per dock tab: the README's section for it, shown in a window of its own (the README ships in the plugin
zip, so it works offline and matches the installed version), with a link to the same section online (the
homepage of metadata.txt).

Sections are found by their GitHub anchor (the heading in lower case, punctuation dropped, spaces as hyphens); a
platform page names its section with `help_anchor()`, else the anchor of its title is used.
"""

import configparser
import re
from typing import List, Optional

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ...core.i18n import tr
from ...core.log import logger
from ...qgis_glue.resources import doc_path

# The dock's own tabs -> README anchors ("A walk through the dock").
HELP_SECTIONS = {"connections": "connections", "area": "area-of-interest", "results": "results", "jobs": "jobs",
                 "walk": "a-walk-through-the-dock"}
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def anchor_of(title: str) -> str:
    """GitHub's anchor of a heading: "Area of interest" -> "area-of-interest"."""
    text = re.sub(r"[^\w\- ]", "", title.strip().lower(), flags=re.UNICODE)
    return text.replace(" ", "-")


def readme_lines() -> List[str]:
    try:
        with open(doc_path("README.md"), encoding="utf-8") as handle:
            return handle.read().splitlines()
    except OSError as err:
        logger.info("README not found for the help: %s", err)
        return []


def section(anchor: str, lines: Optional[List[str]] = None) -> str:
    """The Markdown of the README section with this anchor (its heading and everything down to the next heading of
    the same or a higher level); "" when there is none."""
    lines = readme_lines() if lines is None else lines
    start, level = None, 0
    for number, line in enumerate(lines):
        match = _HEADING.match(line)
        if not match:
            continue
        depth = len(match.group(1))
        if start is None:
            if anchor_of(match.group(2)) == anchor:
                start, level = number, depth
        elif depth <= level:
            return "\n".join(lines[start:number]).strip()
    return "\n".join(lines[start:]).strip() if start is not None else ""


def online_url(anchor: str) -> str:
    """The same section on the project's page (metadata.txt: homepage, else repository); "" when unknown."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(doc_path("metadata.txt"), encoding="utf-8")
        base = parser.get("general", "homepage", fallback="") or parser.get("general", "repository", fallback="")
    except configparser.Error:
        base = ""
    return f"{base.rstrip('/')}#{anchor}" if base else ""


class HelpDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("EOConnectorHelp")
        self.resize(560, 620)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        layout.addWidget(self.browser)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.onlineButton = self.buttons.addButton(tr("Read online"), QDialogButtonBox.ButtonRole.HelpRole)
        self.onlineButton.setToolTip(tr("Open this section of the guide in your web browser"))
        self.buttons.rejected.connect(self.close)
        self.onlineButton.clicked.connect(lambda: self.open_url(QUrl(self.url)))
        layout.addWidget(self.buttons)
        self.anchor, self.url, self.markdown = "", "", ""

    def show_section(self, anchor: str):
        self.anchor, self.url = anchor, online_url(anchor)
        text = section(anchor) or section(HELP_SECTIONS["walk"])
        self.markdown = text or tr("The guide (README.md) is not installed with the plugin; read it online.")
        self.setWindowTitle(tr("EO Connector help"))
        if hasattr(self.browser, "setMarkdown"):  # Qt 5.14 and later
            self.browser.setMarkdown(self.markdown)
        else:
            self.browser.setPlainText(self.markdown)
        self.onlineButton.setVisible(bool(self.url))

    def open_url(self, url: QUrl):
        """Hand the link to the web browser (tests replace this method)."""
        QDesktopServices.openUrl(url)


def show_help(anchor: str, parent) -> HelpDialog:
    """The help window of `parent` (one, reused), showing the section `anchor`."""
    dialog = getattr(parent, "help_dialog", None)
    if not isinstance(dialog, HelpDialog):
        dialog = HelpDialog(parent)
    dialog.show_section(anchor)
    dialog.show()
    dialog.raise_()
    return dialog
