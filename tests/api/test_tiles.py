"""Vector tiles: tile math, which features land in which tile, properties, errors."""

from __future__ import annotations

import math

import pytest
from fastapi.testclient import TestClient
from pyproj import Transformer

from dikas.api.tiles import ORIGIN_SHIFT, tile_bounds
from dikas.errors import ParameterError
from tests.api.small_twin import ORIGIN

TO_WGS84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)
MVT = "application/vnd.mapbox-vector-tile"


def tile_of(lon: float, lat: float, z: int) -> tuple[int, int]:
    """Slippy-map tile of a point (OSM wiki formula)."""
    n = 2**z
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return x, y


def test_tile_bounds() -> None:
    r = ORIGIN_SHIFT
    assert tile_bounds(0, 0, 0) == pytest.approx((-r, -r, r, r))
    assert tile_bounds(1, 0, 0) == pytest.approx((-r, 0, 0, r))
    assert tile_bounds(1, 1, 1) == pytest.approx((0, -r, r, 0))
    with pytest.raises(ParameterError):
        tile_bounds(1, 2, 0)
    with pytest.raises(ParameterError):
        tile_bounds(23, 0, 0)


def test_building_lands_in_its_tile_only(client: TestClient) -> None:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 110, ORIGIN[1] + 110)  # centre of building b0
    x, y = tile_of(lon, lat, 16)
    response = client.get(f"/api/tiles/buildings/16/{x}/{y}.mvt")
    assert response.status_code == 200
    assert response.headers["content-type"] == MVT
    assert b"buildings" in response.content and b"b0" in response.content
    assert b"height_m" in response.content
    far = client.get(f"/api/tiles/buildings/16/{x + 5}/{y}.mvt")
    assert far.status_code == 200 and far.content == b""
    swapped = client.get(f"/api/tiles/buildings/16/{x}/{y + 5}.mvt")
    assert swapped.content == b""


def test_grid_tiles_carry_ids_not_counts(client: TestClient) -> None:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 1000, ORIGIN[1] + 500)
    x, y = tile_of(lon, lat, 12)
    content = client.get(f"/api/tiles/grid/12/{x}/{y}.mvt").content
    assert b"c0_0" in content and b"cell_id" in content
    assert b"inhabitants" not in content


def test_areas_services_and_basemap_tiles(client: TestClient) -> None:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 500, ORIGIN[1] + 500)
    x, y = tile_of(lon, lat, 13)
    areas = client.get(f"/api/tiles/areas/13/{x}/{y}.mvt").content
    assert b"00100" in areas and b"Area 1" in areas
    services = client.get(f"/api/tiles/services/13/{x}/{y}.mvt").content
    assert b"school" in services and b"service_type" in services
    streets = client.get(f"/api/tiles/basemap_streets/13/{x}/{y}.mvt").content
    assert b"basemap_streets" in streets and b"residential" in streets
    # Column 11 of the grid is all water: the derived water layer covers it.
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 2900, ORIGIN[1] + 500)
    x, y = tile_of(lon, lat, 15)
    assert b"basemap_water" in client.get(f"/api/tiles/basemap_water/15/{x}/{y}.mvt").content
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 100, ORIGIN[1] + 500)
    x, y = tile_of(lon, lat, 15)
    assert client.get(f"/api/tiles/basemap_water/15/{x}/{y}.mvt").content == b""


def test_overview_tiles_leave_out_footways(client: TestClient) -> None:
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 500, ORIGIN[1] + 500)
    overview = client.get(
        "/api/tiles/basemap_streets/13/{}/{}.mvt".format(*tile_of(lon, lat, 13))
    ).content
    detail = client.get(
        "/api/tiles/basemap_streets/15/{}/{}.mvt".format(*tile_of(lon, lat, 15))
    ).content
    assert b"residential" in overview and b"footway" not in overview
    assert b"residential" in detail and b"footway" in detail


def test_below_min_zoom_is_empty(client: TestClient) -> None:
    response = client.get("/api/tiles/buildings/5/18/9.mvt")
    assert response.status_code == 200 and response.content == b""


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/tiles/nope/1/0/0.mvt", 404),
        ("/api/tiles/buildings/1/2/0.mvt", 400),
        ("/api/tiles/buildings/30/0/0.mvt", 400),
        ("/api/tiles/buildings/1/0/-1.mvt", 400),
        ("/api/tiles/buildings/a/0/0.mvt", 400),
    ],
)
def test_bad_tiles(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert isinstance(response.json()["detail"], str)


def test_basemap_uses_the_twins_osm_landcover(small_twin, tmp_path) -> None:
    import shutil

    import geopandas as gpd
    import shapely

    from dikas.api.app import create_app
    from dikas.api.settings import ApiSettings
    from dikas.twin.store import Twin

    twin_path = tmp_path / "twin.duckdb"
    shutil.copy(small_twin, twin_path)
    pond = shapely.box(ORIGIN[0] + 50, ORIGIN[1] + 50, ORIGIN[0] + 200, ORIGIN[1] + 200)
    with Twin.open(twin_path, read_only=False) as twin:
        twin.write_layer(
            "landcover",
            gpd.GeoDataFrame(
                {
                    "landcover_id": ["osm:w1"],
                    "kind": ["water"],
                    "tag": ["natural=water"],
                    "name": ["Lampi"],
                },
                geometry=[pond],
                crs="EPSG:3067",
            ),
        )
    settings = ApiSettings(twin_path=twin_path, community_path=tmp_path / "c.sqlite")
    with TestClient(create_app(settings)) as client:
        lon, lat = TO_WGS84.transform(ORIGIN[0] + 100, ORIGIN[1] + 100)
        x, y = tile_of(lon, lat, 16)
        # the grid-derived water sat in column 11 only; the OSM pond is here
        assert b"basemap_water" in client.get(f"/api/tiles/basemap_water/16/{x}/{y}.mvt").content
        far = client.get(
            "/api/tiles/basemap_water/16/{}/{}.mvt".format(
                *tile_of(*TO_WGS84.transform(ORIGIN[0] + 2900, ORIGIN[1] + 500), 16)
            )
        ).content
        assert far == b""
        assert client.get(f"/api/tiles/basemap_green/16/{x}/{y}.mvt").content == b""


def test_composite_tile_is_the_single_layer_tiles_concatenated(client: TestClient) -> None:
    """An MVT is a list of layers, so ``a,b`` is the tile of ``a`` followed by that of ``b``."""
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 110, ORIGIN[1] + 110)
    x, y = tile_of(lon, lat, 15)
    parts = [
        client.get(f"/api/tiles/{layer}/15/{x}/{y}.mvt").content
        for layer in ("areas", "buildings", "basemap_streets")
    ]
    assert all(parts)
    composite = client.get(f"/api/tiles/areas,buildings,basemap_streets/15/{x}/{y}.mvt")
    assert composite.status_code == 200 and composite.headers["content-type"] == MVT
    assert composite.content == b"".join(parts)
    # a repeated layer is sent once; an unknown one is a 404 naming it
    again = client.get(f"/api/tiles/areas,areas/15/{x}/{y}.mvt").content
    assert again == parts[0]
    missing = client.get(f"/api/tiles/areas,nope/15/{x}/{y}.mvt")
    assert missing.status_code == 404 and "'nope'" in missing.json()["detail"]


def test_street_tiers_by_zoom() -> None:
    from dikas.api.layers import BASEMAP_LAYERS

    streets = BASEMAP_LAYERS["basemap_streets"]
    city, district, detail = (streets.overview_filter(z) for z in (12, 14, 15))
    assert city is not None and district is not None and detail is None
    assert "primary" in city[1] and "residential" not in city[1]
    assert "residential" in district[1] and "footway" not in district[1]
    assert set(city[1]) < set(district[1])
