"""The "New connection" dialog: a name, the platform, and the fields that platform's connection form asks for
(core.platform.ConnectionForm: e.g. a server and an e-mail and password, or an environment and a sign-in method),
shown again as the user's choices change them.

OK signs in in a background task; the dialog closes only when the sign-in succeeded (nothing is saved before) and
shows the reason in words when it did not. While a sign-in runs, Cancel stops it and keeps the dialog open.
"""

from typing import Optional

from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox

from ...core.errors import Cancelled, EOError
from ...core.i18n import tr
from ...core.models import Connection
from ...core.platform import ConnectionForm, FieldKind, Platform
from ...providers import registry
from ...qgis_glue.browser_sign_in import BrowserOpener, open_in_system_browser
from ...qgis_glue.connections import Connections
from .dependency_notice import DependencyNotice
from .field_form import FieldForm
from .ui import load_form, run_in_background, show_message

MIN_WIDTH = 460  # px: the fields beside their labels


class _Attempt:
    """One press of OK: its connection, task, and whether the user gave up on it."""

    def __init__(self, connection: Connection):
        self.connection = connection
        self.task = None
        self.abandoned = False


class ConnectionDialog(QDialog, load_form("connection_dialog")):
    def __init__(self, connections: Connections, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.connections = connections
        self.connection: Optional[Connection] = None  # the saved connection, once signed in
        self.account: Optional[dict] = None  # the account of that connection
        self.attempt: Optional[_Attempt] = None
        self.extra_values: dict = {}  # values no widget shows (tests: a free redirect port)
        self.open_url = open_in_system_browser  # tests replace it with a fake browser
        self.browser = BrowserOpener(lambda url: self.open_url(url), self)
        self.browser.failed.connect(self._browser_failed)
        self.current_form: Optional[ConnectionForm] = None

        self.setWindowTitle(tr("New connection"))
        self.nameLabel.setText(tr("Name"))
        self.platformLabel.setText(tr("Platform"))
        self.form = FieldForm([], self)
        self.fieldsLayout.addWidget(self.form)
        self.dependencies = DependencyNotice(self)  # the platform's own packages, when missing
        self.fieldsLayout.addWidget(self.dependencies)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        for platform in registry.platforms():
            if platform.connection_form({}).fields is not None:
                self.platformCombo.addItem(platform.title, platform.id)
        self.platformCombo.currentIndexChanged.connect(self._platform_changed)
        self.form.changed.connect(self._field_changed)
        self.buttonBox.accepted.connect(self.sign_in)
        self.buttonBox.rejected.connect(self.reject)
        self._platform_changed()

    @property
    def ok_button(self):
        return self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def platform(self) -> Platform:
        return registry.get(self.platformCombo.currentData())

    def set_platform(self, platform_id: str):
        self.platformCombo.setCurrentIndex(max(self.platformCombo.findData(platform_id), 0))

    def values(self) -> dict:
        return dict(self.form.values(), **self.extra_values)

    def set_values(self, values: dict):
        """Fill fields by name (choices first, since they decide which other fields are shown)."""
        for name, value in sorted(values.items(), key=lambda kv: self.form.fields.get(kv[0]) is None or
                                  self.form.fields[kv[0]].kind != FieldKind.CHOICE):
            if name not in self.form.fields:
                self._refresh()
            self.form.set_values({name: value})
            self._refresh()

    # -- what the form shows
    def _platform_changed(self, *_):
        self.nameEdit.setPlaceholderText(tr("e.g. My {platform} account", platform=self.platform().title))
        self.form.set_fields([], keep_values=False)
        self.dependencies.set_platform(self.platform())
        self._refresh()

    def _field_changed(self, name: str):
        field = self.form.fields.get(name)
        if field is not None and field.kind in (FieldKind.CHOICE, FieldKind.FILE):
            self._refresh()

    def _refresh(self):
        """Ask the platform what its form shows for the values so far."""
        form = self.current_form = self.platform().connection_form(self.values())
        self.form.set_fields(form.fields)
        self.ok_button.setText(form.ok_label or tr("Sign in and save"))
        self.show_message(form.note, error=bool(form.note))
        labels = [self.nameLabel, self.platformLabel] + list(self.form.labels.values())
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:  # the two forms' fields line up
            label.setMinimumWidth(width)
        self.layout().activate()
        self.resize(max(self.width(), MIN_WIDTH), self.sizeHint().height())  # no blank area under fewer fields

    def show_message(self, text: str, error: bool = False):
        show_message(self.messageLabel, text, error)

    # -- signing in
    def _checked_input(self):
        platform = self.platform()
        values = self.values()
        connection = platform.connection_from_form(self.nameEdit.text().strip(), values)
        self.connections.validate(connection)  # name, address, no duplicate: the rules of a saved connection
        return connection, platform.credentials_from_form(values)

    def sign_in(self):
        """OK: check the fields here, then sign in off the GUI thread (nothing is saved before it succeeds)."""
        if self.attempt is not None:
            return
        try:
            connection, credentials = self._checked_input()
        except EOError as err:
            self.show_message(str(err), error=True)
            return
        uses_browser = bool(self.current_form and self.current_form.uses_browser)
        attempt = self.attempt = _Attempt(connection)
        self._set_busy(True)
        opener = self.browser if uses_browser else None
        self.show_message(tr("Waiting for the browser… (Cancel to stop)") if uses_browser
                          else tr("Signing in to {url}…", url=connection.url))

        def operation(progress):
            return self.connections.sign_in(connection, progress=progress, open_browser=opener,
                                            credentials=credentials)

        attempt.task = run_in_background(self, tr("Signing in to {name}", name=connection.name), operation,
                                         lambda account, error: self._signed_in(attempt, account, error))

    def _signed_in(self, attempt: _Attempt, account, error):
        connection = attempt.connection
        if attempt.abandoned:  # the user stopped it meanwhile: keep nothing of this sign-in
            self.connections.forget_session(connection)
            return
        self.attempt = None
        self._set_busy(False)
        if isinstance(error, Cancelled):
            self.show_message(tr("Sign-in stopped."))
            return
        if error is not None:
            self.show_message(str(error), error=True)
            return
        account = account if isinstance(account, dict) else {}
        if account.get("user") and not connection.username:
            connection.username = account["user"]  # learnt from the sign-in (e.g. in the browser)
        try:
            self.connections.add(connection)
        except EOError as err:
            self.connections.forget_session(connection)
            self.show_message(str(err), error=True)
            return
        self.connection, self.account = connection, account
        self.form.set_values({name: "" for name, field in self.form.fields.items()
                              if field.kind == FieldKind.PASSWORD})
        self.accept()

    def stop_sign_in(self, message: str = "", error: bool = False):
        """Give up the sign-in under way (its result, if it still comes, is thrown away)."""
        attempt, self.attempt = self.attempt, None
        if attempt is None:
            return
        attempt.abandoned = True
        if attempt.task is not None:
            attempt.task.cancel()
        self._set_busy(False)
        self.show_message(message or tr("Sign-in stopped."), error)

    def _browser_failed(self):
        self.stop_sign_in(tr("The web browser could not be opened for the sign-in; choose “Username and "
                             "password” instead."), error=True)

    def reject(self):
        """Cancel: first stops a sign-in under way, then closes."""
        if self.attempt is not None:
            self.stop_sign_in()
            return
        super().reject()

    def _set_busy(self, busy: bool):
        self.ok_button.setEnabled(not busy)
        for widget in (self.nameEdit, self.platformCombo):
            widget.setEnabled(not busy)
        self.form.set_enabled(not busy)
