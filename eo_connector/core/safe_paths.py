"""Writing server-named files into an output folder without ever leaving it.

Names come from servers (download plans, zip members): each one goes through `safe_join` before anything is
written. Also here: the free-space check shared by downloads, extraction and the GUI's confirmation text.
"""

import errno
import os
import re
import shutil
import stat
import zipfile

from .errors import DiskFull, IntegrityError, UnsafePath
from .i18n import tr

_DRIVE = re.compile(r"^[A-Za-z]:")
_WINDOWS = os.name == "nt"
# Reserved device names on Windows: writing "nul.txt" there goes nowhere or hangs.
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}

# Zip bomb guards: a member may not inflate more than this ratio once it is bigger than the floor.
MAX_COMPRESSION_RATIO = 200
RATIO_FLOOR_BYTES = 16 * 1024 * 1024
_COPY_BLOCK = 1024 * 1024
NO_SPACE_ERRNOS = {errno.ENOSPC} | ({errno.EDQUOT} if hasattr(errno, "EDQUOT") else set())


def _refuse(relative_path, why: str) -> UnsafePath:
    shown = repr(relative_path)[:200]
    return UnsafePath(
        tr("The server sent an unsafe file name ({name}); nothing was written outside the output folder.",
           name=shown),
        details=f"unsafe path {shown}: {why}",
    )


def _is_inside(path: str, root: str) -> bool:
    try:
        return os.path.normcase(os.path.commonpath([path, root])) == os.path.normcase(root)
    except ValueError:  # different drives on Windows
        return False


def safe_join(root: str, relative_path: str) -> str:
    """The absolute path of `relative_path` ('/'-separated) inside `root`, or UnsafePath.

    Refused: absolute paths, drive letters, '..', backslashes used as separators, NUL, empty names, and any path
    that resolves (following symlinks already on disk) outside `root`.
    """
    if not isinstance(relative_path, str) or not relative_path:
        raise _refuse(relative_path, "empty")
    if "\0" in relative_path:
        raise _refuse(relative_path, "NUL character")
    # A backslash is a separator on Windows: judge the name as Windows would read it, everywhere.
    normalised = relative_path.replace("\\", "/")
    if normalised.startswith("/"):
        raise _refuse(relative_path, "absolute path")
    if _DRIVE.match(normalised):
        raise _refuse(relative_path, "drive letter")
    parts = []
    for part in normalised.split("/"):
        if part == ".":
            continue
        if part == "":
            raise _refuse(relative_path, "empty name")
        if part == "..":
            raise _refuse(relative_path, "parent reference")
        if _WINDOWS and (":" in part or part.rstrip(" .") != part
                         or part.split(".")[0].lower() in _WINDOWS_DEVICES):
            raise _refuse(relative_path, "name Windows cannot hold")
        parts.append(part)
    if not parts:
        raise _refuse(relative_path, "empty")
    absolute_root = os.path.abspath(root)
    candidate = os.path.join(absolute_root, *parts)
    real_root = os.path.realpath(absolute_root)
    if not _is_inside(os.path.realpath(candidate), real_root):
        raise _refuse(relative_path, "resolves outside the output folder")
    return candidate


# -- free space

def human_size(n) -> str:
    """A byte count for people: '512 B', '45 MB', '1.4 GB' (decimal units)."""
    n = float(n or 0)
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            break
        n /= 1000.0
    if unit == "B":
        return f"{int(n)} B"
    return f"{n:.1f} {unit}" if abs(n) < 10 else f"{n:.0f} {unit}"


def free_space(folder: str) -> int:
    """Free bytes where `folder` is (or would be created)."""
    probe = os.path.abspath(folder)
    while not os.path.exists(probe):
        parent = os.path.dirname(probe)
        if parent == probe:
            break
        probe = parent
    return shutil.disk_usage(probe).free


def ensure_free_space(target_dir: str, needed_bytes: int) -> int:
    """Refuse with DiskFull (saying how much is needed and free) when `needed_bytes` do not fit; else the free bytes."""
    free = free_space(target_dir)
    if needed_bytes > free:
        raise DiskFull(
            tr("Not enough free disk space in {folder}: {needed} needed, {free} free. Free some space or choose "
               "another output folder.", folder=target_dir, needed=human_size(needed_bytes), free=human_size(free)),
            details=f"needed={needed_bytes} free={free} folder={target_dir}",
        )
    return free


def disk_full_error(exc: OSError, name: str) -> DiskFull:
    return DiskFull(
        tr("The disk is full while writing {name}: free some space or choose another output folder, then resume.",
           name=name),
        details=f"{name}: {exc.strerror or exc}",
    )


# -- zip extraction

def _is_symlink_member(info: zipfile.ZipInfo) -> bool:
    # Unix mode bits live in the high half; checked whatever system claims to have made the archive.
    return stat.S_ISLNK(info.external_attr >> 16)


def _check_members(archive: zipfile.ZipFile, target_dir: str, archive_name: str):
    """Every member's destination, checked before a single byte is written."""
    planned = []
    for info in archive.infolist():
        if _is_symlink_member(info):
            raise _refuse(info.filename, "symbolic link member")
        name = info.filename.rstrip("/") if info.is_dir() else info.filename
        destination = safe_join(target_dir, name)
        if not info.is_dir():
            inflated_large = info.file_size > RATIO_FLOOR_BYTES
            if inflated_large and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
                raise IntegrityError(
                    tr("The archive {archive} declares sizes that cannot be right; it was not extracted.",
                       archive=archive_name),
                    details=f"{info.filename}: {info.compress_size} -> {info.file_size} bytes",
                )
        planned.append((info, destination))
    return planned


def safe_extract_zip(zip_path: str, target_dir: str, progress=None) -> list:
    """Extract `zip_path` into `target_dir`; return the extracted files' paths.

    Refuses (before writing anything) members leaving the folder, symbolic links, compression bombs and archives
    larger than the free space. Each file is written as '<name>.part' then renamed, so a cancelled extraction
    never leaves a half file under its final name. `progress` may be None.
    """
    archive_name = os.path.basename(zip_path)
    target_dir = os.path.abspath(target_dir)
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise IntegrityError(tr("The archive {archive} is damaged and cannot be opened.", archive=archive_name),
                             details=f"{archive_name}: {exc}") from exc
    with archive:
        os.makedirs(target_dir, exist_ok=True)
        planned = _check_members(archive, target_dir, archive_name)
        total = sum(info.file_size for info, _ in planned if not info.is_dir())
        ensure_free_space(target_dir, total)
        files = [(info, dest) for info, dest in planned if not info.is_dir()]
        for info, dest in planned:
            if info.is_dir():
                os.makedirs(dest, exist_ok=True)
        extracted, done = [], 0
        for number, (info, dest) in enumerate(files, start=1):
            if progress is not None:
                progress.check()
                progress.report(done / total if total else (number - 1) / len(files),
                                tr("Extracting {name} ({number} of {count})", name=os.path.basename(dest),
                                   number=number, count=len(files)))
            done += _extract_member(archive, info, dest, progress, archive_name)
            extracted.append(dest)
        if progress is not None:
            progress.report(1.0, tr("Extracted {count} files", count=len(files)))
        return extracted


def _extract_member(archive, info, dest, progress, archive_name) -> int:
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    part = dest + ".part"
    written = 0
    try:
        with archive.open(info) as source, open(part, "wb") as sink:
            while True:
                if progress is not None:
                    progress.check()
                block = source.read(_COPY_BLOCK)
                if not block:
                    break
                written += len(block)
                if written > info.file_size:  # never trust a lying header past what was declared
                    raise IntegrityError(
                        tr("The archive {archive} declares sizes that cannot be right; it was not extracted.",
                           archive=archive_name), details=f"{info.filename}: more data than declared")
                sink.write(block)
        os.replace(part, dest)
    except OSError as exc:
        discard(part)
        if exc.errno in NO_SPACE_ERRNOS:
            raise disk_full_error(exc, os.path.basename(dest)) from exc
        raise
    except zipfile.BadZipFile as exc:  # CRC mismatch and other damage inside a member
        discard(part)
        raise IntegrityError(tr("The archive {archive} is damaged and cannot be extracted.", archive=archive_name),
                             details=f"{info.filename}: {exc}") from exc
    except BaseException:
        discard(part)  # a cancelled extraction is simply re-run: no half file worth keeping
        raise
    return written


def discard(path: str) -> None:
    """Remove a file if it is there (a .part being given up)."""
    try:
        os.remove(path)
    except OSError:
        pass
