"""OGC API – Features Part 1: required structure, paging, filters and errors."""

from __future__ import annotations

import pytest
import shapely
from fastapi.testclient import TestClient
from pyproj import Transformer

from tests.api.small_twin import CELL_INHABITANTS, ORIGIN, grid_frame

TO_WGS84 = Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)


def _rels(document: dict) -> dict[str, dict]:
    return {link["rel"]: link for link in document["links"]}


def test_landing_page_links_required_resources(client: TestClient) -> None:
    body = client.get("/ogc").json()
    rels = _rels(body)
    assert {"self", "service-desc", "conformance", "data"} <= set(rels)
    assert rels["service-desc"]["href"].endswith("/openapi.json")
    assert rels["service-desc"]["type"] == "application/vnd.oai.openapi+json;version=3.1"
    definition = client.get("/openapi.json").json()
    assert definition["openapi"].startswith("3.1.")
    items = definition["paths"]["/ogc/collections/{collection_id}/items"]["get"]
    assert {"bbox", "limit", "offset", "datetime"} <= {p["name"] for p in items["parameters"]}


def test_conformance_declares_core_and_geojson(client: TestClient) -> None:
    conforms = client.get("/ogc/conformance").json()["conformsTo"]
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in conforms
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson" in conforms
    # the definition is OpenAPI 3.1, so the OpenAPI 3.0 class is not claimed
    assert not any(c.endswith("/conf/oas30") for c in conforms)


def test_collections_have_id_links_and_crs84_extent(client: TestClient) -> None:
    body = client.get("/ogc/collections").json()
    ids = [c["id"] for c in body["collections"]]
    assert set(ids) == {
        "areas",
        "buildings",
        "grid",
        "services",
        "network_nodes",
        "network_edges",
        "comments",
    }
    assert "self" in _rels(body)
    for collection in body["collections"]:
        assert "items" in _rels(collection)
        if collection["id"] == "comments":
            continue
        minlon, minlat, maxlon, maxlat = collection["extent"]["spatial"]["bbox"][0]
        assert 24 < minlon < maxlon < 26 and 60 < minlat < maxlat < 61
    areas = client.get("/ogc/collections/areas").json()
    assert areas["extent"]["temporal"]["interval"] == [
        ["2022-01-01T00:00:00Z", "2023-12-31T23:59:59Z"]
    ]
    # The areas' extent is the transformed bounds of the three 1 km squares.
    expected = TO_WGS84.transform_bounds(ORIGIN[0], ORIGIN[1], ORIGIN[0] + 3000, ORIGIN[1] + 1000)
    assert areas["extent"]["spatial"]["bbox"][0] == pytest.approx(expected, abs=1e-9)


def test_items_page_structure_and_paging_links(client: TestClient) -> None:
    response = client.get("/ogc/collections/grid/items?limit=10&offset=10")
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert body["numberMatched"] == 48 and body["numberReturned"] == 10
    assert body["timeStamp"].endswith("Z")
    rels = _rels(body)
    assert {"self", "next", "prev"} <= set(rels)
    assert "offset=20" in rels["next"]["href"] and "offset=0" in rels["prev"]["href"]
    last = client.get("/ogc/collections/grid/items?limit=10&offset=40").json()
    assert last["numberReturned"] == 8 and "next" not in _rels(last)
    assert all(f["type"] == "Feature" and "id" in f for f in body["features"])


def test_default_limit_is_100(client: TestClient) -> None:
    body = client.get("/ogc/collections/network_edges/items").json()
    assert body["numberMatched"] == 2 * 11 * 10 and body["numberReturned"] == 100


def test_geometry_is_wgs84_lon_lat(client: TestClient) -> None:
    feature = client.get("/ogc/collections/services/items/s1").json()
    lon, lat = TO_WGS84.transform(ORIGIN[0] + 500, ORIGIN[1] + 500)
    assert feature["geometry"]["type"] == "Point"
    assert feature["geometry"]["coordinates"] == pytest.approx([lon, lat], abs=1e-9)
    assert 24 < lon < 26 and 60 < lat < 61
    assert feature["properties"]["service_type"] == "school"


def test_bbox_selects_intersecting_features(client: TestClient) -> None:
    x0, y0, x1, y1 = ORIGIN[0] + 300, ORIGIN[1] + 300, ORIGIN[0] + 900, ORIGIN[1] + 600
    minlon, minlat, maxlon, maxlat = TO_WGS84.transform_bounds(x0, y0, x1, y1)
    grid = grid_frame().to_crs(4326)
    expected = set(
        grid.loc[grid.intersects(shapely.box(minlon, minlat, maxlon, maxlat)), "cell_id"]
    )
    body = client.get(
        f"/ogc/collections/grid/items?bbox={minlon},{minlat},{maxlon},{maxlat}&limit=1000"
    ).json()
    assert {f["id"] for f in body["features"]} == expected
    assert body["numberMatched"] == len(expected) == 6  # 3 columns × 2 rows of cells


@pytest.mark.parametrize(
    ("datetime", "years"),
    [
        ("2023", {2023}),
        ("2022-06-01", {2022}),
        ("2022/2023", {2022, 2023}),
        ("../2022", {2022}),
        ("2023-01-01T00:00:00Z/..", {2023}),
    ],
)
def test_datetime_selects_years(client: TestClient, datetime: str, years: set[int]) -> None:
    body = client.get(f"/ogc/collections/areas/items?datetime={datetime}").json()
    assert {f["properties"]["year"] for f in body["features"]} == years
    assert body["numberMatched"] == 3 * len(years)


def test_property_filters_are_typed(client: TestClient) -> None:
    body = client.get("/ogc/collections/areas/items?postal_code=00200").json()
    assert [f["id"] for f in body["features"]] == ["00200-2022", "00200-2023"]
    body = client.get("/ogc/collections/buildings/items?floors=5").json()
    assert [f["id"] for f in body["features"]] == ["b2"]
    body = client.get("/ogc/collections/grid/items?in_city=true&limit=1").json()
    assert body["numberMatched"] == 48


def test_feature_by_id(client: TestClient) -> None:
    assert (
        client.get("/ogc/collections/areas/items/00100-2022").json()["properties"]["year"] == 2022
    )
    latest = client.get("/ogc/collections/areas/items/00100").json()
    assert latest["id"] == "00100-2023"
    assert "collection" in _rels(latest)
    assert client.get("/ogc/collections/areas/items/99999").status_code == 404
    assert client.get("/ogc/collections/nope/items/1").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=1001",
        "limit=ten",
        "offset=-1",
        "bbox=1,2,3",
        "bbox=a,b,c,d",
        "bbox=25,61,24,60",
        "bbox=0,95,1,96",
        "datetime=yesterday",
        "datetime=2023/2022",
        "nosuch=1",
        "floors=three",
        "f=xml",
    ],
)
def test_bad_parameters_are_400_with_one_line(client: TestClient, query: str) -> None:
    response = client.get(f"/ogc/collections/buildings/items?{query}")
    assert response.status_code == 400, (query, response.text)
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and detail


def test_datetime_on_undated_collection_is_400(client: TestClient) -> None:
    response = client.get("/ogc/collections/grid/items?datetime=2023")
    assert response.status_code == 400
    assert "time" in response.json()["detail"]


def test_unknown_collection_is_404(client: TestClient) -> None:
    response = client.get("/ogc/collections/nope/items")
    assert response.status_code == 404 and "nope" in response.json()["detail"]


def test_small_person_counts_are_never_served_for_cells(client: TestClient) -> None:
    body = client.get("/ogc/collections/grid/items?limit=12").json()
    served = {f["id"]: f["properties"]["inhabitants"] for f in body["features"]}
    for i, count in enumerate(CELL_INHABITANTS):
        # c0_3 (10) and c0_9 (15): every age band is small, none can be blanked in a small
        # one's place, so the total goes instead (complementary suppression)
        expected = None if 0 < count < 10 or i in (3, 9) else count
        assert served[f"c0_{i}"] == expected, (i, count)
        # Age bands of the cell are counts too (e.g. 10 % of 50 = 5 → suppressed).
    cell = client.get("/ogc/collections/grid/items/c0_4").json()["properties"]
    # The 10s may stay: 50 - 20 = 30 people over seven blanked bands pins none of them.
    assert cell["inhabitants"] == 50 and cell["age_0_9"] is None and cell["age_20_29"] == 10
    # No served cell lets a blanked band be derived from its total and shown bands.
    bands = [f"age_{a}_{a + 9}" for a in range(0, 80, 10)] + ["age_80_plus"]
    for feature in body["features"]:
        counts = feature["properties"]
        hidden = [b for b in bands if counts[b] is None]
        if counts["inhabitants"] is not None and hidden:
            held = counts["inhabitants"] - sum(counts[b] for b in bands if b not in hidden)
            assert len(hidden) > 1 and held >= 10, (feature["id"], counts)
