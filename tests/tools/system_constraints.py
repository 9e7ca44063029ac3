"""Print pip constraints that pin the packages the distribution ships with QGIS to the versions installed.

`make setup` gives them to pip (`-c`), so installing the test tools never replaces QGIS's own numpy, GDAL, shapely,
requests or urllib3: the environment follows the distribution (numpy 1 on Debian 12, numpy 2 on Debian 13) instead
of fighting it. Run with the venv's interpreter (it sees the system packages through --system-site-packages).
"""

import sys

try:
    from importlib.metadata import PackageNotFoundError, version
except ImportError:  # Python < 3.8: nothing to pin, pip decides
    sys.exit(0)

SHIPPED = ("numpy", "GDAL", "shapely", "requests", "urllib3", "certifi", "charset-normalizer", "idna", "PyQt5",
           "PyQt5-sip", "keyring", "cryptography")


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
