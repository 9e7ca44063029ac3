"""The "new connection" dialog: name, platform, server, e-mail and password. OK signs in in a background task;
the dialog closes only when the server accepted the credentials, and shows the reason in words when it did not."""

from typing import Optional

from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox

from ..connections import PLATFORM_NAMES, Connections
from ..core.errors import EOError
from ..core.i18n import tr
from ..core.models import Connection
from ..providers import brightearth
from .ui import load_form, run_in_background, show_message

DEFAULT_URLS = {brightearth.PLATFORM: brightearth.DEFAULT_URL}


class ConnectionDialog(QDialog, load_form("connection_dialog")):
    def __init__(self, connections: Connections, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.connections = connections
        self.connection: Optional[Connection] = None  # the saved connection, once signed in
        self.account: Optional[dict] = None  # users/me of that connection
        self._pending: Optional[Connection] = None
        self.setWindowTitle(tr("New connection"))
        self.nameLabel.setText(tr("Name"))
        self.platformLabel.setText(tr("Platform"))
        self.urlLabel.setText(tr("Server"))
        self.emailLabel.setText(tr("E-mail"))
        self.passwordLabel.setText(tr("Password"))
        self.nameEdit.setPlaceholderText(tr("e.g. My BrightEarth account"))
        self.emailEdit.setPlaceholderText(tr("you@example.com"))
        self.passwordEdit.setToolTip(tr("Sent only to the server's sign-in; never saved to disk."))
        self.ok_button.setText(tr("Sign in and save"))
        self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        for platform, name in PLATFORM_NAMES.items():
            self.platformCombo.addItem(name, platform)
        self.platformCombo.currentIndexChanged.connect(self._platform_changed)
        self._platform_changed()
        self.buttonBox.accepted.connect(self.sign_in)
        self.buttonBox.rejected.connect(self.reject)
        self.show_message("")

    @property
    def ok_button(self):
        return self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def _platform_changed(self):
        known = set(DEFAULT_URLS.values())
        if not self.urlEdit.text().strip() or self.urlEdit.text().strip() in known:
            self.urlEdit.setText(DEFAULT_URLS.get(self.platformCombo.currentData(), ""))

    def show_message(self, text: str, error: bool = False):
        show_message(self.messageLabel, text, error)

    def _checked_input(self) -> Connection:
        name, url = self.nameEdit.text().strip(), self.urlEdit.text().strip().rstrip("/")
        email, password = self.emailEdit.text().strip(), self.passwordEdit.text()
        connection = Connection(platform=self.platformCombo.currentData(), name=name, url=url, username=email)
        self.connections.validate(connection)  # name, address, no duplicate: the rules of a saved connection
        if not email or "@" not in email:
            raise EOError(tr("Enter the e-mail address of your account."))
        if not password:
            raise EOError(tr("Enter your password."))
        return connection

    def sign_in(self):
        """OK: check the fields here, then sign in off the GUI thread."""
        if self._pending is not None:
            return
        try:
            connection = self._checked_input()
        except EOError as err:
            self.show_message(str(err), error=True)
            return
        password = self.passwordEdit.text()
        self._pending = connection
        self._set_busy(True)
        self.show_message(tr("Signing in to {url}…", url=connection.url))
        run_in_background(self, tr("Signing in to {name}", name=connection.name),
                          lambda progress: self.connections.sign_in(connection, password), self._signed_in)

    def _signed_in(self, account, error):
        connection, self._pending = self._pending, None
        if not self.isVisible():  # cancelled meanwhile: keep nothing of this sign-in
            self.connections.forget_session(connection)
            return
        self._set_busy(False)
        if error is not None:
            self.show_message(str(error), error=True)
            return
        try:
            self.connections.add(connection)
        except EOError as err:
            self.connections.forget_session(connection)
            self.show_message(str(err), error=True)
            return
        self.connection, self.account = connection, account if isinstance(account, dict) else {}
        self.passwordEdit.clear()
        self.accept()

    def _set_busy(self, busy: bool):
        self.ok_button.setEnabled(not busy)
        for field in (self.nameEdit, self.platformCombo, self.urlEdit, self.emailEdit, self.passwordEdit):
            field.setEnabled(not busy)
