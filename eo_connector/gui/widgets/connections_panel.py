"""Connections section: the saved connections, Add / Test / Remove, a status line (who is signed in, how many
credits, or why not) and a sign-in prompt when a connection has no session (a password; for Terrascope also the
browser sign-in, which can be stopped). Every remote call runs in a task."""

from typing import Dict, Optional

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QWidget

from ...core.errors import Cancelled, EOError, SessionExpired
from ...core.i18n import number, tr
from ...core.models import Connection
from ...providers import terrascope
from ...qgis_glue.browser_sign_in import BrowserOpener, open_in_system_browser
from ...qgis_glue.connections import PLATFORM_NAMES, Connections
from .connection_dialog import ConnectionDialog
from .ui import ERROR_STYLE, ask_yes_no, icon, load_form, run_in_background


def format_credits(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        return f"{value:,.2f}"
    return number(value) if isinstance(value, int) else str(value)


class ConnectionsPanel(QWidget, load_form("connections_panel")):
    connectionChanged = pyqtSignal(object)  # the current Connection, or None
    accountChanged = pyqtSignal(object)  # users/me of the current connection (credits...), or None when unknown

    def __init__(self, connections: Connections, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.connections = connections
        self.accounts: Dict[str, dict] = {}  # connection id -> last users/me answer
        self.errors: Dict[str, str] = {}  # connection id -> last error sentence
        self.checking: set = set()  # connection ids with a call under way
        self.browser_tasks: Dict[str, object] = {}  # connection id -> browser sign-in task waiting for the user
        self.connection_dialog: Optional[ConnectionDialog] = None
        self.open_url = open_in_system_browser  # tests replace it with a fake browser
        self.browser = BrowserOpener(lambda url: self.open_url(url), self)
        self.browser.failed.connect(self._browser_failed)

        self.connectionCombo.setToolTip(tr("Saved connections"))
        self.addButton.setIcon(icon("add"))
        self.addButton.setToolTip(tr("Add a connection"))
        self.testButton.setIcon(icon("test"))
        self.removeButton.setIcon(icon("remove"))
        self.removeButton.setToolTip(tr("Remove this connection"))
        self.passwordEdit.setPlaceholderText(tr("Password"))
        self.signInButton.setText(tr("Sign in"))
        self.browserSignInButton.setToolTip(tr("Sign in on the catalogue's page in your web browser"))
        self.statusLabel.setOpenExternalLinks(False)

        self.addButton.clicked.connect(self.add_connection)
        self.testButton.clicked.connect(self.test_connection)
        self.removeButton.clicked.connect(self.remove_connection)
        self.signInButton.clicked.connect(self.sign_in)
        self.browserSignInButton.clicked.connect(self.sign_in_with_browser)
        self.passwordEdit.returnPressed.connect(self.sign_in)
        self.connectionCombo.currentIndexChanged.connect(self._current_changed)
        self.reload()

    # -- the list
    def reload(self, select_id: str = ""):
        current = select_id or (self.current_connection().id if self.current_connection() else "")
        self.connectionCombo.blockSignals(True)
        self.connectionCombo.clear()
        for connection in self.connections.all():
            label = tr("{name} ({platform})", name=connection.name,
                       platform=PLATFORM_NAMES.get(connection.platform, connection.platform))
            self.connectionCombo.addItem(label, connection.id)
        index = self.connectionCombo.findData(current)
        self.connectionCombo.setCurrentIndex(index if index >= 0 else 0)
        self.connectionCombo.blockSignals(False)
        self._current_changed()

    def current_connection(self) -> Optional[Connection]:
        connection_id = self.connectionCombo.currentData()
        if not connection_id:
            return None
        return next((c for c in self.connections.all() if c.id == connection_id), None)

    def current_account(self) -> Optional[dict]:
        connection = self.current_connection()
        return self.accounts.get(connection.id) if connection else None

    def _current_changed(self, *_):
        self.update_status()
        self.connectionChanged.emit(self.current_connection())
        self.accountChanged.emit(self.current_account())

    # -- status line and sign-in prompt
    def update_status(self):
        connection = self.current_connection()
        for button in (self.testButton, self.removeButton):
            button.setEnabled(connection is not None)
        needs_password = False
        error = False
        if connection is not None and connection.platform == terrascope.PLATFORM:
            self._update_terrascope_status(connection)
            return
        self.testButton.setToolTip(tr("Test the connection (sign in again and read your credits)"))
        self.browserSignInButton.setVisible(False)
        self.passwordEdit.setVisible(True)
        self.signInButton.setVisible(True)
        if connection is None:
            text = tr("No connection yet: press + to add your BrightEarth or Terrascope account.")
        elif connection.id in self.checking:
            text = tr("Checking {name}…", name=connection.name)
        elif connection.id in self.errors:
            text, error = self.errors[connection.id], True
            needs_password = not self.connections.has_session(connection)
        elif connection.id in self.accounts:
            account = self.accounts[connection.id]
            email = account.get("email") or connection.username
            if account.get("credits") is None:
                text = tr("Signed in as {email}", email=email)
            else:
                text = tr("Signed in as {email} — {credits} credits", email=email,
                          credits=format_credits(account["credits"]))
        elif self.connections.has_session(connection):
            text = tr("Signed in as {email}; press Test to read your credits.", email=connection.username)
        else:
            text = tr("Not signed in: enter the password of {email}.", email=connection.username)
            needs_password = True
        self.statusLabel.setText(text)
        self.statusLabel.setStyleSheet(ERROR_STYLE if error else "")
        self.signInWidget.setVisible(needs_password and connection.id not in self.checking)
        self.signInButton.setEnabled(connection is not None and connection.id not in self.checking)

    def _update_terrascope_status(self, connection: Connection):
        """Who is signed in, "no sign-in needed" (CGLS), or the sign-in prompt with the methods the catalogue offers."""
        self.testButton.setToolTip(tr("Test the connection (renew the session and list the collections)"))
        waiting = connection.id in self.browser_tasks
        config, config_error = None, ""
        try:
            config = self.connections.catalogue_config(connection)
        except EOError as err:  # e.g. its custom .ini file was moved
            config_error = str(err)
        account = self.accounts.get(connection.id) or {}
        username = account.get("username") or connection.username
        collections = account.get("collections")
        error = False
        signed_in = config is not None and self.connections.has_session(connection)
        if waiting:
            text = tr("Waiting for the browser… (Cancel to stop)")
        elif connection.id in self.checking:
            text = tr("Checking {name}…", name=connection.name)
        elif config_error or connection.id in self.errors:
            text, error = config_error or self.errors[connection.id], True
        elif config is not None and not config.needs_sign_in:
            text = tr("No sign-in needed: this catalogue is open to all.")
        elif signed_in:
            text = tr("Signed in as {username}", username=username) if username else tr("Signed in")
        else:
            text = tr("Not signed in: sign in again with your password or in the browser.")
        if collections is not None and not error and not waiting:
            text = tr("{status} — the catalogue lists {count} collections.", status=text, count=collections)
        self.statusLabel.setText(text)
        self.statusLabel.setStyleSheet(ERROR_STYLE if error else "")
        needs_sign_in = (config is not None and config.needs_sign_in and not signed_in
                         and connection.id not in self.checking)
        password_offered = config is not None and config.non_interactive_supported
        browser_offered = config is not None and config.interactive_supported and bool(config.authorization_endpoint)
        self.signInWidget.setVisible(needs_sign_in or waiting)
        self.passwordEdit.setVisible(password_offered and not waiting)
        self.signInButton.setVisible(password_offered and not waiting)
        self.signInButton.setEnabled(connection.id not in self.checking)
        self.browserSignInButton.setVisible(browser_offered or waiting)
        self.browserSignInButton.setText(tr("Cancel") if waiting else tr("Sign in with the browser"))

    def set_credits(self, connection_id: str, credits):
        """Credits learnt elsewhere (e.g. after a scenario): shown without asking the server again."""
        account = dict(self.accounts.get(connection_id) or {})
        account["credits"] = credits
        self.accounts[connection_id] = account
        current = self.current_connection()
        if current and current.id == connection_id:
            self.update_status()
            self.accountChanged.emit(account)

    # -- actions
    def add_connection(self):
        dialog = ConnectionDialog(self.connections, self)
        dialog.accepted.connect(self._dialog_accepted)
        dialog.finished.connect(dialog.deleteLater)
        self.connection_dialog = dialog
        dialog.open()  # window-modal without blocking: the sign-in runs while it is shown

    def _dialog_accepted(self):
        dialog = self.connection_dialog
        self.connection_dialog = None
        if dialog is None or dialog.connection is None:
            return
        self.accounts[dialog.connection.id] = dialog.account or {}
        self.errors.pop(dialog.connection.id, None)
        self.reload(select_id=dialog.connection.id)

    def test_connection(self):
        """Sign in again if needed and read users/me (credits), in the background."""
        self._call_me(self.current_connection(), password=None)

    def sign_in(self):
        connection = self.current_connection()
        password = self.passwordEdit.text()
        if connection is None:
            return
        if not password:
            self.errors[connection.id] = tr("Enter your password.")
            self.update_status()
            return
        self.passwordEdit.clear()
        self._call_me(connection, password=password)

    def sign_in_with_browser(self):
        """Terrascope: sign in on the catalogue's page in the web browser; pressed again while waiting, stop."""
        connection = self.current_connection()
        if connection is None:
            return
        task = self.browser_tasks.get(connection.id)
        if task is not None:
            task.cancel()
            return
        if connection.id in self.checking:
            return
        self.errors.pop(connection.id, None)
        browser = self.browser

        def operation(progress):
            return self.connections.sign_in(connection, None, progress=progress, open_browser=browser)

        self.browser_tasks[connection.id] = run_in_background(
            self, tr("Signing in to {name} in the browser", name=connection.name), operation,
            lambda account, error: self._browser_signed_in(connection, account, error))
        self.update_status()

    def _browser_failed(self):
        connection = self.current_connection()
        task = self.browser_tasks.get(connection.id) if connection else None
        if task is not None:
            self.errors[connection.id] = tr("The web browser could not be opened for the sign-in; use your "
                                            "password instead.")
            task.cancel()

    def _browser_signed_in(self, connection: Connection, account, error):
        self.browser_tasks.pop(connection.id, None)
        if not self._still_saved(connection):  # removed while the browser was open: keep nothing
            self.connections.forget_session(connection)
            return
        if isinstance(error, Cancelled):
            self.update_status()
            return
        self._checked(connection, account, error)

    def _call_me(self, connection: Optional[Connection], password: Optional[str]):
        if connection is None or connection.id in self.checking:
            return
        self.checking.add(connection.id)
        self.update_status()
        if connection.platform == terrascope.PLATFORM and not password:
            operation = lambda progress: self._check_catalogue(connection)  # noqa: E731
        else:
            operation = lambda progress: self.connections.sign_in(connection, password)  # noqa: E731
        run_in_background(self, tr("Checking {name}", name=connection.name), operation,
                          lambda account, error: self._checked(connection, account, error))

    def _check_catalogue(self, connection: Connection) -> dict:
        """Terrascope's Test (in a task): renew the access token (proves the saved session still works) and list
        the collections (proves the catalogue answers)."""
        client = self.connections.client(connection)
        username = ""
        if client.config.needs_sign_in:
            if client.tokens is None:
                raise SessionExpired(tr("Not signed in: sign in again with your password or in the browser."))
            client.auth_headers(fresh=True)
            username = client.tokens.username
        return {"username": username or connection.username, "collections": len(client.collections())}

    def _checked(self, connection: Connection, account, error):
        self.checking.discard(connection.id)
        if error is None:
            account = account if isinstance(account, dict) else {}
            if (connection.platform == terrascope.PLATFORM and account.get("username") and not connection.username
                    and self._still_saved(connection)):
                connection.username = account["username"]
                self.connections.add(connection)  # remember who signed in (in the browser), for the status line
            self.accounts[connection.id] = account
            self.errors.pop(connection.id, None)
        else:
            self.accounts.pop(connection.id, None)
            self.errors[connection.id] = str(error)
            if isinstance(error, SessionExpired):  # the stored token is useless: ask for the password
                self.connections.forget_session(connection)
        self.update_status()
        current = self.current_connection()
        if current and current.id == connection.id:
            self.accountChanged.emit(self.accounts.get(connection.id))

    def _still_saved(self, connection: Connection) -> bool:
        return any(c.id == connection.id for c in self.connections.all())

    def remove_connection(self):
        connection = self.current_connection()
        if connection is None:
            return
        if not self.confirm(tr("Remove connection"),
                            tr("Remove the connection {name}? Its saved session is deleted too.", name=connection.name)):
            return
        waiting = self.browser_tasks.get(connection.id)
        if waiting is not None:
            waiting.cancel()
        self.connections.remove(connection.id)
        self.accounts.pop(connection.id, None)
        self.errors.pop(connection.id, None)
        self.reload()

    def confirm(self, title: str, text: str) -> bool:
        """Yes/no question (tests replace this method)."""
        return ask_yes_no(self, title, text)
