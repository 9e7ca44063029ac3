"""Any STAC API (landing page, conformance, collections, queryables, item search by GET and POST with every `next`
link followed) and the plain "STAC API" platform built on it. Pure Python (no qgis, no Qt).

RS-Server's catalogue, CADIP and AUXIP services are STAC APIs too: providers/rs_server reuses this client.
"""

PLATFORM = "stac"
