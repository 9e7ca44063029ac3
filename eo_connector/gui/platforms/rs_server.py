"""The Copernicus RS-Server page, three tabs usable from 320 px wide:

- Catalogue: the user's collections (owner:collection, with item counts), a queryable-based search over the AOI,
  results with footprints, assets opened in place or downloaded, selected items removed from the catalogue;
- Stations: CADIP sessions (station, platform, dates, ids) with their files (channel, block, size) to tick, or AUXIP
  files (dates, product type, CQL2-JSON); Stage sends the ticked files (or the whole search by reference) to the
  staging process as a job of the Jobs list; staged items come back in the Catalogue tab;
- Publish: create, edit and remove collections; publish a vector layer's features as items, previewed and checked
  before anything is sent, each refusal shown.
The owner id (explicit, from the key's check, or the local login) is shown at the top.
"""

from typing import List, Optional

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...core.aoi import AOI
from ...core.errors import EOError
from ...core.i18n import number, tr
from ...core.models import Collection, Connection, JobState
from ..widgets import ui
from ..widgets.ui import run_in_background, show_message
from .rs_server_publish import PublishTab
from .rs_server_stations import StationsTab
from .stac_search import StacSearchSection


def collection_label(collection: Collection) -> str:
    count = collection.properties.get("item_count")
    return tr("{id} ({count} items)", id=collection.id, count=number(count)) if count is not None else collection.id


class RsServerPanel(QWidget):
    jobStarted = pyqtSignal(str)

    def __init__(self, iface, platform, connections, jobs, parent=None):
        super().__init__(parent)
        self.iface, self.platform, self.connections, self.jobs = iface, platform, connections, jobs
        self.connection: Optional[Connection] = None
        self.account: Optional[dict] = None
        self.owner = ""
        self.staging_jobs: set = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.ownerLabel = QLabel(self)
        self.ownerLabel.setWordWrap(True)
        layout.addWidget(self.ownerLabel)
        self.tabs = QTabWidget(self)
        self.tabs.setUsesScrollButtons(True)
        self.catalogue = StacSearchSection(iface, platform, connections, jobs, self,
                                           collection_label=collection_label)
        catalogue_page = QWidget(self)
        catalogue_layout = QVBoxLayout(catalogue_page)
        catalogue_layout.setContentsMargins(0, 4, 0, 0)
        catalogue_layout.addWidget(self.catalogue)
        self.removeItemsButton = QPushButton(tr("Remove from catalogue"), self)
        self.removeItemsButton.setToolTip(tr("Remove the selected items from your catalogue"))
        catalogue_layout.addWidget(self.removeItemsButton)
        self.stations = StationsTab(self)
        self.publishing = PublishTab(self)
        self.tabs.addTab(catalogue_page, tr("Catalogue"))
        self.tabs.addTab(self.stations, tr("Stations"))
        self.tabs.addTab(self.publishing, tr("Publish"))
        layout.addWidget(self.tabs)
        self.runner, self.browser = self.catalogue.runner, self.catalogue.browser  # the dock's idle checks
        self.catalogue.refresh_collections = self.refresh_collections  # with item counts
        self.catalogue.jobStarted.connect(self.jobStarted)
        self.catalogue.browser.itemsSelectionChanged.connect(self._update)
        self.removeItemsButton.clicked.connect(self.remove_items)
        jobs.jobFinished.connect(self._job_finished)
        self._update()

    def section_title(self) -> str:
        return tr("RS-Server")

    def set_connection(self, connection: Optional[Connection]):
        if connection is not None and connection.platform != self.platform.id:
            connection = None
        changed = (connection.id if connection else "") != (self.connection.id if self.connection else "")
        self.connection = connection
        if changed:
            self.owner = ""
            self.catalogue.set_connection(connection)
            self.stations.runner.cancel()
            if connection is not None:
                self._resolve_owner()
        self._update()

    def set_aoi(self, aoi: Optional[AOI]):
        self.catalogue.set_aoi(aoi)

    def set_account(self, account: Optional[dict]):
        self.account = account
        if account and account.get("owner"):
            self.owner = account["owner"]
        self._update()

    def _resolve_owner(self):
        connection = self.connection

        def resolve(progress):
            with self.connections.open_client(connection) as client:
                return client.owner_id(progress)

        def resolved(owner, error):
            if self.connection is None or self.connection.id != connection.id:
                return
            if error is not None:
                self.ownerLabel.setText(tr("Owner unknown: {error}", error=str(error)))
                return
            self.owner = owner
            self._update()

        run_in_background(self, tr("RS-Server owner"), resolve, resolved)

    def refresh_collections(self):
        """The catalogue's collections again, then their item counts (one count per collection, in a task)."""
        connection = self.connection
        if connection is None:
            return

        def listing(progress):
            with self.connections.open_client(connection) as client:
                found = client.catalog_collections(progress)
                for collection in found:
                    try:
                        collection.properties["item_count"] = client.collection_count(collection.id, progress)
                    except EOError:
                        collection.properties["item_count"] = None
                return found

        def listed(found, error):
            if self.connection is None or self.connection.id != connection.id:
                return
            if error is not None:
                self.catalogue.show_message(str(error), error=True)
                return
            self.catalogue.set_collections(found)
            self.publishing.set_collections(found, self.owner)

        run_in_background(self, tr("Listing RS-Server collections"), listing, listed)

    def follow_staging(self, job_id: str):
        self.staging_jobs.add(job_id)

    def _job_finished(self, job_id: str):
        if job_id not in self.staging_jobs:
            return
        try:
            record = self.jobs.get(job_id)
        except EOError:
            return
        if record.state != JobState.SUCCEEDED:
            show_message(self.stations.messageLabel, record.error or record.message, error=True)
            return
        self.staging_jobs.discard(job_id)
        collection = f"{self.owner}:{record.params.get('collection')}" if self.owner else record.params["collection"]
        self.refresh_collections()
        connection = self.connection

        def staged(progress):
            from ...providers.rs_server.client import staged_items_search

            with self.connections.open_client(connection) as client:
                return staged_items_search(client, record.params["collection"], record.params.get("item_ids") or [],
                                           progress)

        def show(items, error):
            if error is not None:
                self.catalogue.show_message(str(error), error=True)
                return
            self.catalogue.set_collection(collection)
            self.catalogue.show_items(items or [], collection)
            show_message(self.stations.messageLabel, tr("{count} staged items are in {collection}: see the "
                                                         "Catalogue tab to download or open them.",
                                                         count=len(items or []), collection=collection))

        if connection is not None:
            run_in_background(self, tr("Staged items"), staged, show)

    def remove_items(self):
        items = self.catalogue.browser.selected_items()
        if self.connection is None or not items:
            return
        if not ui.ask_yes_no(self, tr("Remove items"), tr("Remove {count} items from your catalogue? This cannot be "
                                                        "undone.", count=len(items))):
            return
        collection = self.catalogue.collection()

        def removing(progress):
            removed, refused = [], []
            with self.connections.open_client(self.connection) as client:
                for item in items:
                    try:
                        client.remove_item(collection, item.id, progress)
                        removed.append(item.id)
                    except EOError as err:
                        refused.append(f"{item.id}: {err.message}")
            return removed, refused

        def removed(result, error):
            if error is not None:
                self.catalogue.show_message(str(error), error=True)
                return
            done, refused = result
            text = tr("1 item removed.") if len(done) == 1 else tr("{count} items removed.", count=len(done))
            if refused:
                text += " " + " ".join(refused)
            self.catalogue.show_message(text, error=bool(refused))
            self.refresh_collections()

        run_in_background(self, tr("Removing items"), removing, removed)

    def _update(self, *_):
        if self.connection is None:
            self.ownerLabel.setText(tr("Choose an RS-Server connection."))
        else:
            mode = (self.connection.options or {}).get("mode", "cluster")
            roles = len((self.account or {}).get("roles") or [])
            text = tr("Owner {owner} · {mode} mode", owner=self.owner or "…", mode=mode)
            if roles:
                text = tr("{status} · {count} roles", status=text, count=roles)
            self.ownerLabel.setText(text)
        collection = self.catalogue.collection()
        mine = bool(self.owner) and collection.split(":", 1)[0] == self.owner
        self.removeItemsButton.setEnabled(self.connection is not None and mine
                                          and bool(self.catalogue.browser.selected_items()))
        self.stations.update_state()
        self.publishing.update_state()


PANEL = RsServerPanel

__all__ = ["PANEL", "collection_label", "List"]
