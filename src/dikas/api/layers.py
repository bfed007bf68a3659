"""What the API knows about each twin layer: its key, title, tile properties and zoom range."""

from __future__ import annotations

from dataclasses import dataclass

from dikas.twin.schema import unit_key


@dataclass(frozen=True)
class LayerSpec:
    """How one layer is published.

    Attributes
    ----------
    key
        Column identifying a feature (with ``year`` for yearly layers).
    title
        Human title of the OGC collection.
    tile_properties
        Columns carried by vector-tile features (ids and styling attributes only; indicator
        values are joined client-side from ``/api/indicators``, so tiles never carry counts).
    min_zoom
        Below this zoom a tile of the layer is empty (bounds the cost of a tile request).
    overview
        ``(column, ((below_zoom, values), ...))``: a tile of zoom below ``below_zoom`` carries
        only features whose ``column`` is one of ``values`` (the first tier whose
        ``below_zoom`` is above the tile's zoom applies; e.g. main streets only in a
        city-wide view). From the last tier's ``below_zoom`` on, tiles carry every feature.
    """

    key: str
    title: str
    tile_properties: tuple[str, ...] = ()
    min_zoom: int = 0
    overview: tuple[str, tuple[tuple[int, tuple[str, ...]], ...]] | None = None

    def overview_filter(self, z: int) -> tuple[str, tuple[str, ...]] | None:
        """``(column, values)`` that a tile of zoom ``z`` keeps, or ``None`` for all."""
        if self.overview is None:
            return None
        column, tiers = self.overview
        return next(((column, values) for below, values in tiers if z < below), None)


CITY_STREETS = ("motorway", "trunk", "primary", "secondary", "tertiary")
"""Street types in city-wide tiles (below zoom 13): the main roads. Residential streets are
drawn about a pixel wide there and were half of a central tile's street bytes."""
MAIN_STREETS = (
    *CITY_STREETS,
    "residential",
    "motorway_link",
    "trunk_link",
    "primary_link",
    "secondary_link",
    "tertiary_link",
    "unclassified",
    "pedestrian",
    "living_street",
)
"""Street types in district tiles (zoom 13–14); footways, paths and service roads appear from
zoom 15 on (they are most of the network and most of a tile's bytes)."""

KNOWN_LAYERS: dict[str, LayerSpec] = {
    "areas": LayerSpec(
        unit_key("areas"),
        "Postal code areas (Statistics Finland Paavo)",
        (unit_key("areas"), "name"),
        0,
    ),
    "districts": LayerSpec(
        unit_key("districts"), "Statistical districts", (unit_key("districts"), "name"), 0
    ),
    "grid": LayerSpec(
        unit_key("grid"), "250 m population grid cells", (unit_key("grid"), unit_key("areas")), 8
    ),
    "buildings": LayerSpec(
        unit_key("buildings"),
        "Buildings",
        (unit_key("buildings"), "height_m", "floors", "use", unit_key("areas"), unit_key("grid")),
        12,
    ),
    "services": LayerSpec("service_id", "Services", ("service_id", "service_type", "name"), 9),
    "stops": LayerSpec("stop_id", "Public transport stops", ("stop_id", "stop_name"), 11),
    "network_edges": LayerSpec(
        "edge_id", "Street network edges", ("edge_id", "highway", "name"), 12
    ),
    "network_nodes": LayerSpec("node_id", "Street network nodes", ("node_id",), 14),
    "coverage": LayerSpec(
        "coverage_id", "Where each source reaches (coverage)", ("coverage_id", "kind", "source"), 0
    ),
    "comments": LayerSpec(
        "comment_id", "Stakeholder comments", ("comment_id", "category", "postal_code"), 0
    ),
}

BASEMAP_LAYERS: dict[str, LayerSpec] = {
    "basemap_streets": LayerSpec(
        "edge_id",
        "Streets (the twin's OSM network)",
        ("highway", "name"),
        10,
        overview=("highway", ((13, CITY_STREETS), (15, MAIN_STREETS))),
    ),
    "basemap_water": LayerSpec("part_id", "Water", ("kind",), 0),
    "basemap_green": LayerSpec("part_id", "Green areas", ("kind",), 0),
}
"""Base-map tile layers built from the twin's own data (no remote tiles)."""

TILE_LAYERS = (
    "areas",
    "districts",
    "grid",
    "buildings",
    "services",
    "stops",
    "coverage",
    "basemap_streets",
    "basemap_water",
    "basemap_green",
)
"""Layers served as vector tiles."""


def spec_for(layer: str, columns: list[str]) -> LayerSpec:
    """The layer's spec; unknown layers use their first ``*_id`` column (or the first one)."""
    if layer in KNOWN_LAYERS:
        return KNOWN_LAYERS[layer]
    if layer in BASEMAP_LAYERS:
        return BASEMAP_LAYERS[layer]
    ids = [c for c in columns if c.endswith("_id")]
    key = ids[0] if ids else columns[0]
    return LayerSpec(key, layer.replace("_", " ").capitalize(), (key,), 12)
