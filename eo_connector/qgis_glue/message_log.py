"""Routes the core's logger to the QGIS message log (tab "EO Connector"). Records are already redacted by
core.log's filter; the handler redacts once more in case a message was formatted before reaching it."""

import logging

from qgis.core import Qgis, QgsMessageLog

from ..core.log import logger, redact

TAG = "EO Connector"


class QgsLogHandler(logging.Handler):
    LEVELS = {logging.DEBUG: Qgis.MessageLevel.Info, logging.INFO: Qgis.MessageLevel.Info,
              logging.WARNING: Qgis.MessageLevel.Warning, logging.ERROR: Qgis.MessageLevel.Critical}

    def emit(self, record):
        try:
            text = redact(self.format(record))
        except Exception:  # a log line must never break the operation that wrote it
            return
        QgsMessageLog.logMessage(text, TAG, self.LEVELS.get(record.levelno, Qgis.MessageLevel.Info), notifyUser=False)


def install() -> QgsLogHandler:
    handler = QgsLogHandler()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def uninstall(handler: QgsLogHandler):
    logger.removeHandler(handler)
