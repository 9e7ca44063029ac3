"""A whole workflow, then a search for the password and every token the server issued in QGIS settings, the saved
project, the logs, the job list, the results and the temp folder. None may be found (the keyring and QGIS's
encrypted authentication database are the only places allowed to hold them)."""

import logging
import os
import tempfile
import time
import zipfile

import pytest
from qgis.core import QgsApplication, QgsProject

from eo_connector import api
from eo_connector.core.log import logger
from eo_connector.qgis_glue import message_log, services, settings
from tests.conftest import SETTINGS_DIR
from tests.emulators.beod import DEMO_EMAIL, DEMO_PASSWORD
from tests.test_console_api import polygon_layer

ALLOWED = ("qgis-auth.db",)  # encrypted by QGIS with the master password


def files_under(folder, since):
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            try:
                if os.path.isfile(path) and os.path.getmtime(path) >= since and os.path.getsize(path) < 50_000_000:
                    yield path
            except OSError:
                continue


def found_in(path, secrets):
    data = open(path, "rb").read()
    blobs = [data]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            blobs += [archive.read(name) for name in archive.namelist()]
    return [s for s in secrets for blob in blobs if s.encode() in blob]


@pytest.mark.parametrize("store", ["system keyring", "QGIS authentication database"])
def test_no_secret_left_anywhere(store, request, beod_emulator, tmp_path, monkeypatch, caplog):
    if store == "system keyring":
        request.getfixturevalue("memory_keyring")
    else:
        request.getfixturevalue("no_keyring")
        request.getfixturevalue("qgis_auth_db")
    started = time.time() - 1
    monkeypatch.setattr(settings, "jobs_file", lambda: str(tmp_path / "profile" / "jobs.json"))
    services.reset()
    settings.save_connections([])
    services.jobs().poll_interval = 0.02
    qgis_log = []
    QgsApplication.messageLog().messageReceived.connect(lambda text, tag, level: qgis_log.append(text))
    handler = message_log.install()
    caplog.set_level(logging.DEBUG, logger=logger.name)
    try:
        api.add_brightearth_connection("leak check", DEMO_EMAIL, DEMO_PASSWORD, url=beod_emulator.url)
        assert services.connections().secrets.backend_name == store
        beod_emulator.faults.add(r"/activities/", "status", status=503, times=1)  # errors get logged too
        job = api.run_brightearth(api.aoi_from_layer(polygon_layer()), "Leak check",
                                  output_dir=str(tmp_path / "results"))
        job.wait(timeout=60)
        beod_emulator.expire_tokens()  # a second token is issued silently
        api.me()
        QgsProject.instance().write(str(tmp_path / "project.qgz"))
        QgsApplication.processEvents()
    finally:
        message_log.uninstall(handler)
        services.reset()

    tokens = {r.headers["authorization"].split()[-1] for r in beod_emulator.requests if "authorization" in r.headers}
    assert len(tokens) >= 2
    secrets = [DEMO_PASSWORD] + sorted(tokens)

    logs = "\n".join(qgis_log + [r.getMessage() for r in caplog.records])
    assert logs, "the workflow logged something"
    assert not [s for s in secrets if s in logs]

    places = [SETTINGS_DIR, str(tmp_path), QgsApplication.qgisSettingsDirPath(), tempfile.gettempdir()]
    leaks = {}
    for folder in places:
        for path in files_under(folder, started):
            if os.path.basename(path) in ALLOWED:
                continue
            hits = found_in(path, secrets)
            if hits:
                leaks[path] = len(hits)
    assert not leaks, f"secrets found in {leaks}"
    QgsProject.instance().clear()
