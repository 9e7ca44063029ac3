"""The assets of the current item in a STAC search section: listed with roles and sizes, one opened in place
(streamed by GDAL with the connection's credentials for that URL only), the checked ones or the selected items'
downloaded through the platform's "download" operation (a job of the Jobs list)."""

import os
from typing import List, Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTreeWidgetItem

from ...core.errors import EOError
from ...core.i18n import tr
from ...core.models import Connection, Item
from ...providers.stac.operations import asset_role
from ...qgis_glue import settings
from ..widgets.download_dialog import DownloadDialog
from ..widgets.ui import run_in_background

KEY_ROLE = Qt.ItemDataRole.UserRole


def size_text(size: Optional[int]) -> str:
    if size is None:
        return ""
    for unit, factor in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} B"


class AssetActions:
    """Mixed into StacSearchSection (which owns assetsTree, browser, connection, platform, jobs...)."""

    def current_item(self) -> Optional[Item]:
        return self.browser.current_item() or next(iter(self.browser.selected_items()), None) or next(
            iter(self.browser.items()), None)

    def _show_assets(self):
        item = self.current_item()
        self.assetsTree.clear()
        if item is None:
            self.assetsLabel.setText(tr("Assets of the current item"))
            self._update()
            return
        self.assetsLabel.setText(tr("Assets of {item}", item=item.id))
        for key, asset in item.assets.items():
            row = QTreeWidgetItem([asset.title or key, ", ".join(asset.roles or [asset_role(asset)]),
                                   size_text(asset.size)])
            row.setData(0, KEY_ROLE, key)
            row.setToolTip(0, f"{key}\n{asset.href}\n{asset.media_type}")
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Checked if asset_role(asset) == "data" else Qt.CheckState.Unchecked)
            self.assetsTree.addTopLevelItem(row)
        if self.assetsTree.topLevelItemCount():
            self.assetsTree.setCurrentItem(self.assetsTree.topLevelItem(0))
        self._update()

    def chosen_asset(self) -> str:
        row = self.assetsTree.currentItem()
        return row.data(0, KEY_ROLE) if row is not None else ""

    def checked_assets(self) -> List[str]:
        return [self.assetsTree.topLevelItem(i).data(0, KEY_ROLE) for i in range(self.assetsTree.topLevelItemCount())
                if self.assetsTree.topLevelItem(i).checkState(0) == Qt.CheckState.Checked]

    def open_asset(self):
        item, key, connection = self.current_item(), self.chosen_asset(), self.connection
        if item is None or not key or connection is None:
            return
        from ...core.streaming import stream_target

        _kind, _path, reason = stream_target(item.assets[key])
        if reason:
            self.show_message(reason, error=True)
            return
        self.show_message(tr("Opening {asset} in place…", asset=key))

        def prepare(progress):
            from ...qgis_glue.streaming import prepare_stream

            with self.connections.open_client(connection) as client:
                headers = client.asset_headers(item.assets[key].href)
            return prepare_stream(item, key, headers)

        run_in_background(self, tr("Opening {asset} in place", asset=key), prepare,
                          lambda prepared, error: self._open(item, key, connection, prepared, error))

    def _open(self, item, key, connection, prepared, error):
        if error is not None:
            self.show_message(str(error), error=True)
            return
        from qgis.core import QgsProject

        from ...qgis_glue.streaming import layer_of

        try:
            layer = layer_of(*prepared, item.assets[key].href, connection.id)
        except EOError as err:
            self.show_message(str(err), error=True)
            return
        QgsProject.instance().addMapLayer(layer)
        self.show_message(tr("{name} added, read in place from the server.", name=layer.name()))
        self.layerAdded.emit(layer)

    def download_checked_assets(self):
        item, keys = self.current_item(), self.checked_assets()
        if item is None or not keys or self.connection is None:
            return
        folder = os.path.join(settings.default_output_root(), self.platform.id)
        self._start_download(self.connection, {"items": [item], "file_types": (), "asset_keys": tuple(keys),
                                               "output_dir": folder})

    def download(self):
        items = self.browser.selected_items()
        operation = self.platform.operations().get("download")
        if self.connection is None or not items or operation is None:
            return
        dialog = DownloadDialog(operation, items, os.path.join(settings.default_output_root(), self.platform.id),
                                parent=self)
        connection = self.connection
        dialog.accepted.connect(lambda d=dialog: self._start_download(connection, d.values()))
        dialog.finished.connect(dialog.deleteLater)
        self.download_dialog = dialog
        dialog.open()

    def _start_download(self, connection: Connection, values: dict):
        self.download_dialog = None
        try:
            record = self.jobs.start(connection, "download", values)
        except EOError as err:
            self.show_message(str(err), error=True)
            return
        skipped = record.params.get("skipped") or []
        self.show_message(tr("Download started: follow it in the Jobs section.") + (" " + " ".join(skipped)
                                                                                     if skipped else ""))
        self.jobStarted.emit(record.id)
