"""BrightEarth On Demand (LuxCarta): client, scenario options, URL-tree mapping and the scenario workflow."""

PLATFORM = "brightearth"
DEFAULT_URL = "https://api.beod.luxcarta.cloud"
