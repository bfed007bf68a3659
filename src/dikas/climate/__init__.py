"""Climate adaptation: heat, social vulnerability, flood and green infrastructure.

Climate risk is hazard × exposure × vulnerability. This package says, per building,
250 m cell and postal area, how hot or flood-prone a place is, who lives there and how
able they are to cope. What ``dikas climate vulnerability --level areas`` stores is one call
(:func:`dikas.climate.compute.compute_vulnerability`); the same by its parts::

    import dikas
    from dikas.climate import load_config, raw_indicators, read_areas, read_grid, vulnerability_index

    twin = dikas.open("twin.duckdb")
    cells = read_grid(twin)            # the city's cells only, indexed by cell_id
    areas, year = read_areas(twin)     # the latest year, indexed by postal_code
    config = load_config()             # vulnerability.yaml
    raw = raw_indicators(cells, areas, config, level="areas")
    heat = vulnerability_index(raw, config, index="heat", level="areas")
    heat.frame.loc["00100", "index"]   # the stored vulnerability_heat of 00100

Read the grid with :func:`read_grid`: cells outside the city (``in_city`` false) would
otherwise enter the areas' exposure scores and shift every area's normalized index, and the
frames would be keyed by row number instead of the unit ids. Further parts::

    robust = rank_robustness(raw, config, index="heat", draws=500, seed=0)
    stats = zonal_statistics(buildings, raster, threshold=0.5)   # heat per footprint

See ``docs/climate.md`` for the method and the ``dikas climate`` commands.
"""

from dikas.climate.config import Indicator, VulnerabilityConfig, load_config
from dikas.climate.flood import FloodExposure, flood_exposure, read_hazard
from dikas.climate.green import (
    area_green_shares,
    distance_to_green,
    green_shares,
    hot_and_green_poor,
)
from dikas.climate.heat import HeatExposure, area_heat_exposure, heat_exposure, hottest_cells
from dikas.climate.interpolation import AGGREGATION, areas_to_cells
from dikas.climate.overlap import HeatVulnerabilityOverlap, heat_vulnerability_overlap
from dikas.climate.robustness import RankRobustness, rank_robustness
from dikas.climate.twin_io import read_areas, read_grid
from dikas.climate.vulnerability import VulnerabilityIndex, raw_indicators, vulnerability_index
from dikas.twin.aggregation import areal_overlay
from dikas.twin.zonal import ZonalStatistics, zonal_statistics

__all__ = [
    "AGGREGATION",
    "FloodExposure",
    "HeatExposure",
    "HeatVulnerabilityOverlap",
    "Indicator",
    "RankRobustness",
    "VulnerabilityConfig",
    "VulnerabilityIndex",
    "ZonalStatistics",
    "area_green_shares",
    "area_heat_exposure",
    "areal_overlay",
    "areas_to_cells",
    "distance_to_green",
    "flood_exposure",
    "green_shares",
    "heat_exposure",
    "heat_vulnerability_overlap",
    "hot_and_green_poor",
    "hottest_cells",
    "load_config",
    "rank_robustness",
    "raw_indicators",
    "read_areas",
    "read_grid",
    "read_hazard",
    "vulnerability_index",
    "zonal_statistics",
]
