"""Items pages from the feature index equal DuckDB's answer to the same query."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from dikas.api.feature_index import FeatureIndex
from dikas.api.features import ItemsQuery, select_features
from dikas.api.store import ServedLayers


def _layer(yearly: bool, seed: int = 0) -> gpd.GeoDataFrame:
    """Polygons, lines and points (some missing) around Helsinki, keys out of order."""
    rng = np.random.default_rng(seed)
    n = 300
    x = rng.uniform(380_000, 400_000, n)
    y = rng.uniform(6_665_000, 6_680_000, n)
    size = rng.uniform(5, 800, n)
    shapes = [
        shapely.box(a, b, a + s, b + s)
        if k % 3 == 0
        else shapely.LineString([(a, b), (a + s, b + s / 2)])
        if k % 3 == 1
        else shapely.Point(a, b)
        for k, (a, b, s) in enumerate(zip(x, y, size, strict=True))
    ]
    shapes[5] = None
    frame = gpd.GeoDataFrame(
        {"unit_id": [f"u{k:03d}" for k in rng.permutation(n)], "value": rng.normal(size=n)},
        geometry=shapes,
        crs="EPSG:3067",
    )
    if yearly:
        frame["unit_id"] = [f"u{k % 100:03d}" for k in range(n)]
        frame["year"] = [2020 + k // 100 for k in range(n)]
    return frame


@pytest.mark.parametrize("yearly", [False, True])
def test_index_pages_equal_duckdb_pages(yearly: bool) -> None:
    served = ServedLayers(min_count=10)
    served.replace("units", _layer(yearly), level="units", key="unit_id")
    columns = list(served.columns("units", lambda: None, level="units", key="unit_id"))
    index = served.index("units")
    rng = np.random.default_rng(1)
    for k in range(200):
        lon, lat = rng.uniform(24.75, 25.2), rng.uniform(60.1, 60.3)
        width = rng.choice([0.001, 0.01, 0.05, 0.5])
        bbox = None if k % 10 == 0 else (lon, lat, lon + width, lat + width / 2)
        years = ((2021, 2021), (None, 2021), (2021, None), None)[k % 4] if yearly else None
        query = ItemsQuery(
            limit=int(rng.choice([1, 7, 100])),
            offset=int(rng.choice([0, 3])),
            bbox=bbox,
            years=years,
        )
        expected = select_features(served.cursor(), "units", columns, key="unit_id", query=query)
        assert index.select(query) == expected, query
    # pages with property filters are DuckDB's
    with pytest.raises(ValueError):
        index.select(ItemsQuery(limit=10, properties={"value": 1.0}))
    filtered = ItemsQuery(limit=10, properties={"unit_id": "u042"})
    assert served.select("units", filtered, key="unit_id") == select_features(
        served.cursor(), "units", columns, key="unit_id", query=filtered
    )


def test_index_keeps_key_then_year_order() -> None:
    frame = _layer(yearly=True)
    served = ServedLayers(min_count=10)
    served.replace("units", frame, level="units", key="unit_id")
    index: FeatureIndex = served.index("units")
    _, texts = index.select(ItemsQuery(limit=1000))
    ids = [t.split('"id":', 1)[1].split(",", 1)[0] for t in texts]
    assert len(ids) == len(frame) - 1  # the feature without geometry is never served
    assert ids[:3] == ['"u000-2020"', '"u000-2021"', '"u000-2022"']
