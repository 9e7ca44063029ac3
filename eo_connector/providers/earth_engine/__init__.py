"""Google Earth Engine through its REST API, one session per connection (no global state): sign-in (the
credentials `earthengine authenticate` left, the browser, a service-account key, a SEPAL account), assets, the
public catalogue, live map layers, pixels over the AOI, features, evaluate and exports.

Pure Python (no qgis, no Qt). `earthengine-api` (`ee`) is only used to build and serialise expressions, and only
imported when one is needed (expressions.py); the REST calls are ours (client.py)."""

PLATFORM = "earth_engine"
