"""Copernicus RS-Server as rs-client-libraries 0.2 speaks it (protocols/rs-server.md, C.2): one API key (x-api-key)
or an OAuth2 session cookie; the user's STAC catalogue (/catalog/), the CADIP station catalogues (/cadip/) and AUXIP
(/auxip/) as STAC APIs; staging through OGC API – Processes (/processes/staging/execution, /jobs/{id}); catalogue
writes (collections and items). Pure Python (no qgis, no Qt); reuses the generic STAC client (providers/stac).
"""

PLATFORM = "rs_server"
CADIP_STATIONS = ("CADIP", "INS", "MPS", "MTI", "NSG", "SGS")
AUXIP_STATIONS = ("ADGS", "ADGS2")
PLATFORMS = ("S1A", "S2A", "S2B", "S3A", "S3B")
SERVICES = ("catalog", "cadip", "auxip", "staging")
LOCAL, HYBRID, CLUSTER = "local", "hybrid", "cluster"
API_KEY, COOKIE = "api_key", "cookie"
APIKEY_HEADER = "x-api-key"
CHECK_TTL = 120  # seconds an API-key check is trusted, as rs-client's TTLCache
