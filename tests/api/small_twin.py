"""A small, hand-checkable twin for API and report tests (built in code, no data mirror).

Three 1 km postal areas side by side (00100, 00200, 00300) in two years, a 250 m grid with
chosen person counts (0, 5, 9, 10, 50, …), a few buildings and services, a 100 m street
lattice, and some stored indicators.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dikas.sources.catalog import load_catalog
from dikas.twin.groups import store_population_groups
from dikas.twin.store import Twin

ORIGIN = (385000.0, 6671000.0)
POSTAL_CODES = ("00100", "00200", "00300")
YEARS = (2022, 2023)
AGE_BANDS = (
    "age_0_2",
    "age_3_6",
    "age_7_12",
    "age_13_15",
    "age_16_17",
    "age_18_19",
    "age_20_24",
    "age_25_29",
    "age_30_34",
    "age_35_39",
    "age_40_44",
    "age_45_49",
    "age_50_54",
    "age_55_59",
    "age_60_64",
    "age_65_69",
    "age_70_74",
    "age_75_79",
    "age_80_84",
    "age_85_plus",
)
CELL_INHABITANTS = (0, 5, 9, 10, 50, 120, 3, 0, 200, 15, 1, 60)
"""Inhabitants of the first 12 cells (row 0); the other rows have 100 each."""
NETWORK_N = 11
NETWORK_SPACING = 100.0


def areas_frame(seed: int = 1) -> gpd.GeoDataFrame:
    """Postal areas with the Paavo columns the profile uses, deterministic from ``seed``."""
    rng = np.random.default_rng(seed)
    rows = []
    for year in YEARS:
        for i, code in enumerate(POSTAL_CODES):
            x0 = ORIGIN[0] + i * 1000.0
            ages = rng.integers(50, 500, len(AGE_BANDS)).astype(float)
            adults = float(rng.integers(2000, 4000))
            employed = float(rng.integers(1000, 2000))
            record = {
                "postal_code": code,
                "year": year,
                "name": f"Area {i + 1}",
                "inhabitants_total": float(ages.sum()),
                "average_age": float(rng.integers(30, 50)),
                "median_income": float(rng.integers(20000, 40000)),
                "average_income": float(rng.integers(25000, 45000)),
                "adults_income_total": adults,
                "lowest_income_inhabitants": float(rng.integers(100, 800)),
                "middle_income_inhabitants": float(rng.integers(800, 1500)),
                "highest_income_inhabitants": float(rng.integers(100, 600)),
                "employed": employed,
                "unemployed": float(rng.integers(50, 300)),
                "adults_education_total": adults,
                "basic_education": float(rng.integers(200, 600)),
                "matriculation": float(rng.integers(200, 600)),
                "vocational_diploma": float(rng.integers(200, 600)),
                "lower_university_degree": float(rng.integers(200, 600)),
                "higher_university_degree": float(rng.integers(200, 600)),
                "households_total": float(rng.integers(1000, 2000)),
                "rented_households": float(rng.integers(300, 900)),
                "children_0_14": float(ages[:4].sum()),
                **dict(zip(AGE_BANDS, ages, strict=True)),
                "geometry": shapely.box(x0, ORIGIN[1], x0 + 1000.0, ORIGIN[1] + 1000.0),
            }
            rows.append(record)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:3067")


def grid_frame() -> gpd.GeoDataFrame:
    """4 rows × 12 columns of 250 m cells over the areas."""
    rows = []
    for j in range(4):
        for i in range(12):
            x0, y0 = ORIGIN[0] + i * 250.0, ORIGIN[1] + j * 250.0
            inhabitants = CELL_INHABITANTS[i] if j == 0 else 100
            bands = [inhabitants * s for s in (0.1, 0.1, 0.2, 0.2, 0.1, 0.1, 0.1, 0.05, 0.05)]
            rows.append(
                {
                    "cell_id": f"c{j}_{i}",
                    "inhabitants": float(inhabitants),
                    "occupancy_rate": 40.0,
                    **{
                        f"age_{a}_{a + 9}": b for a, b in zip(range(0, 80, 10), bands, strict=False)
                    },
                    "age_80_plus": bands[-1],
                    "age_suppressed": False,
                    "heat_exposure_index": 0.2 + 0.05 * i,
                    "water_m2": 62500.0 if i == 11 else 0.0,
                    "vegetation_m2": 10000.0 * (j + 1),
                    "tree_cover_m2": 5000.0,
                    "postal_code": POSTAL_CODES[i // 4],
                    "in_city": True,
                    "geometry": shapely.box(x0, y0, x0 + 250.0, y0 + 250.0),
                }
            )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:3067")


def buildings_frame() -> gpd.GeoDataFrame:
    """Five 20 m square buildings in area 00100."""
    rows = [
        {
            "building_id": f"b{k}",
            "height_m": 10.0 + k,
            "floors": 3 + k,
            "use": "residential",
            "postal_code": "00100",
            "geometry": shapely.box(
                ORIGIN[0] + 100 + 150 * k,
                ORIGIN[1] + 100,
                ORIGIN[0] + 120 + 150 * k,
                ORIGIN[1] + 120,
            ),
        }
        for k in range(5)
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:3067")


def services_frame() -> gpd.GeoDataFrame:
    """A school and a library."""
    return gpd.GeoDataFrame(
        {
            "service_id": ["s1", "s2"],
            "service_type": ["school", "library"],
            "name": ["School", "Library"],
            "postal_code": ["00100", "00200"],
        },
        geometry=[
            shapely.Point(ORIGIN[0] + 500, ORIGIN[1] + 500),
            shapely.Point(ORIGIN[0] + 1500, ORIGIN[1] + 500),
        ],
        crs="EPSG:3067",
    )


def network_frames() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """An 11 × 11 lattice of streets 100 m apart over area 00100, walkable and cyclable."""
    nodes, edges = [], []

    def node_id(i: int, j: int) -> int:
        return 1000 + i * NETWORK_N + j

    for i in range(NETWORK_N):
        for j in range(NETWORK_N):
            x, y = ORIGIN[0] + i * NETWORK_SPACING, ORIGIN[1] + j * NETWORK_SPACING
            nodes.append({"node_id": node_id(i, j), "geometry": shapely.Point(x, y)})
            for di, dj in ((1, 0), (0, 1)):
                if i + di < NETWORK_N and j + dj < NETWORK_N:
                    edges.append(
                        {
                            "edge_id": len(edges),
                            "u": node_id(i, j),
                            "v": node_id(i + di, j + dj),
                            "length_m": NETWORK_SPACING,
                            "highway": "footway" if dj else "residential",
                            "name": "Street",
                            "walk": True,
                            "bike": True,
                            "bike_forward": True,
                            "bike_backward": True,
                            "osm_way_id": 1,
                            "geometry": shapely.LineString(
                                [(x, y), (x + di * NETWORK_SPACING, y + dj * NETWORK_SPACING)]
                            ),
                        }
                    )
    return (
        gpd.GeoDataFrame(nodes, geometry="geometry", crs="EPSG:3067"),
        gpd.GeoDataFrame(edges, geometry="geometry", crs="EPSG:3067"),
    )


def indicator_rows() -> pd.DataFrame:
    """Stored indicators: walking minutes to schools (areas), a grid count of residents with
    population groups, and a vulnerability index."""
    rows = [
        {
            "indicator": "access_walk_nearest_1_school",
            "level": "areas",
            "unit_id": code,
            "year": 2023,
            "value": 5.0 + k,
            "method": "test",
        }
        for k, code in enumerate(POSTAL_CODES)
    ]
    rows += [
        {
            "indicator": "heat_vulnerable_residents",
            "level": "grid",
            "unit_id": cell,
            "year": None,
            "value": value,
            "method": "test",
            "population_group": group,
        }
        for cell, value, group in (
            ("c0_4", 3.0, "all"),
            ("c0_5", 20.0, "all"),
            ("c0_4", 2.0, "elderly"),
            ("c0_5", 12.0, "elderly"),
        )
    ]
    rows += [
        {
            "indicator": "vulnerability_index",
            "level": "areas",
            "unit_id": code,
            "year": 2023,
            "value": v,
            "method": "test",
        }
        for code, v in zip(POSTAL_CODES, (0.2, 0.5, 0.8), strict=True)
    ]
    return pd.DataFrame(rows)


def write_small_twin(path: Path) -> Path:
    """Write the small twin to ``path`` and return it."""
    with Twin.create(path, city="testville", build_id="test-build") as twin:
        twin.write_layer("areas", areas_frame())
        twin.write_layer("grid", grid_frame())
        twin.write_layer("buildings", buildings_frame())
        twin.write_layer("services", services_frame())
        nodes, edges = network_frames()
        twin.write_layer("network_nodes", nodes)
        twin.write_layer("network_edges", edges)
        twin.write_indicators(indicator_rows())
        store_population_groups(twin, load_catalog("helsinki-demo").population_groups)
        for layer, attribution in (
            ("areas", "Test Paavo"),
            ("grid", "Test grid"),
            ("buildings", "Test buildings"),
        ):
            twin.write_provenance(
                layer,
                datasets=[
                    {"name": f"{layer}_src", "licence": "CC BY 4.0", "attribution": attribution}
                ],
                row_count=1,
            )
    return path
