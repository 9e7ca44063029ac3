"""QGIS glue: the proxy the user configured in QGIS (Settings > Options > Network), for requests.

QGIS keeps it in QgsSettings under "proxy/": proxyEnabled, proxyType (DefaultProxy, Socks5Proxy, HttpProxy,
HttpCachingProxy, FtpCachingProxy), proxyHost, proxyPort, proxyUser, proxyPassword, authcfg (credentials in the
auth database instead), proxyExcludedUrls (URL prefixes that do not use this proxy) and, since 3.22,
noProxyUrls (URL prefixes that use no proxy at all). With "DefaultProxy" QGIS uses the system proxy, which
is what requests does with the environment, so we return None and let it.
"""

import importlib.util
from urllib.parse import quote

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings

from ..core.http import HttpSession
from ..core.log import logger, register_secret

_HTTP_TYPES = ("HttpProxy", "HttpCachingProxy")


def proxies_from_qgis_settings(settings=None):
    """A requests proxies dict ({"http", "https", "no_proxy"}) from QGIS's settings, or None to let requests
    follow the environment (proxy off, system proxy, or a type requests cannot use)."""
    settings = settings or QgsSettings()
    if not settings.value("proxy/proxyEnabled", False, type=bool):
        return None
    kind = settings.value("proxy/proxyType", "DefaultProxy", type=str) or "DefaultProxy"
    host = (settings.value("proxy/proxyHost", "", type=str) or "").strip()
    if kind in _HTTP_TYPES:
        scheme = "http"
    elif kind == "Socks5Proxy":
        if importlib.util.find_spec("socks") is None:
            logger.warning("QGIS uses a SOCKS5 proxy but PySocks is not installed; using the system proxy settings")
            return None
        scheme = "socks5h"  # "h": names are resolved by the proxy, as QGIS does
    else:
        return None
    if not host:
        logger.warning("QGIS proxy of type %s has no host; using the system proxy settings", kind)
        return None
    port = (settings.value("proxy/proxyPort", "", type=str) or "").strip()
    user, password = _proxy_credentials(settings)
    address = f"[{host}]" if ":" in host and not host.startswith("[") else host
    userinfo = f"{quote(user, safe='')}:{quote(password, safe='')}@" if user else ""
    url = f"{scheme}://{userinfo}{address}{':' + port if port else ''}"
    proxies = {"http": url, "https": url}
    no_proxy = _no_proxy_entries(settings)
    if no_proxy:
        proxies["no_proxy"] = ",".join(no_proxy)
    return proxies


def qgis_http_session(base_url: str = "", **kwargs) -> HttpSession:
    """An HttpSession with QGIS's proxy settings applied (read now; make a new session after they change)."""
    kwargs.setdefault("proxies", proxies_from_qgis_settings())
    return HttpSession(base_url, **kwargs)


def _proxy_credentials(settings):
    user = settings.value("proxy/proxyUser", "", type=str) or ""
    password = settings.value("proxy/proxyPassword", "", type=str) or ""
    authcfg = settings.value("proxy/authcfg", "", type=str) or ""
    manager = QgsApplication.authManager()
    if authcfg and manager is not None and not manager.isDisabled():
        ok, config = manager.loadAuthenticationConfig(authcfg, QgsAuthMethodConfig(), True)
        if ok:
            user = config.config("username") or user
            password = config.config("password") or password
        else:
            logger.warning("Could not read the proxy credentials (auth config %s)", authcfg)
    register_secret(password)
    return user, password


def _no_proxy_entries(settings):
    """URL prefixes and hosts to reach directly: both QGIS lists (the excluded list is older; for requests
    "do not use this proxy" and "use no proxy" mean the same)."""
    entries = []
    for key in ("proxy/noProxyUrls", "proxy/proxyExcludedUrls"):
        value = settings.value(key, [])
        if isinstance(value, str):
            value = value.split("|")  # older QGIS wrote the list as one "|"-separated string
        for entry in value or []:
            entry = str(entry).strip()
            if entry and entry not in entries:
                entries.append(entry)
    return entries
