"""Catalogue configurations: the three environments terracatalogueclient ships, and custom .ini files with its keys.

A custom file overrides the Terrascope defaults key by key, as `CatalogueConfig.from_file` does, so a file only needs
the keys that differ (e.g. `[Catalogue] URL` and the two `[Auth]` endpoints of a test server).
"""

import configparser
import os
from dataclasses import dataclass, field
from typing import Dict
from urllib.parse import urljoin, urlsplit

from ...core.errors import InvalidInput
from ...core.i18n import tr

DEFAULT_CHUNK_SIZE = 2097152

# Values of terracatalogueclient 0.1.19's resources/*.ini. The HR-VPP client id and secret are the public client
# registration published in that package, not a user's secret.
_ENVIRONMENT_INI: Dict[str, Dict[str, Dict[str, str]]] = {
    "terrascope": {
        "Catalogue": {"URL": "https://services.terrascope.be/catalogue/"},
        "Auth": {
            "ClientId": "terracatalogueclient",
            "ClientSecret": "",
            "TokenEndpoint": "https://sso.terrascope.be/auth/realms/terrascope/protocol/openid-connect/token",
            "AuthorizationEndpoint": "https://sso.terrascope.be/auth/realms/terrascope/protocol/openid-connect/auth",
            "InteractiveSupported": "True",
            "NonInteractiveSupported": "True",
        },
        "HTTP": {"ChunkSize": str(DEFAULT_CHUNK_SIZE)},
    },
    "hrvpp": {
        "Catalogue": {"URL": "https://phenology.vgt.vito.be/"},
        "Auth": {
            "ClientId": "DBSbbGec90gpkNXT0NbyFW4vIaAa",
            "ClientSecret": "tpyvaPI3RwilbPYg7Eg3OT1SLMIa",
            "TokenEndpoint": "https://identity.prod.wekeo2.eu/oauth2/token",
            "AuthorizationEndpoint": "https://identity.prod.wekeo2.eu/oauth2/authorize",
            "InteractiveSupported": "False",
            "NonInteractiveSupported": "True",
        },
        "HTTP": {"ChunkSize": str(DEFAULT_CHUNK_SIZE)},
    },
    "cgls": {
        "Catalogue": {"URL": "https://globalland.vito.be/catalogue/"},
        "Auth": {
            "ClientId": "",
            "ClientSecret": "",
            "TokenEndpoint": "",
            "AuthorizationEndpoint": "",
            "InteractiveSupported": "False",
            "NonInteractiveSupported": "False",
        },
        "HTTP": {"ChunkSize": str(DEFAULT_CHUNK_SIZE)},
    },
}


@dataclass
class CatalogueConfig:
    """Where a catalogue lives and how to sign in to it. The catalogue URL always ends with '/'."""

    catalogue_url: str
    client_id: str = "terracatalogueclient"
    client_secret: str = field(default="", repr=False)
    token_endpoint: str = ""
    authorization_endpoint: str = ""
    interactive_supported: bool = True
    non_interactive_supported: bool = True
    chunk_size: int = DEFAULT_CHUNK_SIZE
    name: str = ""

    def __post_init__(self):
        self.catalogue_url = (self.catalogue_url or "").strip().rstrip("/") + "/"

    @property
    def needs_sign_in(self) -> bool:
        """False for open catalogues (CGLS): searching and downloading need no account."""
        return bool(self.token_endpoint) and (self.interactive_supported or self.non_interactive_supported)

    @property
    def collections_url(self) -> str:
        return urljoin(self.catalogue_url, "collections")

    @property
    def products_url(self) -> str:
        return urljoin(self.catalogue_url, "products")


def environment_config(name: str) -> CatalogueConfig:
    """The configuration of a predefined environment: "terrascope", "hrvpp" or "cgls" (case-insensitive)."""
    key = (name or "").strip().lower()
    if key not in _ENVIRONMENT_INI:
        raise InvalidInput(tr("Unknown Terrascope environment \"{name}\"; choose one of: {choices}.",
                              name=name, choices=", ".join(_ENVIRONMENT_INI)))
    parser = configparser.ConfigParser(interpolation=None)  # a '%' in a URL is not a template
    parser.read_dict(_ENVIRONMENT_INI[key])
    return _from_parser(parser, key, key)


def config_from_file(path: str, environment: str = "terrascope") -> CatalogueConfig:
    """The `environment` defaults overridden by the terracatalogueclient-style .ini file at `path`."""
    base = environment_config(environment)  # refuses an unknown environment in words
    name = os.path.basename(path or "") or str(path)
    parser = configparser.ConfigParser(interpolation=None)  # a '%' in a URL is not a template
    parser.read_dict(_ENVIRONMENT_INI[base.name])
    try:
        with open(path, encoding="utf-8") as stream:
            parser.read_file(stream, source=name)
    except FileNotFoundError:
        raise InvalidInput(tr("The catalogue configuration file {file} does not exist.", file=name),
                           details=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(tr("The catalogue configuration file {file} cannot be read.", file=name),
                           details=f"{path}: {exc}") from None
    except configparser.Error as exc:
        raise InvalidInput(tr("The catalogue configuration file {file} is not a valid .ini file: {problem}",
                              file=name, problem=_first_line(exc)), details=f"{path}: {exc}") from None
    return _from_parser(parser, name, path)


def _from_parser(parser: configparser.ConfigParser, name: str, source: str) -> CatalogueConfig:
    def text(section, key):
        return parser.get(section, key, fallback="").strip()

    def flag(section, key):
        try:
            return parser.getboolean(section, key)
        except ValueError:
            raise InvalidInput(tr("In the catalogue configuration {file}, {key} must be True or False.",
                                  file=name, key=f"[{section}] {key}"), details=str(source)) from None

    url = text("Catalogue", "URL")
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise InvalidInput(tr("In the catalogue configuration {file}, [Catalogue] URL must be an http(s) address.",
                              file=name), details=f"{source}: URL={url!r}")
    try:
        chunk_size = parser.getint("HTTP", "ChunkSize", fallback=DEFAULT_CHUNK_SIZE)
    except ValueError:
        raise InvalidInput(tr("In the catalogue configuration {file}, {key} must be a whole number.",
                              file=name, key="[HTTP] ChunkSize"), details=str(source)) from None
    config = CatalogueConfig(
        catalogue_url=url,
        client_id=text("Auth", "ClientId"),
        client_secret=text("Auth", "ClientSecret"),
        token_endpoint=text("Auth", "TokenEndpoint"),
        authorization_endpoint=text("Auth", "AuthorizationEndpoint"),
        interactive_supported=flag("Auth", "InteractiveSupported"),
        non_interactive_supported=flag("Auth", "NonInteractiveSupported"),
        chunk_size=chunk_size if chunk_size > 0 else DEFAULT_CHUNK_SIZE,
        name=name,
    )
    for key, value in (("TokenEndpoint", config.token_endpoint),
                       ("AuthorizationEndpoint", config.authorization_endpoint)):
        if value and urlsplit(value).scheme not in ("http", "https"):
            raise InvalidInput(tr("In the catalogue configuration {file}, {key} must be an http(s) address.",
                                  file=name, key=f"[Auth] {key}"), details=f"{source}: {key}={value!r}")
    return config


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
