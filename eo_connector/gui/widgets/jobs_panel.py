"""Jobs tab: every job the JobManager knows (interrupted ones included) with its state and progress (its message in
the row's tooltip); Cancel, Follow again, Open output folder, Remove; under the list, the selected job's message or
error in words, its credits and folder. Cancel says what it stops (the operation's cancel_note) and asks first when
the operation is costly (the server computes and charges)."""

import html
import os
from typing import Dict, Optional

from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import QHeaderView, QProgressBar, QTreeWidgetItem, QWidget

from ...core.errors import EOError
from ...core.i18n import amount, tr
from ...core.models import JobRecord, JobState
from ...core.platform import Operation
from ...providers import registry
from ...qgis_glue.jobs import JobManager
from .ui import ask_yes_no, breakable, icon, load_form

COLUMN_TITLE, COLUMN_STATE, COLUMN_PROGRESS = range(3)
FOLLOWABLE = (JobState.INTERRUPTED, JobState.FAILED, JobState.CANCELLED)
STATE_COLORS = {JobState.FAILED: QColor("#c0392b"), JobState.SUCCEEDED: QColor("#1e8449"),
                JobState.INTERRUPTED: QColor("#b9770e")}


def state_names():
    return {
        JobState.QUEUED: tr("Queued"), JobState.RUNNING: tr("Running"), JobState.SUCCEEDED: tr("Done"),
        JobState.FAILED: tr("Failed"), JobState.CANCELLED: tr("Cancelled"), JobState.INTERRUPTED: tr("Interrupted"),
    }


class JobsPanel(QWidget, load_form("jobs_panel")):
    def __init__(self, jobs: JobManager, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.jobs = jobs
        self.items: Dict[str, QTreeWidgetItem] = {}
        self.bars: Dict[str, QProgressBar] = {}

        self.jobsTree.setHeaderLabels([tr("Job"), tr("State"), tr("Progress")])
        header = self.jobsTree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMN_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMN_STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN_PROGRESS, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(40)
        header.resizeSection(COLUMN_PROGRESS, 64)
        # The title column takes what is left (elided in the middle, whole in its tooltip); the message is in the
        # row's tooltip and below the list.
        self.jobsTree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        for button, name, text, tip in (
            (self.cancelButton, "cancel", tr("Cancel"), tr("Stop the selected job")),
            (self.followButton, "follow", tr("Follow again"), tr("Resume an interrupted, failed or cancelled job")),
            (self.openFolderButton, "folder", tr("Open folder"), tr("Open the job's output folder")),
            (self.removeButton, "remove", tr("Remove"), tr("Remove the job from the list (files are kept)")),
        ):
            button.setIcon(icon(name))
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
        # Words where an icon alone would be unclear; the folder and minus icons speak for themselves (narrow dock).
        for button in (self.cancelButton, self.followButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancelButton.clicked.connect(self.cancel_job)
        self.followButton.clicked.connect(self.follow_job)
        self.openFolderButton.clicked.connect(self.open_output_folder)
        self.removeButton.clicked.connect(self.remove_job)
        self.jobsTree.itemSelectionChanged.connect(self._update_details)
        jobs.jobChanged.connect(self.refresh_job)
        jobs.jobFinished.connect(self.refresh_job)
        self.reload()

    # -- the list
    def reload(self):
        """Fill the list from the job store (jobs interrupted when QGIS closed included)."""
        records = self.jobs.jobs()
        for job_id in set(self.items) - {r.id for r in records}:
            self._remove_row(job_id)
        for record in reversed(records):  # newest first: each new row goes to the top
            self._show(record)
        if self.selected_job_id() is None and self.jobsTree.topLevelItemCount():
            self.jobsTree.setCurrentItem(self.jobsTree.topLevelItem(0))
        self._update_details()

    def refresh_job(self, job_id: str):
        try:
            record = self.jobs.get(job_id)
        except EOError:  # removed
            self._remove_row(job_id)
        else:
            self._show(record)
        if job_id == self.selected_job_id() or job_id not in self.items:
            self._update_details()

    def _show(self, record: JobRecord):
        item = self.items.get(record.id)
        if item is None:
            item = QTreeWidgetItem()
            item.setData(COLUMN_TITLE, Qt.ItemDataRole.UserRole, record.id)
            self.jobsTree.insertTopLevelItem(0, item)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setTextVisible(True)
            bar.setMaximumHeight(18)
            bar.setMinimumWidth(0)
            self.jobsTree.setItemWidget(item, COLUMN_PROGRESS, bar)
            self.items[record.id], self.bars[record.id] = item, bar
        state = state_names().get(record.state, record.state)
        message = record.error if record.state == JobState.FAILED and record.error else record.message
        tip = f"{record.title}\n{message}" if message else record.title
        item.setText(COLUMN_TITLE, record.title)
        item.setText(COLUMN_STATE, state)
        item.setForeground(COLUMN_STATE, STATE_COLORS.get(record.state, self.palette().text().color()))
        for column in (COLUMN_TITLE, COLUMN_STATE, COLUMN_PROGRESS):
            item.setToolTip(column, tip)
        self.bars[record.id].setValue(int(round(max(0.0, min(1.0, record.progress or 0.0)) * 100)))

    def _remove_row(self, job_id: str):
        item = self.items.pop(job_id, None)
        self.bars.pop(job_id, None)
        if item is not None:
            index = self.jobsTree.indexOfTopLevelItem(item)
            if index >= 0:
                self.jobsTree.takeTopLevelItem(index)

    def selected_job_id(self) -> Optional[str]:
        item = self.jobsTree.currentItem()
        if item is None or not item.isSelected():
            return None
        return item.data(COLUMN_TITLE, Qt.ItemDataRole.UserRole)

    def selected_job(self) -> Optional[JobRecord]:
        job_id = self.selected_job_id()
        try:
            return self.jobs.get(job_id) if job_id else None
        except EOError:
            return None

    def select_job(self, job_id: str):
        if job_id not in self.items:
            self.refresh_job(job_id)
        item = self.items.get(job_id)
        if item is not None:
            self.jobsTree.setCurrentItem(item)
            self.jobsTree.scrollToItem(item)

    # -- details of the selected job
    def _update_details(self):
        record = self.selected_job()
        running = record is not None and self.jobs.is_running(record.id)
        self.cancelButton.setEnabled(running)
        operation = operation_of(record) if record is not None else None
        self.cancelButton.setToolTip(operation.cancel_note(record) if running and operation is not None
                                     else tr("Stop the selected job"))
        self.followButton.setEnabled(record is not None and not running and record.state in FOLLOWABLE)
        self.openFolderButton.setEnabled(record is not None and bool(record.output_dir)
                                         and os.path.isdir(record.output_dir))
        self.removeButton.setEnabled(record is not None)
        self.detailsLabel.setText(self.details_html(record) if record else
                                  html.escape(tr("No job yet: processing runs and downloads you start are listed here.")) if not self.items
                                  else "")

    def details_html(self, record: JobRecord) -> str:
        lines = ["<b>" + html.escape(breakable(record.title)) + "</b> — "
                 + html.escape(state_names().get(record.state, record.state))]
        if record.error:
            lines.append("<span style='color:#c0392b'>" + html.escape(breakable(record.error)) + "</span>")
        elif record.message:
            lines.append(html.escape(breakable(record.message)))
        before, after = record.remote.get("credits_before"), record.remote.get("credits_after")
        if before is not None and after is not None:
            lines.append(html.escape(tr("Credits: {before} before, {after} after (used {used})",
                                        before=amount(before), after=amount(after),
                                        used=amount(before - after) if _numbers(before, after) else "?")))
        elif before is not None:
            lines.append(html.escape(tr("Credits before: {before}", before=amount(before))))
        if record.state == JobState.INTERRUPTED:
            lines.append(html.escape(tr("QGIS was closed while this job ran: press Follow again to resume it.")))
        layers = self.jobs.layers.get(record.id)
        if layers:
            name = breakable(record.title)
            lines.append(html.escape(tr("1 layer loaded in group {name}", name=name) if len(layers) == 1 else
                                     tr("{count} layers loaded in group {name}", count=len(layers), name=name)))
        if record.output_dir:
            lines.append(html.escape(tr("Output: {path}", path=breakable(record.output_dir))))
        return "<br>".join(lines)

    # -- actions
    def cancel_job(self):
        """Stop the selected job; a costly one (the server computes and charges) only once the user has read what
        cancelling stops and agreed."""
        record = self.selected_job()
        if record is None or not self.jobs.is_running(record.id):
            return
        operation = operation_of(record)
        if operation is not None and operation.costly:
            question = tr("Cancel {name}?", name=record.title) + "\n\n" + operation.cancel_note(record)
            if not self.confirm(tr("Cancel job"), question):
                return
        self.jobs.cancel(record.id)

    def follow_job(self):
        job_id = self.selected_job_id()
        if not job_id:
            return
        try:
            self.jobs.follow(job_id)
        except EOError as err:
            self.detailsLabel.setText("<span style='color:#c0392b'>" + html.escape(str(err)) + "</span>")
            return
        self._update_details()

    def open_output_folder(self):
        record = self.selected_job()
        if record and record.output_dir and os.path.isdir(record.output_dir):
            self.open_url(QUrl.fromLocalFile(record.output_dir))

    def open_url(self, url: QUrl):
        """Hand the folder to the desktop (tests replace this method)."""
        QDesktopServices.openUrl(url)

    def remove_job(self):
        record = self.selected_job()
        if record is None:
            return
        question = tr("Remove the job {name} from the list? Its files stay in {path}.", name=record.title,
                      path=record.output_dir or "-")
        if self.jobs.is_running(record.id):
            question = tr("The job {name} is still running: cancel it and remove it from the list?",
                          name=record.title)
        if self.confirm(tr("Remove job"), question):
            self.jobs.remove(record.id)

    def confirm(self, title: str, text: str) -> bool:
        """Yes/no question (tests replace this method)."""
        return ask_yes_no(self, title, text)


def operation_of(record: JobRecord) -> Optional[Operation]:
    platform = registry.find(record.platform)
    return platform.operations().get(record.kind) if platform is not None else None


def _numbers(*values) -> bool:
    return all(isinstance(v, (int, float)) for v in values)

