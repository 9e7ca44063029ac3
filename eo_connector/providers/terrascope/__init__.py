"""Terrascope catalogue (VITO OpenSearch): configuration, OIDC sign-in, search, product mapping, download plans.

Pure Python (no qgis, no Qt). Speaks the protocol of terracatalogueclient 0.1.19 (protocols/terrascope.md) with the
same parameter names, so console users can carry their scripts over.
"""

PLATFORM = "terrascope"
# The catalogues terracatalogueclient ships a configuration for (CatalogueEnvironment); a custom .ini is also accepted.
ENVIRONMENTS = ("terrascope", "hrvpp", "cgls")
