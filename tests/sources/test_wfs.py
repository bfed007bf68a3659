"""The WFS 2.0 fetcher against a real MapServer serving the staged real data (loopback)."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest

from dikas.errors import FetchError, MissingDataError
from dikas.sources.acquire import acquire, lock_path
from dikas.sources.catalog import load_catalog
from dikas.sources.lock import LockFile
from dikas.sources.services.wfs import fes_filter, parse_capabilities
from tests.servers.mapserver import FEATURE_CAP, MapServer, mapserv_binary
from tests.servers.mapserver import no_retry_client as client
from tests.servers.mapserver import offline_settings as settings

pytestmark = pytest.mark.skipif(
    mapserv_binary() is None,
    reason="MapServer (cgi-mapserver) is not installed; .ci/run installs it",
)

CAPITAL = [("091", "Helsinki"), ("049", "Espoo"), ("092", "Vantaa")]


@pytest.fixture
def server(clean_mapserver: MapServer) -> MapServer:
    """The session's MapServer, reset for each test (tests/conftest.py)."""
    return clean_mapserver


def write_catalog(
    folder: Path,
    url: str,
    *,
    municipalities: list[tuple[str, str]],
    source_extra: str = "",
    type_name: str = "postialue:pno_tilasto_{year}",
    bbox: str | None = None,
    page_size: int = 40,
) -> Path:
    munis = "\n".join(f'    - {{code: "{c}", name: {n}}}' for c, n in municipalities)
    bbox_line = f"  bbox: {bbox}\n" if bbox else ""
    text = f"""city:
  name: wfs-test
  crs: EPSG:3067
{bbox_line}  municipalities:
{munis}
datasets:
  - name: paavo
    title: Paavo
    producer: Statistics Finland
    licence: CC BY 4.0
    attribution: Statistics Finland
    format: paavo
    crs: EPSG:3067
    source:
      kind: wfs
      url: {url}
      type_name: "{type_name}"
      page_size: {page_size}
{source_extra}"""
    path = folder / "catalog.yaml"
    path.write_text(text, "utf-8")
    return path


def get_features(server: MapServer) -> list[dict[str, str]]:
    return [
        q
        for p, q in server.requests
        if q.get("REQUEST") == "GetFeature" and q.get("RESULTTYPE") != "hits"
    ]


def test_years_come_from_capabilities_and_pages_follow_the_server_cap(
    server: MapServer, tmp_path: Path, data_dir: Path
) -> None:
    catalog = load_catalog(
        path=write_catalog(tmp_path, server.wfs_url("postialue"), municipalities=CAPITAL)
    )
    parts = acquire(catalog, settings(tmp_path), client=client(), show_progress=False)["paavo"]
    assert [p.year for p in parts] == [2020, 2021, 2022, 2023]
    assert {p.origin for p in parts} == {"fetched"}
    pages = [q for q in get_features(server) if q["TYPENAMES"] == "postialue:pno_tilasto_2023"]
    # 172 capital-region areas, no filter; COUNT=40 is below the server cap (50): 5 pages
    assert len(pages) == 5
    assert [int(q["STARTINDEX"]) for q in pages] == [0, 40, 80, 120, 160]
    assert all(q["OUTPUTFORMAT"] == "application/json; subtype=geojson" for q in pages)
    got = gpd.read_file(parts[-1].path)
    assert got.crs.to_epsg() == 3067
    assert len(got) == 172 and got["postinumeroalue"].is_unique
    assert set(got["kunta"]) == {"091", "049", "092", "235", "543"}  # 543: 01800 Klaukkala
    # Helsinki rows equal the staged Paavo file feature by feature
    staged = gpd.read_file(data_dir / "paavo_helsinki" / "paavo_12f7_helsinki_2023.geojson")
    helsinki = got[got["kunta"] == "091"].set_index("postinumeroalue").sort_index()
    staged = staged.set_index("postal_code").sort_index()
    assert list(helsinki.index) == list(staged.index)
    assert (helsinki["he_vakiy"] == staged["Inhabitants, total (HE)"]).all()
    assert helsinki.loc["00100", "he_vakiy"] == 18462
    difference = helsinki.geometry.symmetric_difference(staged.geometry).area
    assert (difference / staged.geometry.area < 1e-5).all()  # mm coordinate precision
    assert abs(helsinki.geometry.area - staged.geometry.area).max() < 1.0


def test_server_cap_smaller_than_count_is_paged_through(server: MapServer, tmp_path: Path) -> None:
    catalog = load_catalog(
        path=write_catalog(
            tmp_path,
            server.wfs_url("postialue"),
            municipalities=CAPITAL,
            source_extra="      years: [2022]\n",
            page_size=500,
        )
    )
    parts = acquire(catalog, settings(tmp_path), client=client(), show_progress=False)["paavo"]
    pages = get_features(server)
    assert [int(q["COUNT"]) for q in pages] == [500] * len(pages)
    assert [int(q["STARTINDEX"]) for q in pages] == [
        0,
        FEATURE_CAP,
        2 * FEATURE_CAP,
        3 * FEATURE_CAP,
    ]
    assert len(gpd.read_file(parts[0].path)) == 172


def test_fes_filter_keeps_only_the_catalog_municipalities(
    server: MapServer, tmp_path: Path
) -> None:
    extra = "      years: [2021]\n      filter: {property: kunta, values: municipalities}\n"
    catalog = load_catalog(
        path=write_catalog(
            tmp_path, server.wfs_url("postialue"), municipalities=CAPITAL[:1], source_extra=extra
        )
    )
    part = acquire(catalog, settings(tmp_path), client=client(), show_progress=False)["paavo"][0]
    got = gpd.read_file(part.path)
    assert len(got) == 84 and set(got["kunta"]) == {"091"}
    hits = [q for p, q in server.requests if q.get("RESULTTYPE") == "hits"]
    assert len(hits) == 1 and "PropertyIsEqualTo" in hits[0]["FILTER"]
    entry = LockFile(lock_path(catalog, settings(tmp_path))).get("paavo", "2021")
    assert entry is not None
    assert entry.request["typeNames"] == "postialue:pno_tilasto_2021"
    assert entry.request["numberMatched"] == 84 and entry.request["pages"] == 3
    assert entry.request["pageSize"] == 40 and entry.request["srsName"] == "EPSG:3067"
    assert "<fes:Literal>091</fes:Literal>" in entry.request["filter"]
    assert entry.extra["features"] == 84


def test_two_municipalities_make_an_or_filter_and_bbox_goes_inside_it(
    server: MapServer, tmp_path: Path
) -> None:
    xml = fes_filter("kunta", ["049", "092"], (380000, 6670000, 390000, 6680000))
    assert xml is not None and "<fes:Or>" in xml and "<fes:And>" in xml
    extra = (
        "      years: [2023]\n      filter: {property: kunta, values: municipalities}\n"
        "      bbox: city\n"
    )
    catalog = load_catalog(
        path=write_catalog(
            tmp_path,
            server.wfs_url("postialue"),
            municipalities=CAPITAL[1:],
            source_extra=extra,
            bbox="[360000, 6660000, 400000, 6700000]",
        )
    )
    part = acquire(catalog, settings(tmp_path), client=client(), show_progress=False)["paavo"][0]
    got = gpd.read_file(part.path)
    assert set(got["kunta"]) == {"049", "092"}
    everything = [q for q in server.requests if q[1].get("RESULTTYPE") == "hits"]
    assert "<fes:BBOX>" in everything[0][1]["FILTER"]
    minx, miny, maxx, maxy = got.total_bounds
    assert maxx >= 360000 and minx <= 400000 and maxy >= 6660000 and miny <= 6700000
    assert got["he_vakiy"].gt(0).any() and (got["he_miehet"] == -1).all()


def test_frozen_reuses_the_locked_part_without_network(server: MapServer, tmp_path: Path) -> None:
    extra = "      years: [2020]\n"
    catalog = load_catalog(
        path=write_catalog(
            tmp_path, server.wfs_url("postialue"), municipalities=CAPITAL, source_extra=extra
        )
    )
    first = acquire(catalog, settings(tmp_path), client=client(), show_progress=False)["paavo"]
    server.requests.clear()
    again = acquire(catalog, settings(tmp_path), client=client(), show_progress=False, frozen=True)[
        "paavo"
    ]
    assert server.requests == []
    assert again[0].origin == "cache" and again[0].path == first[0].path
    with pytest.raises(MissingDataError, match="--frozen and no locked copy of year 2021"):
        acquire(
            catalog,
            settings(tmp_path),
            client=client(),
            show_progress=False,
            frozen=True,
            years=[2021],
        )


def _fault_case(server: MapServer, tmp_path: Path, tamper, match: str) -> None:
    extra = "      years: [2023]\n"
    catalog = load_catalog(
        path=write_catalog(
            tmp_path, server.wfs_url("postialue"), municipalities=CAPITAL, source_extra=extra
        )
    )
    good = acquire(
        catalog,
        settings(tmp_path),
        client=client(),
        show_progress=False,
    )["paavo"][0]
    before = good.path.read_bytes()
    lock_before = lock_path(catalog, settings(tmp_path)).read_text("utf-8")
    server.tamper = tamper
    with pytest.raises(FetchError, match=match) as info:
        acquire(catalog, settings(tmp_path), client=client(), show_progress=False, refresh=True)
    message = str(info.value)
    assert (
        "\n" not in message and "dataset 'paavo'" in message and "URL http://127.0.0.1" in message
    )
    assert good.path.read_bytes() == before
    assert lock_path(catalog, settings(tmp_path)).read_text("utf-8") == lock_before
    leftovers = [p.name for p in good.path.parent.iterdir() if p.name.endswith(".part")]
    assert leftovers == []


def _on_page(start: int, change):
    def tamper(path, query, status, headers, body):
        if (
            query.get("REQUEST") == "GetFeature"
            and query.get("RESULTTYPE") != "hits"
            and int(query.get("STARTINDEX", -1)) == start
        ):
            return change(status, headers, body)
        return None

    return tamper


def test_empty_page_in_the_middle_is_an_error(server: MapServer, tmp_path: Path) -> None:
    def empty(status, headers, body):
        page = json.loads(body)
        page["features"] = []
        return status, headers, json.dumps(page).encode()

    _fault_case(
        server, tmp_path, _on_page(80, empty), r"empty page at startIndex 80 with 80 of 172"
    )


def test_non_json_page_is_an_error(server: MapServer, tmp_path: Path) -> None:
    html = lambda s, h, b: (200, {"Content-Type": "text/html"}, b"<html>maintenance</html>")  # noqa: E731
    _fault_case(server, tmp_path, _on_page(40, html), r"not GeoJSON \(text/html")


def test_exception_report_is_quoted(server: MapServer, tmp_path: Path) -> None:
    report = (
        b'<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/'
        b'ows/1.1" version="2.0.0"><ows:Exception exceptionCode="OperationProcessingFailed">'
        b"<ows:ExceptionText>database is down</ows:ExceptionText></ows:Exception>"
        b"</ows:ExceptionReport>"
    )
    _fault_case(
        server,
        tmp_path,
        _on_page(40, lambda s, h, b: (200, h, report)),
        r"service exception OperationProcessingFailed: database is down",
    )


def test_http_400_exception_report_from_mapserver_is_quoted(
    server: MapServer, tmp_path: Path
) -> None:
    # a real MapServer fault: an unknown property in the FES filter
    extra = '      years: [2023]\n      filter: {property: no_such_field, values: ["091"]}\n'
    catalog = load_catalog(
        path=write_catalog(
            tmp_path, server.wfs_url("postialue"), municipalities=CAPITAL, source_extra=extra
        )
    )
    with pytest.raises(FetchError, match=r"HTTP 400.*service exception"):
        acquire(catalog, settings(tmp_path), client=client(), show_progress=False)


def test_missing_required_property_is_an_error(server: MapServer, tmp_path: Path) -> None:
    def drop(status, headers, body):
        page = json.loads(body)
        del page["features"][3]["properties"]["kunta"]
        return status, headers, json.dumps(page).encode()

    extra = "      years: [2023]\n      filter: {property: kunta, values: municipalities}\n"
    catalog = load_catalog(
        path=write_catalog(
            tmp_path, server.wfs_url("postialue"), municipalities=CAPITAL, source_extra=extra
        )
    )
    server.tamper = _on_page(40, drop)
    with pytest.raises(FetchError, match=r"lacks the required property 'kunta'"):
        acquire(catalog, settings(tmp_path), client=client(), show_progress=False)
    assert not list((tmp_path / "cache").rglob("*.geojson"))


def test_changed_crs_is_an_error(server: MapServer, tmp_path: Path) -> None:
    def relabel(status, headers, body):
        page = json.loads(body)
        page["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3879"}}
        return status, headers, json.dumps(page).encode()

    _fault_case(
        server,
        tmp_path,
        _on_page(40, relabel),
        r"answer is in EPSG:3879, not the requested EPSG:3067",
    )


def test_coordinates_in_another_crs_are_caught(server: MapServer, tmp_path: Path) -> None:
    def degrees(status, headers, body):
        page = json.loads(body)
        page.pop("crs", None)
        for feature in page["features"]:
            feature["geometry"] = {"type": "Point", "coordinates": [24.9, 60.1]}
        return status, headers, json.dumps(page).encode()

    _fault_case(server, tmp_path, _on_page(0, degrees), r"not in the requested EPSG:3067")


def test_pages_that_do_not_add_up_to_the_hits_are_an_error(
    server: MapServer, tmp_path: Path
) -> None:
    def extra(status, headers, body):
        page = json.loads(body)
        for number, feature in enumerate(json.loads(body)["features"][:3]):
            feature["id"] = f"extra{number}"
            feature["properties"]["postinumeroalue"] = f"9999{number}"
            page["features"].append(feature)
        return status, headers, json.dumps(page).encode()

    # the last page (12 features from startIndex 160) comes with 3 more: 175 ≠ 172
    _fault_case(
        server,
        tmp_path,
        _on_page(160, extra),
        r"add up to 175 features but the "
        r"service matched 172",
    )


def test_duplicate_features_across_pages_are_an_error(server: MapServer, tmp_path: Path) -> None:
    seen: dict[str, list] = {}

    def repeat(status, headers, body):
        page = json.loads(body)
        if "first" not in seen:
            seen["first"] = page["features"][:1]
            return None
        page["features"][0] = seen["first"][0]
        return status, headers, json.dumps(page).encode()

    def tamper(path, query, status, headers, body):
        if query.get("REQUEST") == "GetFeature" and query.get("RESULTTYPE") != "hits":
            return repeat(status, headers, body)
        return None

    _fault_case(server, tmp_path, tamper, r"came twice while paging")


def test_unknown_year_names_the_years_on_offer(server: MapServer, tmp_path: Path) -> None:
    catalog = load_catalog(
        path=write_catalog(tmp_path, server.wfs_url("postialue"), municipalities=CAPITAL)
    )
    with pytest.raises(FetchError, match=r"no year 2019 .*years offered: 2020, 2021, 2022, 2023"):
        acquire(catalog, settings(tmp_path), client=client(), show_progress=False, years=[2019])


def test_capabilities_parser_reads_mapserver_formats(server: MapServer) -> None:
    body = (
        client()
        .get(
            server.wfs_url("postialue"),
            {"SERVICE": "WFS", "VERSION": "2.0.0", "REQUEST": "GetCapabilities"},
            dataset="x",
        )
        .body
    )
    caps = parse_capabilities(body, dataset="x", url="u")
    assert caps.type_names == tuple(f"postialue:pno_tilasto_{y}" for y in range(2020, 2024))
    assert "application/json; subtype=geojson" in caps.output_formats
    assert caps.count_default == FEATURE_CAP


def test_a_server_that_does_not_count_is_paged_until_a_short_page(
    server: MapServer, tmp_path: Path
) -> None:
    def uncounted(path, query, status, headers, body):
        if query.get("RESULTTYPE") == "hits":
            return status, headers, body.replace(b'numberMatched="172"', b'numberMatched="unknown"')
        if query.get("REQUEST") == "GetFeature":
            page = json.loads(body)
            page.pop("numberMatched", None)
            return status, headers, json.dumps(page).encode()
        return None

    server.tamper = uncounted
    catalog = load_catalog(
        path=write_catalog(
            tmp_path,
            server.wfs_url("postialue"),
            municipalities=CAPITAL,
            page_size=500,
            source_extra="      years: [2023]\n",
        )
    )
    part = acquire(catalog, settings(tmp_path), client=client(), show_progress=False)["paavo"][0]
    # the cap (50) is below COUNT (500): pages of 50, 50, 50, then 22 — the short page ends it
    assert [int(q["STARTINDEX"]) for q in get_features(server)] == [0, 50, 100, 150]
    assert len(gpd.read_file(part.path)) == 172
    assert part.lock is not None and part.lock.request["numberMatched"] is None


def test_sort_by_is_sent_and_a_server_refusal_is_quoted(server: MapServer, tmp_path: Path) -> None:
    # MapServer cannot sort a FlatGeobuf layer: its real ExceptionReport (HTTP 403) is quoted
    extra = "      years: [2022]\n      sort_by: postinumeroalue\n"
    catalog = load_catalog(
        path=write_catalog(
            tmp_path, server.wfs_url("postialue"), municipalities=CAPITAL, source_extra=extra
        )
    )
    with pytest.raises(
        FetchError,
        match=r"dataset 'paavo', URL .*SORTBY=postinumeroalue.*: "
        r"HTTP 403, service exception OperationProcessingFailed: "
        r".*does not support sorting$",
    ):
        acquire(catalog, settings(tmp_path), client=client(), show_progress=False)
    assert not list((tmp_path / "cache").rglob("*.geojson"))


GEOSERVER_CAPABILITIES = b"""<?xml version="1.0" encoding="UTF-8"?>
<wfs:WFS_Capabilities version="2.0.0" xmlns:wfs="http://www.opengis.net/wfs/2.0"
    xmlns:ows="http://www.opengis.net/ows/1.1">
  <ows:OperationsMetadata>
    <ows:Operation name="GetFeature">
      <ows:Parameter name="outputFormat"><ows:AllowedValues>
        <ows:Value>application/gml+xml; version=3.2</ows:Value>
        <ows:Value>application/json</ows:Value>
        <ows:Value>json</ows:Value>
      </ows:AllowedValues></ows:Parameter>
    </ows:Operation>
    <ows:Constraint name="CountDefault"><ows:NoValues/><ows:DefaultValue>5000</ows:DefaultValue>
    </ows:Constraint>
  </ows:OperationsMetadata>
  <FeatureTypeList>
    <FeatureType xmlns:postialue="http://postialue"><Name>postialue:pno_2023</Name></FeatureType>
    <FeatureType xmlns:postialue="http://postialue"><Name>postialue:pno_tilasto_2022</Name></FeatureType>
    <FeatureType xmlns:postialue="http://postialue"><Name>postialue:pno_tilasto_2024</Name></FeatureType>
    <FeatureType xmlns:postialue="http://postialue"><Name>postialue:pno_tilasto</Name></FeatureType>
  </FeatureTypeList>
</wfs:WFS_Capabilities>"""


def test_geoserver_style_capabilities_give_years_and_application_json() -> None:
    from dikas.sources.services.wfs import choose_output_format, offered_years

    caps = parse_capabilities(GEOSERVER_CAPABILITIES, dataset="x", url="u")
    assert offered_years(caps, "postialue:pno_tilasto_{year}") == {
        2022: "postialue:pno_tilasto_2022",
        2024: "postialue:pno_tilasto_2024",
    }
    assert offered_years(caps, "pno_tilasto_{year}") == {
        2022: "postialue:pno_tilasto_2022",
        2024: "postialue:pno_tilasto_2024",
    }
    assert choose_output_format(caps, "postialue:pno_tilasto_2024") == "application/json"
    assert caps.count_default == 5000
    with pytest.raises(FetchError, match="not WFS_Capabilities"):
        parse_capabilities(b"<html/>", dataset="x", url="u")


def test_endpoint_option_replaces_the_catalog_url(server: MapServer, tmp_path: Path) -> None:
    catalog = load_catalog(
        path=write_catalog(
            tmp_path,
            "https://geo.example.invalid/wfs",
            municipalities=CAPITAL,
            source_extra="      years: [2021]\n",
        )
    )
    parts = acquire(
        catalog,
        settings(tmp_path),
        client=client(),
        show_progress=False,
        endpoints={"paavo": server.wfs_url("postialue")},
    )["paavo"]
    assert len(gpd.read_file(parts[0].path)) == 172
    assert parts[0].lock is not None and parts[0].lock.url == server.wfs_url("postialue")
