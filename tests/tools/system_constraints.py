"""Print pip constraints that pin the packages the distribution ships with QGIS to the versions installed.

`make setup` gives them to pip (`-c`), so installing the test tools never replaces QGIS's own numpy, GDAL, shapely or
PyQt: the environment follows the distribution (numpy 1 on Debian 12, numpy 2 on Debian 13) instead of fighting it.
Run with the system interpreter (/usr/bin/python3), which sees only what the distribution installed.
"""

import sys

try:
    from importlib.metadata import PackageNotFoundError, version
except ImportError:  # Python < 3.8: nothing to pin, pip decides
    sys.exit(0)

# What QGIS's own Python code is built against. (requests and urllib3 are left free: Debian patches their metadata,
# e.g. requests 2.28 "needs" charset-normalizer<3 beside 3.0, which pip then cannot solve; nothing of QGIS uses them.)
SHIPPED = ("numpy", "GDAL", "shapely", "PyQt5", "PyQt5-sip", "PyQt6", "PyQt6-sip")


# Older than the plugin supports: not pinned, so pip installs a supported release into the venv instead.
TOO_OLD = {"shapely": 2}


def main():
    for name in SHIPPED:
        try:
            installed = version(name)
        except PackageNotFoundError:
            continue
        major = installed.split(".")[0]
        if installed.startswith("0+"):  # "0+unknown": the distribution's build lost its version; nothing to pin
            continue
        if name in TOO_OLD and major.isdigit() and int(major) < TOO_OLD[name]:
            continue
        print(f"{name}=={installed}")


def usable_without_pip(name: str) -> bool:
    """The distribution's copy of `name` is recent enough even though its version cannot be read ("0+unknown")."""
    try:
        return version(name).startswith("0+")
    except PackageNotFoundError:
        return False


def requirements(path: str):
    """The requirement lines of `path` (following -r), without those the distribution already satisfies though pip
    cannot tell (an unversioned build, see usable_without_pip)."""
    import os
    import re

    folder = os.path.dirname(os.path.abspath(path))
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("-r "):
            yield from requirements(os.path.join(folder, line[3:].strip()))
        elif line and not line.startswith("#"):
            name = re.split(r"[<>=!~;\[ ]", line, maxsplit=1)[0]
            if not usable_without_pip(name):
                yield line


if __name__ == "__main__":
    if sys.argv[1:2] == ["--requirements"]:
        print("\n".join(requirements(sys.argv[2])))
    else:
        main()

