"""The results of BEOD scenarios: files generated on disk once, and the answers of /download/urls.

Small AOIs (area <= zip_max_km2, no forced tile count) get one "<scenario_id>.zip" holding EXPORT/...; larger
ones a tree {"0": {"EXPORT": {"building": {"shapefile": {"building.shp": url}}}}, "1": ...} whose tiles split
the AOI bbox, paged `page_size` files at a time with an opaque, signed "NextContinuationToken". Like S3's,
tokens contain '+', '/' or '=', so a client that does not URL-encode them fails.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import secrets
import shutil
import threading
import zipfile
from pathlib import Path
from typing import Any

from shapely.geometry import box

from tests.emulators.geodata import split_extent, write_export
from tests.emulators.presigned import PresignedStorage

EVIL_TREE_KEYS = (("../escape.txt",), ("/etc/x",), ("0", "..", "..", "nested-escape.txt"))
EVIL_ZIP_MEMBERS = ("../../zipslip.txt", "/zipslip-absolute.txt")
_ZIP_DATE = (2024, 1, 1, 0, 0, 0)

Entry = tuple[tuple[str, ...], str]  # (path in the answer's tree, storage key)


class BeodResults:
    def __init__(self, storage: PresignedStorage, *, zip_max_km2: float, tile_count: int | None,
                 tile_km2: float, page_size: int, evil_keys: bool) -> None:
        self.storage = storage
        self.zip_max_km2, self.tile_count, self.tile_km2 = zip_max_km2, tile_count, tile_km2
        self.page_size, self.evil_keys = page_size, evil_keys
        self._root = storage.root
        self._secret = secrets.token_bytes(16)
        self._lock = threading.Lock()
        self._scenario_locks: dict[int, threading.Lock] = {}
        self._entries: dict[int, list[Entry]] = {}

    def zipped(self, area_km2: float) -> bool:
        return self.tile_count is None and area_km2 <= self.zip_max_km2

    def listing(self, scenario_id: int, aoi, area_km2: float, options: dict, base_url: str,
                token: str | None) -> dict[str, Any] | None:
        """One answer of /download/urls with freshly presigned URLs; None when `token` is not valid here."""
        entries = self._generate(scenario_id, aoi, area_km2, options)
        offset = 0 if token is None else self._read_token(token, scenario_id)
        if offset is None or (self.zipped(area_km2) and token is not None):
            return None
        page = entries[offset:offset + self.page_size]
        if offset == 0 and self.evil_keys and not self.zipped(area_km2):
            page = page + [(path, self._evil_key()) for path in EVIL_TREE_KEYS]
        tree: dict[str, Any] = {}
        for path, key in page:
            folder = tree
            for part in path[:-1]:
                folder = folder.setdefault(part, {})
            folder[path[-1]] = self.storage.presign(base_url, key)
        if offset + self.page_size < len(entries):
            tree["NextContinuationToken"] = self._make_token(scenario_id, offset + self.page_size)
        return tree

    def file_count(self, scenario_id: int) -> int | None:
        """How many files the scenario's answer lists in all (None before the first download request)."""
        entries = self._entries.get(scenario_id)
        return None if entries is None else len(entries)

    # --- generation ------------------------------------------------------------------------------------------
    def _generate(self, scenario_id: int, aoi, area_km2: float, options: dict) -> list[Entry]:
        with self._lock:
            scenario_lock = self._scenario_locks.setdefault(scenario_id, threading.Lock())
        with scenario_lock:  # other scenarios keep being served while this one is generated
            if scenario_id not in self._entries:
                self._entries[scenario_id] = self._write(scenario_id, aoi, area_km2, options)
            return self._entries[scenario_id]

    def _write(self, scenario_id: int, aoi, area_km2: float, options: dict) -> list[Entry]:
        folder = self._root / str(scenario_id)
        if self.zipped(area_km2):
            files = write_export(folder / "content", aoi, **options)
            archive = folder / f"{scenario_id}.zip"
            self._write_zip(archive, folder / "content", files)
            self.storage.stored(archive)
            return [((archive.name,), self._key(archive))]
        count = self.tile_count or min(64, max(2, math.ceil(area_km2 / self.tile_km2)))
        entries = []
        for index, extent in enumerate(split_extent(aoi.bounds, count)):
            tile = folder / str(index)
            for path in write_export(tile, aoi.intersection(box(*extent)), extent=extent, **options):
                self.storage.stored(path)
                entries.append(((str(index), *path.relative_to(tile).parts), self._key(path)))
        return entries

    def _write_zip(self, archive: Path, root: Path, files: list[Path]) -> None:
        members = [(path.relative_to(root).as_posix(), path) for path in files]
        if self.evil_keys:
            members += [(name, self._root / self._evil_key()) for name in EVIL_ZIP_MEMBERS]
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
            for name, path in members:
                info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)  # fixed date: same inputs, same bytes
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(path, "rb") as source, bundle.open(info, "w") as target:
                    shutil.copyfileobj(source, target, 1 << 20)

    def _key(self, path: Path) -> str:
        return path.relative_to(self._root).as_posix()

    def _evil_key(self) -> str:
        path = self._root / "evil" / "escape.txt"
        with self._lock:
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("This file must never be written outside the output folder.\n")
        return self._key(path)

    # --- continuation tokens ---------------------------------------------------------------------------------
    def _make_token(self, scenario_id: int, offset: int) -> str:
        payload = f"{scenario_id}:{offset}".encode()
        mac = hmac.new(self._secret, payload, hashlib.sha256).digest()[:12]
        return "1+" + base64.b64encode(payload + b"|" + mac).decode()

    def _read_token(self, token: str, scenario_id: int) -> int | None:
        if not token.startswith("1+"):
            return None
        try:
            payload, _, mac = base64.b64decode(token[2:], validate=True).partition(b"|")
            owner, offset = (int(value) for value in payload.decode().split(":"))
        except ValueError:
            return None
        expected = hmac.new(self._secret, payload, hashlib.sha256).digest()[:12]
        return offset if hmac.compare_digest(mac, expected) and owner == scenario_id else None
