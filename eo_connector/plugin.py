"""Wiring only: translator, log, menu, toolbar, dock, Processing provider, unload.

Start-up is fast and offline: no network, no heavy import. The dock (and everything behind it) is built the
first time the user opens it.
"""

from qgis.core import Qgis, QgsApplication
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QPushButton

from .core import i18n
from .core.i18n import tr
from .core.log import logger
from .qgis_glue import dependencies, message_log, services, settings
from .qgis_glue.resources import i18n_path, resource_path

MENU = "&EO Connector"


class EOConnectorPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.translator = None
        self.log_handler = None
        self.action = None
        self.dock = None
        self.provider = None
        self.live_layers = None

    # -- QGIS entry points
    def initProcessing(self):  # noqa: N802 (QGIS's name)
        if dependencies.blocking(dependencies.missing()) or self.provider is not None:
            return
        from .processing.provider import EOConnectorProvider

        provider = EOConnectorProvider()
        if QgsApplication.processingRegistry().addProvider(provider):  # False (and deleted) if already there
            self.provider = provider

    def initGui(self):  # noqa: N802
        self._install_translator()
        self.log_handler = message_log.install()
        self.action = QAction(QIcon(resource_path("icons", "eo_connector.svg")), tr("EO Connector"),
                              self.iface.mainWindow())
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Open the EO Connector panel"))
        self.action.toggled.connect(self.show_dock)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToWebMenu(MENU, self.action)
        self.initProcessing()
        from qgis.core import QgsProject

        QgsProject.instance().readProject.connect(self._project_read)
        missing = dependencies.missing()
        if missing:
            self._offer_install(missing)
        if not dependencies.blocking(missing):
            self._mention_interrupted_jobs()
            from .qgis_glue.live_layers import LiveLayerKeeper

            # Live layers get a new map when a project is opened or their map expires (nothing remote before that).
            self.live_layers = LiveLayerKeeper(services.connections, offer_sign_in=self.offer_sign_in)
            self.live_layers.install()

    def _project_read(self, *_):
        """Streamed assets of the project just opened get their connection's credentials again (never saved in it)."""
        from qgis.core import QgsProject

        from .qgis_glue.streaming import restore_credentials

        restore_credentials(QgsProject.instance(), services.asset_headers)

    def unload(self):
        from qgis.core import QgsProject

        try:
            QgsProject.instance().readProject.disconnect(self._project_read)
        except TypeError:  # never connected (initGui not run)
            pass
        if self.dock is not None:
            self.dock.close()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.action is not None:
            self.iface.removePluginWebMenu(MENU, self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.live_layers is not None:
            self.live_layers.uninstall()
            self.live_layers = None
        services.reset()
        if self.log_handler is not None:
            message_log.uninstall(self.log_handler)
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
        i18n.set_translator(None)
        i18n.set_number_format(None)

    def show_dock(self, visible=True):
        """The toolbar button's slot. Never raises: what keeps the dock from opening is said in the message bar and
        the button pops back up."""
        if not visible:
            if self.dock is not None:
                self.dock.setVisible(False)
            return
        missing = dependencies.blocking(dependencies.missing())
        if missing:
            self._offer_install(missing)
            self._release_button()
            return
        if self.dock is None:
            try:
                self.dock = self._build_dock()
            except Exception as err:  # a package that looks installed but does not import, or a bug
                logger.exception("the EO Connector panel could not be built")
                self.iface.messageBar().pushMessage(
                    tr("EO Connector"), tr("The panel could not be opened: {reason}. Details are in the log "
                                           "(View ▸ Panels ▸ Log Messages).", reason=_reason(err)),
                    Qgis.MessageLevel.Critical, 0)
                self._release_button()
                return
        self.dock.setVisible(True)

    def _build_dock(self):
        from qgis.PyQt.QtCore import Qt

        from .gui.dock import EOConnectorDock

        dock = EOConnectorDock(self.iface, services.connections(), services.jobs(), self.iface.mainWindow())
        dock.visibilityChanged.connect(self.action.setChecked)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.first_show_width(self.iface.mainWindow())
        return dock

    def _release_button(self):
        if self.action is not None and self.action.isChecked():
            blocked = self.action.blockSignals(True)
            self.action.setChecked(False)
            self.action.blockSignals(blocked)

    def offer_sign_in(self, connection_id: str):
        """The dock opened on a connection whose sign-in must be renewed (its sign-in prompt shows)."""
        self.show_dock(True)
        if self.dock is not None:
            self.dock.connections_panel.reload(select_id=connection_id)

    # -- helpers
    def _install_translator(self):
        locale = (QSettings().value("locale/userLocale", "") or QLocale().name())[:2]
        path = i18n_path(f"eo_connector_{locale}.qm")
        translator = QTranslator()
        if translator.load(path):
            QCoreApplication.installTranslator(translator)
            self.translator = translator
        i18n.set_translator(QCoreApplication.translate)
        i18n.set_number_format(QLocale().toString)

    def _mention_interrupted_jobs(self):
        from .core.job_store import JobStore
        from .core.models import JobState

        interrupted = [r for r in JobStore(settings.jobs_file()).all() if r.state == JobState.INTERRUPTED]
        if interrupted:
            bar = self.iface.messageBar()
            widget = bar.createMessage(tr("EO Connector"), tr("{count} job(s) were still running when QGIS closed.",
                                                               count=len(interrupted)))
            button = QPushButton(tr("Show jobs"), widget)
            button.clicked.connect(lambda: self.show_dock(True))
            widget.layout().addWidget(button)
            bar.pushWidget(widget, Qgis.MessageLevel.Info, 15)

    def _offer_install(self, missing):
        names = ", ".join(missing)
        bar = self.iface.messageBar()
        if dependencies.blocking(missing):
            text = tr("Python packages missing: {names}. The plugin needs them to connect to the platforms.",
                      names=names)
        else:
            text = tr("Python package missing: {names}. Until it is installed, passwords and tokens are kept in the "
                      "QGIS authentication database instead of the system keyring.", names=names)
        widget = bar.createMessage(tr("EO Connector"), text)
        button = QPushButton(tr("Install {names}", names=names), widget)
        button.clicked.connect(lambda: self._install(missing, widget))
        widget.layout().addWidget(button)
        bar.pushWidget(widget, Qgis.MessageLevel.Warning, 0)
        self.missing_message = widget

    def _install(self, missing, widget):
        from .qgis_glue.tasks import OperationTask, start_task

        bar = self.iface.messageBar()
        bar.popWidget(widget)
        task = OperationTask(tr("Installing Python packages for EO Connector"),
                             lambda progress: dependencies.install(missing, progress), can_cancel=False)
        # pip's steps (collecting, downloading, installing) shown as they come; setText runs on the GUI thread
        status = bar.createMessage(tr("EO Connector"), tr("Installing Python packages for EO Connector"))
        task.messageChanged.connect(status.setText)
        bar.pushWidget(status, Qgis.MessageLevel.Info, 0)

        def finished(result, error):
            if not sip.isdeleted(status):
                bar.popWidget(status)
            if error is None:
                self.initProcessing()  # registers the Processing provider if it waited for these packages
                bar.pushMessage(tr("EO Connector"), tr("Installed. Restart QGIS to use them."),
                                Qgis.MessageLevel.Success, 10)
            else:
                bar.pushMessage(tr("EO Connector"), str(error), Qgis.MessageLevel.Critical, 0)

        task.done.connect(finished)
        self.install_task = start_task(task)


def _reason(err: Exception) -> str:
    """A missing module in words; another error by its name (the traceback goes to the log only)."""
    if isinstance(err, ImportError):
        name = getattr(err, "name", "") or ""
        return tr("the Python package {name} is missing or broken", name=name.split(".")[0]) if name \
            and not name.startswith("eo_connector") else tr("a part of the plugin did not load ({error})", error=err)
    return type(err).__name__
