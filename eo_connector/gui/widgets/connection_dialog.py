"""The "new connection" dialog. BrightEarth: server, e-mail and password. Terrascope: environment (or a custom .ini
file), catalogue address and the sign-in method (in the browser, or username and password).

OK signs in in a background task; the dialog closes only when the sign-in succeeded (nothing is saved before) and
shows the reason in words when it did not. While a sign-in runs, Cancel stops it and keeps the dialog open.
"""

from typing import Optional

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox

from ...core.errors import Cancelled, EOError
from ...core.i18n import tr
from ...core.models import Connection
from ...providers import brightearth, terrascope
from ...providers.terrascope.config import CatalogueConfig
from ...qgis_glue.browser_sign_in import BrowserOpener, open_in_system_browser
from ...qgis_glue.connections import PLATFORM_NAMES, Connections
from .ui import load_form, run_in_background, show_message

DEFAULT_URLS = {brightearth.PLATFORM: brightearth.DEFAULT_URL}
CUSTOM = "custom"
BROWSER, PASSWORD = "browser", "password"
DEFAULT_REDIRECT_PORT = 5000  # terracatalogueclient's client is registered with http://localhost:5000/


def environment_names():
    return {"terrascope": tr("Terrascope"), "hrvpp": tr("HR-VPP"), "cgls": tr("CGLS (no sign-in)"),
            CUSTOM: tr("Custom .ini file")}


class _Attempt:
    """One press of OK: its connection, task, and whether the user gave up on it."""

    def __init__(self, connection: Connection, method: str):
        self.connection, self.method = connection, method
        self.task = None
        self.abandoned = False


class ConnectionDialog(QDialog, load_form("connection_dialog")):
    def __init__(self, connections: Connections, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.connections = connections
        self.connection: Optional[Connection] = None  # the saved connection, once signed in
        self.account: Optional[dict] = None  # users/me of that connection
        self.attempt: Optional[_Attempt] = None
        self.redirect_port = DEFAULT_REDIRECT_PORT  # tests use 0 (any free port)
        self.open_url = open_in_system_browser  # tests replace it with a fake browser
        self.browser = BrowserOpener(lambda url: self.open_url(url), self)
        self.browser.failed.connect(self._browser_failed)
        self._config: Optional[CatalogueConfig] = None
        self._config_error = ""

        self.setWindowTitle(tr("New connection"))
        self.nameLabel.setText(tr("Name"))
        self.platformLabel.setText(tr("Platform"))
        self.environmentLabel.setText(tr("Environment"))
        self.configFileLabel.setText(tr("Configuration"))
        self.signInMethodLabel.setText(tr("Sign in"))
        self.passwordLabel.setText(tr("Password"))
        self.nameEdit.setPlaceholderText(tr("e.g. My BrightEarth account"))
        self.passwordEdit.setToolTip(tr("Sent only to the server's sign-in; never saved to disk."))
        self.configFileWidget.setFilter(tr("Catalogue configuration (*.ini);;All files (*)"))
        self.configFileWidget.setDialogTitle(tr("terracatalogueclient configuration file"))
        self.configFileWidget.setStorageMode(QgsFileWidget.StorageMode.GetFile)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        for platform, name in PLATFORM_NAMES.items():
            self.platformCombo.addItem(name, platform)
        for key, name in environment_names().items():
            self.environmentCombo.addItem(name, key)
        self.platformCombo.currentIndexChanged.connect(self._platform_changed)
        self.environmentCombo.currentIndexChanged.connect(self._environment_changed)
        self.configFileWidget.fileChanged.connect(self._environment_changed)
        self.signInMethodCombo.currentIndexChanged.connect(self._update_fields)
        self.buttonBox.accepted.connect(self.sign_in)
        self.buttonBox.rejected.connect(self.reject)
        self._platform_changed()
        self.show_message("")

    @property
    def ok_button(self):
        return self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def platform(self) -> str:
        return self.platformCombo.currentData()

    def environment(self) -> str:
        return self.environmentCombo.currentData()

    def sign_in_method(self) -> str:
        return self.signInMethodCombo.currentData() or ""

    def set_platform(self, platform: str):
        self.platformCombo.setCurrentIndex(max(self.platformCombo.findData(platform), 0))

    def set_environment(self, environment: str):
        self.environmentCombo.setCurrentIndex(max(self.environmentCombo.findData(environment), 0))

    def set_sign_in_method(self, method: str):
        self.signInMethodCombo.setCurrentIndex(max(self.signInMethodCombo.findData(method), 0))

    # -- what the form shows for each platform and environment
    def _known_urls(self) -> set:
        return set(DEFAULT_URLS.values()) | {self._environment_url(key) for key in terrascope.ENVIRONMENTS}

    def _environment_url(self, environment: str) -> str:
        probe = Connection(terrascope.PLATFORM, "", "", options={"environment": environment})
        return self.connections.catalogue_config(probe).catalogue_url

    def _platform_changed(self, *_):
        is_terrascope = self.platform() == terrascope.PLATFORM
        self.nameEdit.setPlaceholderText(tr("e.g. My Terrascope account") if is_terrascope
                                         else tr("e.g. My BrightEarth account"))
        self.urlLabel.setText(tr("Catalogue") if is_terrascope else tr("Server"))
        self.emailLabel.setText(tr("Username") if is_terrascope else tr("E-mail"))
        self.emailEdit.setPlaceholderText("" if is_terrascope else tr("you@example.com"))
        self._environment_changed()

    def _environment_changed(self, *_):
        """Read the environment's settings (a local .ini file at most) to know which sign-in it offers."""
        self._config, self._config_error = None, ""
        file_missing = self.environment() == CUSTOM and not self.configFileWidget.filePath().strip()
        if self.platform() == terrascope.PLATFORM and not file_missing:
            try:
                self._config = self.connections.catalogue_config(self._probe())
            except EOError as err:
                self._config_error = str(err)
        url = self.urlEdit.text().strip()
        if not url or url in self._known_urls():
            if self.platform() == terrascope.PLATFORM:
                default = self._environment_url(self.environment()) if self.environment() != CUSTOM else ""
            else:
                default = DEFAULT_URLS.get(self.platform(), "")
            self.urlEdit.setText(default)
            self.urlEdit.setCursorPosition(0)
        self._fill_sign_in_methods()
        self.show_message(self._config_error, error=bool(self._config_error))

    def _fill_sign_in_methods(self):
        previous = self.sign_in_method()
        config = self._config  # None while the custom file is not chosen (or unreadable): offer both
        self.signInMethodCombo.blockSignals(True)
        self.signInMethodCombo.clear()
        if self.platform() == terrascope.PLATFORM and (config is None or config.needs_sign_in):
            if config is None or (config.interactive_supported and config.authorization_endpoint):
                self.signInMethodCombo.addItem(tr("In the browser"), BROWSER)
            if config is None or config.non_interactive_supported:
                self.signInMethodCombo.addItem(tr("Username and password"), PASSWORD)
        index = self.signInMethodCombo.findData(previous)
        self.signInMethodCombo.setCurrentIndex(index if index >= 0 else 0)  # the browser first, when offered
        self.signInMethodCombo.blockSignals(False)
        self._update_fields()

    def _update_fields(self, *_):
        is_terrascope = self.platform() == terrascope.PLATFORM
        custom = is_terrascope and self.environment() == CUSTOM
        no_sign_in = is_terrascope and self._config is not None and not self._config.needs_sign_in
        method = self.sign_in_method()
        rows = (
            (self.environmentLabel, self.environmentCombo, is_terrascope),
            (self.configFileLabel, self.configFileWidget, custom),
            (self.urlLabel, self.urlEdit, not custom),
            (self.signInMethodLabel, self.signInMethodCombo, is_terrascope and self.signInMethodCombo.count() > 0),
            (self.emailLabel, self.emailEdit, not is_terrascope or method == PASSWORD),
            (self.passwordLabel, self.passwordEdit, not is_terrascope or method == PASSWORD),
        )
        for label, field, visible in rows:
            label.setVisible(visible)
            field.setVisible(visible)
        if no_sign_in:
            self.ok_button.setText(tr("Save"))
        elif is_terrascope and method == BROWSER:
            self.ok_button.setText(tr("Sign in with the browser and save"))
        else:
            self.ok_button.setText(tr("Sign in and save"))

    def show_message(self, text: str, error: bool = False):
        show_message(self.messageLabel, text, error)

    # -- the connection the form describes
    def _probe(self) -> Connection:
        """The Terrascope connection of the form as it is (for reading its configuration)."""
        options = {"environment": self.environment(), "redirect_port": self.redirect_port}
        if self.environment() == CUSTOM:
            options["config_file"] = self.configFileWidget.filePath().strip()
        url = "" if self.environment() == CUSTOM else self.urlEdit.text().strip().rstrip("/")
        return Connection(platform=terrascope.PLATFORM, name=self.nameEdit.text().strip(), url=url,
                          username=self.emailEdit.text().strip(), options=options)

    def _checked_input(self) -> Connection:
        if self.platform() == terrascope.PLATFORM:
            return self._checked_terrascope()
        name, url = self.nameEdit.text().strip(), self.urlEdit.text().strip().rstrip("/")
        email, password = self.emailEdit.text().strip(), self.passwordEdit.text()
        connection = Connection(platform=self.platform(), name=name, url=url, username=email)
        self.connections.validate(connection)  # name, address, no duplicate: the rules of a saved connection
        if not email or "@" not in email:
            raise EOError(tr("Enter the e-mail address of your account."))
        if not password:
            raise EOError(tr("Enter your password."))
        return connection

    def _checked_terrascope(self) -> Connection:
        connection = self._probe()
        if self.environment() == CUSTOM and not connection.options["config_file"]:
            raise EOError(tr("Choose the catalogue configuration file (.ini)."))
        config = self.connections.catalogue_config(connection)  # refuses a bad .ini file in words
        if self.environment() == CUSTOM:
            connection.url = config.catalogue_url.rstrip("/")
        self.connections.validate(connection)
        if config.needs_sign_in and self.sign_in_method() == PASSWORD:
            if not connection.username:
                raise EOError(tr("Enter your username."))
            if not self.passwordEdit.text():
                raise EOError(tr("Enter your password."))
        elif config.needs_sign_in:
            connection.username = ""  # learnt from the sign-in
        return connection

    # -- signing in
    def sign_in(self):
        """OK: check the fields here, then sign in off the GUI thread."""
        if self.attempt is not None:
            return
        try:
            connection = self._checked_input()
        except EOError as err:
            self.show_message(str(err), error=True)
            return
        method = self.sign_in_method() if connection.platform == terrascope.PLATFORM else PASSWORD
        password = self.passwordEdit.text() if method == PASSWORD else None
        attempt = self.attempt = _Attempt(connection, method)
        self._set_busy(True)
        if method == BROWSER:
            opener = self.browser
            self.show_message(tr("Waiting for the browser… (Cancel to stop)"))
        else:
            opener = None
            self.show_message(tr("Signing in to {url}…", url=connection.url))

        def operation(progress):
            return self.connections.sign_in(connection, password, progress=progress, open_browser=opener)

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
        if connection.platform == terrascope.PLATFORM and account.get("username"):
            connection.username = account["username"]
        try:
            self.connections.add(connection)
        except EOError as err:
            self.connections.forget_session(connection)
            self.show_message(str(err), error=True)
            return
        self.connection, self.account = connection, account
        self.passwordEdit.clear()
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
        for field in (self.nameEdit, self.platformCombo, self.environmentCombo, self.configFileWidget,
                      self.urlEdit, self.signInMethodCombo, self.emailEdit, self.passwordEdit):
            field.setEnabled(not busy)
