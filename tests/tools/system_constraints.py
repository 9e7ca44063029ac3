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
        if name in TOO_OLD and major.isdigit() and int(major) < TOO_OLD[name]:
            continue
        print(f"{name}=={installed}")


if __name__ == "__main__":
    main()
