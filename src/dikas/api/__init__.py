"""The web API: OGC API – Features for every twin layer, vector tiles, indicators, area
profiles, isochrones, scenarios and stakeholder comments (FastAPI; contract in
``docs/web-api.md``). Build the app with :func:`dikas.api.app.create_app`."""
