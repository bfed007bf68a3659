"""The districts layer: the finest division of the catalog, with the grid's counts summed in."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest

from dikas.twin.store import Twin

pytestmark = pytest.mark.integration


def test_district_inhabitants_are_the_cells_they_overlap_most(helsinki_twin: Path) -> None:
    with Twin.open(helsinki_twin) as twin:
        districts = twin.read("districts")
        grid = twin.read("grid", columns=["cell_id", "inhabitants", "geometry"])
        provenance = twin.provenance().set_index("layer")
    assert len(districts) == 8 and set(districts["level"]) == {"major"}
    assert "Eteläinen" in set(districts["name"])
    # independent: overlay every cell with every district, keep the largest piece per cell
    pieces = gpd.overlay(
        grid, districts[["district_id", "geometry"]], how="intersection", keep_geom_type=True
    )
    pieces["piece_m2"] = pieces.geometry.area
    best = pieces.sort_values("piece_m2", ascending=False).drop_duplicates("cell_id")
    expected = best.groupby("district_id")["inhabitants"].sum()
    got = districts.set_index("district_id")["inhabitants"]
    assert got.sort_index().to_dict() == pytest.approx(expected.sort_index().to_dict())
    # the city's districts hold more residents than the cells whose centre is in a postal area
    assert 640_000 < got.sum() < 670_000
    assert "overlaps most" in provenance.loc["districts", "notes"]


def test_districts_are_an_indicator_level(helsinki_twin: Path) -> None:
    from dikas.api.indicators import indicator_catalog, indicator_values

    with Twin.open(helsinki_twin) as twin:
        names = {(i.name, i.level) for i in indicator_catalog(twin)}
        values = indicator_values(
            twin, indicator="inhabitants", level="districts", year=None, min_count=10
        ).values
    assert ("inhabitants", "districts") in names
    assert len(values) == 8 and values.sum() > 640_000
