"""Connections section: the saved connections, Add / Test / Remove, a status line (who is signed in and the
account's state in the platform's words, or why not) and a sign-in prompt when a connection has no session (a
password and/or the browser sign-in, which can be stopped, as the platform offers). Every remote call runs in a
task."""

from typing import Dict, Optional

from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QWidget

from ...core.errors import Cancelled, EOError, SecretStoreLocked, SecretStoreUnavailable, SessionExpired
from ...core.i18n import tr
from ...core.models import Connection
from ...providers import registry
from ...qgis_glue.browser_sign_in import BrowserOpener, open_in_system_browser
from ...qgis_glue.connections import Connections
from .connection_dialog import ConnectionDialog
from .ui import ERROR_STYLE, ask_yes_no, icon, load_form, run_in_background


class ConnectionsPanel(QWidget, load_form("connections_panel")):
    connectionChanged = pyqtSignal(object)  # the current Connection, or None
    accountChanged = pyqtSignal(object)  # the account of the current connection (credits...), or None when unknown

    def __init__(self, connections: Connections, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.connections = connections
        self.accounts: Dict[str, dict] = {}  # connection id -> last account answer
        self.errors: Dict[str, str] = {}  # connection id -> last error sentence
        self.checking: set = set()  # connection ids with a call under way
        self.browser_tasks: Dict[str, object] = {}  # connection id -> browser sign-in task waiting for the user
        self.connection_dialog: Optional[ConnectionDialog] = None
        self.jobs = None  # the JobManager (set by the dock): removing a connection stops its running jobs
        self.open_url = open_in_system_browser  # tests replace it with a fake browser
        self.browser = BrowserOpener(lambda url: self.open_url(url), self)
        self.browser.failed.connect(self._browser_failed)

        self.connectionCombo.setToolTip(tr("Saved connections"))
        self.testButton.setToolTip(tr("Test the connection (renew the session and read your account)"))
        self.passwordEdit.setToolTip(tr("The password of this account: sent to its sign-in only, never saved"))
        self.signInButton.setToolTip(tr("Sign in with this password"))
        self.addButton.setIcon(icon("add"))
        self.addButton.setToolTip(tr("Add a connection"))
        self.testButton.setIcon(icon("test"))
        self.removeButton.setIcon(icon("remove"))
        self.removeButton.setToolTip(tr("Remove this connection"))
        self.passwordEdit.setPlaceholderText(tr("Password"))
        self.signInButton.setText(tr("Sign in"))
        self.browserSignInButton.setToolTip(tr("Sign in on the platform's page in your web browser"))
        self.statusLabel.setOpenExternalLinks(False)

        self.addButton.clicked.connect(self.add_connection)
        self.testButton.clicked.connect(self.test_connection)
        self.removeButton.clicked.connect(self.remove_connection)
        self.signInButton.clicked.connect(self.sign_in)
        self.browserSignInButton.clicked.connect(self.sign_in_with_browser)
        self.passwordEdit.returnPressed.connect(self.sign_in)
        self.connectionCombo.currentIndexChanged.connect(self._current_changed)
        connections.signals.changed.connect(self._saved_list_changed)
        self.reload()

    def add_tool_button(self, button):
        """A button of the dock's at the end of the connection row (e.g. its help)."""
        self.chooserLayout.addWidget(button)

    # -- the list
    def reload(self, select_id: str = ""):
        current = select_id or (self.current_connection().id if self.current_connection() else "")
        self.connectionCombo.blockSignals(True)
        self.connectionCombo.clear()
        for connection_id, label in self._saved_labels():
            self.connectionCombo.addItem(label, connection_id)
            self.connectionCombo.setItemData(self.connectionCombo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        index = self.connectionCombo.findData(current)
        self.connectionCombo.setCurrentIndex(index if index >= 0 else 0)
        self.connectionCombo.blockSignals(False)
        self._current_changed()

    def _saved_labels(self):
        return [(c.id, tr("{name} ({platform})", name=c.name, platform=registry.title(c.platform)))
                for c in self.connections.all()]

    def _saved_list_changed(self):
        """Saved or removed from the console too: the list follows, once what the dock itself does is over."""
        QTimer.singleShot(0, self._reload_if_changed)

    def _reload_if_changed(self):
        if sip.isdeleted(self):
            return
        combo = self.connectionCombo
        if self._saved_labels() != [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]:
            self.reload()

    def current_connection(self) -> Optional[Connection]:
        connection_id = self.connectionCombo.currentData()
        if not connection_id:
            return None
        return next((c for c in self.connections.all() if c.id == connection_id), None)

    def current_account(self) -> Optional[dict]:
        connection = self.current_connection()
        return self.accounts.get(connection.id) if connection else None

    def _current_changed(self, *_):
        self.connectionCombo.setToolTip(self.connectionCombo.currentText() or tr("Saved connections"))
        self.update_status()
        self.connectionChanged.emit(self.current_connection())
        self.accountChanged.emit(self.current_account())

    # -- status line and sign-in prompt
    def update_status(self):
        """Who is signed in (the platform's words), "Checking…", the last error, or the sign-in prompt with the
        ways the platform offers (a password, the browser)."""
        connection = self.current_connection()
        for button in (self.testButton, self.removeButton):
            button.setEnabled(connection is not None)
        if connection is None:
            self.statusLabel.setText(tr("No connection yet: press + to add your account on one of the platforms."))
            self.statusLabel.setStyleSheet("")
            self.signInWidget.setVisible(False)
            return
        platform = registry.find(connection.platform)
        waiting = connection.id in self.browser_tasks
        checking = connection.id in self.checking
        error, methods, signed_in = "", (), True
        if platform is None:
            error = tr("Unknown platform: {name}. Is the plugin up to date?", name=connection.platform)
        else:
            try:
                methods = platform.sign_in_methods(self.connections, connection)
                signed_in = platform.has_session(self.connections, connection)
            except SecretStoreUnavailable as err:  # the saved session is out of reach: signing in again works
                methods, signed_in, error = platform.sign_in_methods(self.connections, connection), False, str(err)
            except EOError as err:  # e.g. a configuration file that was moved
                error = str(err)
        account = self.accounts.get(connection.id)
        if waiting:
            text = tr("Waiting for the browser… (Cancel to stop)")
        elif checking:
            text = tr("Checking {name}…", name=connection.name)
        elif error or connection.id in self.errors:
            text = error or self.errors[connection.id]
        elif account is not None and platform is not None:
            text = platform.describe_account(connection, account)
        elif signed_in:
            text = tr("Signed in as {user}; press Test to check the connection.", user=connection.username) \
                if connection.username else tr("Signed in; press Test to check the connection.")
        elif self.connections.secrets_locked() and methods:
            text = SecretStoreLocked().message
        elif "password" in methods and connection.username:
            text = tr("Not signed in: enter the password of {user}.", user=connection.username)
        else:
            text = tr("Not signed in: sign in again with your password or in the browser.")
        self.statusLabel.setText(text)
        self.statusLabel.setStyleSheet(ERROR_STYLE if (error or connection.id in self.errors) and not waiting
                                       and not checking else "")
        needs_sign_in = bool(methods) and not signed_in and not checking
        self.signInWidget.setVisible(needs_sign_in or waiting)
        self.passwordEdit.setVisible("password" in methods and not waiting)
        self.signInButton.setVisible("password" in methods and not waiting)
        self.signInButton.setEnabled(not checking)
        self.browserSignInButton.setVisible("browser" in methods or waiting)
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
        """Sign in on the platform's page in the web browser; pressed again while waiting, stop."""
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

        def operation(progress):
            if password:
                return self.connections.sign_in(connection, password, progress=progress)
            return self.connections.check(connection, progress)

        run_in_background(self, tr("Checking {name}", name=connection.name), operation,
                          lambda account, error: self._checked(connection, account, error))

    def _checked(self, connection: Connection, account, error):
        self.checking.discard(connection.id)
        if error is None:
            account = account if isinstance(account, dict) else {}
            if account.get("user") and not connection.username and self._still_saved(connection):
                connection.username = account["user"]
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
        """Ask first, saying what stops with it: its jobs running now (and what cancelling each stops) and the
        layers of its searches, which leave the map."""
        connection = self.current_connection()
        if connection is None:
            return
        running = self.jobs.running_jobs_of(connection.id) if self.jobs is not None else []
        question = tr("Remove the connection {name}? Its saved session is deleted, and the footprints and previews "
                      "of its searches leave the map.", name=connection.name)
        for record in running:
            platform = registry.find(record.platform)
            operation = platform.operations().get(record.kind) if platform else None
            question += "\n\n" + tr("The job {job} is running with it and is cancelled now.", job=record.title)
            if operation is not None:
                question += " " + operation.cancel_note(record)
        if not self.confirm(tr("Remove connection"), question):
            return
        for record in running:
            self.jobs.cancel(record.id)
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
