"""The map app in headless Chromium against the real server and the real Helsinki twin.

The tests share one loaded page (module fixture) and run in file order: load, year slider,
area profile, cell profile (privacy), a click at building level, scenario (and its shared URL),
comments, isochrone. Every check compares what the page shows with values
computed here from the API's JSON or from the twin itself.
"""

from __future__ import annotations

import bisect
import io
import re
import time
from typing import TYPE_CHECKING

import httpx
import numpy as np
import pytest
from PIL import Image

from tests.web.conftest import READY_TIMEOUT_MS, Server, open_app, save_screenshot, wait_until

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.integration]

LOW_INCOME = "share:lowest_income_inhabitants/adults_income_total"
BACKGROUND = np.array([0xF2, 0xEF, 0xE9])


def map_pixels(page: Page) -> np.ndarray:
    """The map element as an RGB array (the WebGL canvas keeps its drawing buffer)."""
    png = page.locator("#map").screenshot()
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def class_of(value: float, bins: list[float]) -> int:
    """Class of a value for ascending upper bounds (mapclassify's rule: value <= bin)."""
    return min(bisect.bisect_left(bins, value), len(bins) - 1)


def legend_colours(page: Page) -> list[str]:
    """Legend swatch colours, in class order (the last swatch is 'no data')."""
    styles = page.eval_on_selector_all("#legend .swatch", "els => els.map(e => e.style.background)")
    return styles[:-1]


def area_colour(page: Page, postal_code: str) -> str | None:
    return page.evaluate(
        "id => (dikas.map.getFeatureState({source: 'twin', sourceLayer: 'areas', id}) || {}).colour",
        postal_code,
    )


def rgb(colour: str) -> str:
    """``#rrggbb`` as the browser's ``rgb(r, g, b)``."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def wait_renders(page: Page, before: int) -> None:
    wait_until(
        page, f"Number(document.body.dataset.renders) > {before}", timeout_ms=READY_TIMEOUT_MS
    )


def renders(page: Page) -> int:
    return int(page.evaluate("document.body.dataset.renders"))


def indicator(server: Server, name: str, year: int) -> dict:
    response = httpx.get(
        f"{server.url}/api/indicators",
        params={"indicator": name, "level": "areas", "year": year},
        timeout=60,
    )
    response.raise_for_status()
    return response.json()


def indicator_values(server: Server, name: str, level: str) -> dict:
    response = httpx.get(
        f"{server.url}/api/indicators", params={"indicator": name, "level": level}, timeout=60
    )
    response.raise_for_status()
    return response.json()["values"]


def check_area_colours(page: Page, values: dict, bins: list[float], *, sample: int = 12) -> None:
    """Each area's colour is the legend colour of the class computed here."""
    colours = legend_colours(page)
    assert len(colours) == len(bins)
    checked = 0
    for code, value in sorted(values.items()):
        if value is None:
            assert area_colour(page, code) is None
            continue
        assert rgb(area_colour(page, code)) == colours[class_of(value, bins)], code
        checked += 1
        if checked >= sample:
            break
    assert checked == sample


def safe_points(page: Page, lonlats: list[tuple[float, float]]) -> list[tuple[int, float, float]]:
    """Indices and canvas pixels of points drawn well inside the map (off controls/attribution)."""
    size = page.evaluate("[dikas.map.getCanvas().clientWidth, dikas.map.getCanvas().clientHeight]")
    pixels = page.evaluate(
        "pts => pts.map(p => { const q = dikas.map.project(p); return [q.x, q.y]; })",
        [list(p) for p in lonlats],
    )
    return [
        (i, x, y)
        for i, (x, y) in enumerate(pixels)
        if 80 < x < size[0] - 420 and 80 < y < size[1] - 140
    ]


def click_map(page: Page, x: float, y: float) -> tuple[float, float]:
    """Click the map canvas at canvas pixel (x, y); returns the clicked lon/lat."""
    x, y = round(x), round(y)
    box = page.locator("#map canvas.maplibregl-canvas").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    lon, lat = page.evaluate(
        "p => { const l = dikas.map.unproject(p); return [l.lng, l.lat]; }", [x, y]
    )
    return lon, lat


def street_node_in_view(page: Page, server: Server, *, seed: int) -> tuple[float, float]:
    """Canvas pixel of a street-network node drawn well inside the map view."""
    import dikas

    with dikas.open(server.twin) as twin:
        nodes = twin.read("network_nodes", columns=["node_id", "geometry"]).to_crs(4326)
    nodes = nodes.sample(n=min(len(nodes), 2000), random_state=seed)
    inside = safe_points(page, [(p.x, p.y) for p in nodes.geometry])
    assert inside, "no street node is drawn inside the map view"
    _, x, y = inside[0]
    return x, y


def bar_charts(page: Page) -> list[dict]:
    """The profile's bar charts: unit, section, and per bar its name, value and city tick."""
    return page.eval_on_selector_all(
        "#profile svg.chart.bars",
        """svgs => svgs.map(svg => ({
        unit: svg.dataset.unit,
        section: (svg.closest('section[data-section]') || {dataset: {}}).dataset.section || null,
        ticks: svg.querySelectorAll('line').length,
        bars: [...svg.querySelectorAll('rect[data-value]')].map(r => ({
            name: r.dataset.name, value: Number(r.dataset.value),
            ref: r.dataset.ref === undefined ? null : Number(r.dataset.ref)}))}))""",
    )


def check_one_unit_per_chart(page: Page) -> list[dict]:
    """No profile chart puts values of different units on one scale; returns the charts."""
    charts = bar_charts(page)
    for chart in charts:
        numbers = [v for bar in chart["bars"] for v in (bar["value"], bar["ref"]) if v is not None]
        assert chart["unit"], chart
        assert not (max(numbers) > 1000 and min(numbers) < 1), chart
        if chart["unit"] in ("share", "probability", "index"):
            assert all(0 <= v <= 1 for v in numbers), chart
        # the city's values are ticks on the area's bars, not bars of their own
        assert chart["ticks"] == sum(bar["ref"] is not None for bar in chart["bars"])
    return charts


def section_names(page: Page, section: str) -> set[str]:
    """The names of the values a profile section shows, as bars or as table rows."""
    return set(
        page.eval_on_selector_all(
            f"#profile section[data-section='{section}'] [data-name]",
            "els => els.map(e => e.dataset.name)",
        )
    )


def check_profile_sections(page: Page, profile: dict) -> None:
    """Income bars are the area's values with the city's as ticks, euros and shares apart;
    heat does not repeat the vulnerability rows; every value is shown once."""
    charts = check_one_unit_per_chart(page)
    income = {k: v for k, v in profile["income"].items() if k != "city"}
    bars = {
        bar["name"]: bar
        for chart in charts
        if chart["section"] == "income"
        for bar in chart["bars"]
    }
    assert bars, "no income chart"
    for name, bar in bars.items():
        assert bar["value"] == pytest.approx(income[name])
        assert bar["ref"] == pytest.approx(profile["income"]["city"][name])
    units = {chart["unit"] for chart in charts if chart["section"] == "income"}
    assert units == {"share", "euro"}
    assert section_names(page, "income") == set(income)
    vulnerability = set(profile["vulnerability"] or {})
    assert section_names(page, "vulnerability") == vulnerability
    assert section_names(page, "heat") == set(profile["heat"] or {}) - vulnerability


def test_map_loads_offline_and_draws_the_chosen_indicator(app_page, server: Server) -> None:
    page, log = app_page
    save_screenshot(page, "web_map_loaded")
    assert page.evaluate("document.body.dataset.state") == "ready"
    assert page.evaluate("document.body.dataset.errors") is None, page.inner_text("#errors")
    assert log.failed == []
    assert log.foreign_hosts() == set()
    # One composite tile per z/x/y carries the buildings, the base map and the areas.
    tile_layers = {
        layer
        for u in log.urls
        if "/api/tiles/" in u
        for layer in u.split("/api/tiles/")[1].split("/")[0].split(",")
    }
    assert {"buildings", "basemap_streets", "areas", "services"} <= tile_layers

    meta = httpx.get(f"{server.url}/api/meta", timeout=60).json()
    # every source in the compact attribution, each once (Paavo once, not once per year)
    shown = page.evaluate("document.querySelector('.maplibregl-ctrl-attrib-inner').textContent")
    sources = {
        re.sub(r"\s*\((19|20)\d\d\)$", "", part.strip()) for part in meta["attribution"].split(";")
    }
    for source in sources:
        assert shown.count(source) >= 1, source
    assert shown.count("Paavo") == 1

    pixels = map_pixels(page)
    drawn = np.abs(pixels - BACKGROUND).sum(axis=2) > 30
    assert drawn.mean() > 0.5
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 100

    assert (
        page.evaluate("document.body.dataset.choropleth")
        == f"areas:{LOW_INCOME}:{max(meta['years'])}"
    )
    data = indicator(server, LOW_INCOME, max(meta["years"]))
    check_area_colours(page, data["values"], data["breaks"]["quantiles"])


def test_year_slider_recolours_the_map(app_page, server: Server) -> None:
    page, _ = app_page
    before_pixels = map_pixels(page)
    before = renders(page)
    page.locator("#year").fill("2020")
    wait_renders(page, before)
    save_screenshot(page, "web_year_2020")
    assert page.evaluate("document.body.dataset.choropleth") == f"areas:{LOW_INCOME}:2020"
    changed = np.abs(map_pixels(page) - before_pixels).sum(axis=2) > 30
    assert changed.mean() > 0.02

    old, new = indicator(server, LOW_INCOME, 2023), indicator(server, LOW_INCOME, 2020)
    check_area_colours(page, new["values"], new["breaks"]["quantiles"])
    moved = [
        c
        for c, v in new["values"].items()
        if v is not None
        and old["values"].get(c) is not None
        and class_of(v, new["breaks"]["quantiles"])
        != class_of(old["values"][c], old["breaks"]["quantiles"])
    ]
    assert moved, "no area changes class between 2020 and 2023"

    before = renders(page)
    page.select_option("#classification", "natural_breaks")
    wait_renders(page, before)
    check_area_colours(page, new["values"], new["breaks"]["natural_breaks"])


def test_click_opens_the_area_profile(app_page, server: Server) -> None:
    import dikas

    page, _ = app_page
    with dikas.open(server.twin) as twin:
        areas = twin.read(
            "areas", year=2020, columns=["postal_code", "name", "inhabitants_total", "geometry"]
        )
    areas = areas.assign(size=areas.area).sort_values("size", ascending=False).to_crs(4326)
    points = [(p.x, p.y) for p in areas.geometry.representative_point()]
    inside = safe_points(page, points)
    assert inside, "no area is drawn inside the map view"
    index, x, y = inside[0]
    area = areas.iloc[index]
    click_map(page, x, y)
    page.wait_for_selector("#profile[data-state=ready]", timeout=READY_TIMEOUT_MS)
    save_screenshot(page, "web_area_profile")
    assert page.get_attribute("#profile", "data-unit") == area.postal_code
    assert area["name"] in page.inner_text("#profile-title")
    row = page.locator('#profile tr[data-name="inhabitants_total"] td.num').first.inner_text()
    assert row == f"{round(area.inhabitants_total):,}"
    assert page.locator("#profile svg.chart").count() >= 2
    profile = httpx.get(
        f"{server.url}/api/areas/{area.postal_code}/profile",
        timeout=60,
        params={"year": page.input_value("#year")},
    ).json()
    check_profile_sections(page, profile)
    page.locator("#profile section[data-section='heat']").scroll_into_view_if_needed()
    save_screenshot(page, "web_area_profile_charts")
    page.click("#profile-close")


def test_cell_profile_never_shows_small_counts(app_page, server: Server) -> None:
    import dikas

    page, _ = app_page
    before = renders(page)
    page.evaluate("key => dikas.chooseIndicator(key)", "grid|inhabitants")
    wait_renders(page, before)
    values = indicator_values(server, "inhabitants", "grid")
    with dikas.open(server.twin) as twin:
        grid = twin.read("grid", columns=["cell_id", "inhabitants", "geometry"])
    small = grid[grid.cell_id.isin([c for c, v in values.items() if v is None])]
    assert (small.inhabitants.fillna(0) < server.min_count).all()
    shown = grid[grid.cell_id.isin([c for c, v in values.items() if v is not None])]
    assert (shown.inhabitants >= server.min_count).all()
    points = [(p.x, p.y) for p in small.geometry.centroid.to_crs(4326)]
    inside = safe_points(page, points)
    assert inside, "no suppressed cell is drawn inside the map view"
    index, x, y = inside[0]
    cell = small.iloc[index]
    state = page.evaluate(
        "id => dikas.map.getFeatureState({source: 'grid', sourceLayer: 'grid', id})", cell.cell_id
    )
    assert state.get("colour") is None
    click_map(page, x, y)
    page.wait_for_selector(
        f"#profile[data-state=ready][data-unit='{cell.cell_id}']", timeout=READY_TIMEOUT_MS
    )
    save_screenshot(page, "web_cell_profile")
    row = page.locator('#profile tr[data-name="inhabitants"] td.num').first.inner_text()
    assert row == f"suppressed (fewer than {server.min_count})"
    check_one_unit_per_chart(page)
    page.click("#profile-close")


def wait_idle(page: Page, script: str, arg: object = None) -> None:
    """Run `script` (a function of `arg` that changes the view) and wait for the map's idle."""
    page.evaluate(
        f"""arg => new Promise(resolve => {{
        dikas.map.once('idle', resolve);
        ({script})(arg);
        dikas.map.triggerRepaint();
    }})""",
        arg,
    )


def test_click_at_building_level_opens_the_area_profile(app_page, server: Server) -> None:
    import geopandas as gpd

    import dikas

    page, _ = app_page
    meta = httpx.get(f"{server.url}/api/meta", timeout=60).json()
    level = next(i for i in meta["indicators"] if i["level"] == "buildings")
    previous = page.evaluate("dikas.state.indicatorKey")
    view = page.evaluate("({center: dikas.map.getCenter().toArray(), zoom: dikas.map.getZoom()})")
    with dikas.open(server.twin) as twin:
        buildings = twin.read("buildings", columns=["building_id", "postal_code", "geometry"])
        areas = twin.read("areas", year=max(meta["years"]), columns=["postal_code", "geometry"])
    buildings = buildings.assign(size=buildings.area).sort_values("size", ascending=False)
    target = buildings.geometry.to_crs(4326).representative_point().iloc[0]
    before = renders(page)
    page.evaluate("key => dikas.chooseIndicator(key)", f"buildings|{level['name']}")
    wait_renders(page, before)
    # Buildings are drawn from zoom 12: zoom in on one, left of where the profile panel opens.
    wait_idle(
        page,
        "c => { dikas.map.jumpTo({center: c, zoom: 16}); dikas.map.panBy([170, 0], {duration: 0}); }",
        [target.x, target.y],
    )
    assert page.evaluate("dikas.map.getPaintProperty('areas-fill', 'fill-opacity')") == 0
    # Pixels on a building, and pixels of open ground (lon/lat of the ground under them).
    hits = page.evaluate("""() => {
        const size = [dikas.map.getCanvas().clientWidth, dikas.map.getCanvas().clientHeight];
        const found = {buildings: [], ground: []};
        for (let y = 80; y < size[1] - 140; y += 6) for (let x = 80; x < size[0] - 420; x += 6) {
            const building = dikas.map.queryRenderedFeatures([x, y], {layers: ['buildings-3d']})[0];
            if (building) found.buildings.push([x, y, building.properties.building_id]);
            else found.ground.push([x, y, ...dikas.map.unproject([x, y]).toArray()]);
        }
        return found;
    }""")
    assert hits["buildings"] and hits["ground"], "no building and open ground side by side"
    x, y, building_id = hits["buildings"][0]
    click_map(page, x, y)
    expected = buildings.set_index("building_id").at[building_id, "postal_code"]
    page.wait_for_selector(
        f"#profile[data-state=ready][data-unit='{expected}']", timeout=READY_TIMEOUT_MS
    )
    save_screenshot(page, "web_building_level_click")
    page.click("#profile-close")  # a hidden panel never matches the wait below
    # Off the buildings: the postal area under the ground clicked, the one farthest from a border.
    points = gpd.GeoSeries(
        gpd.points_from_xy([g[2] for g in hits["ground"]], [g[3] for g in hits["ground"]]), crs=4326
    ).to_crs(areas.crs)
    inside = gpd.sjoin(gpd.GeoDataFrame(geometry=points), areas, predicate="within")
    assert not inside.empty, "no open ground inside a postal area"
    margins = [
        areas.geometry.loc[i].boundary.distance(p)
        for i, p in zip(inside.index_right, inside.geometry, strict=True)
    ]
    best = inside.iloc[int(np.argmax(margins))]
    x, y = hits["ground"][best.name][:2]
    click_map(page, x, y)
    page.wait_for_selector(
        f"#profile[data-state=ready][data-unit='{best.postal_code}']", timeout=READY_TIMEOUT_MS
    )
    page.click("#profile-close")
    before = renders(page)
    page.evaluate("key => dikas.chooseIndicator(key)", previous)
    wait_renders(page, before)
    wait_idle(page, "v => dikas.map.jumpTo(v)", view)


OVERLAY_POINT = np.array([128, 0, 128])
"""The colour of the scenario overlay's points (deck.gl, ``overlay.js``)."""


def wait_for_colour(
    page: Page, x: int, y: int, colour: np.ndarray, *, timeout_s: float = 30
) -> None:
    """Wait until the map shows `colour` within 2 pixels of (x, y) (deck.gl draws on its own
    canvas, in its own frame)."""
    deadline = time.monotonic() + timeout_s
    while True:
        patch = map_pixels(page)[y - 2 : y + 3, x - 2 : x + 3]
        if (np.abs(patch - colour).sum(axis=2) < 40).any():
            return
        assert time.monotonic() < deadline, (
            f"no {colour} at {x}, {y}: {patch.reshape(-1, 3).tolist()}"
        )
        page.wait_for_timeout(500)


def diverging_bins(values: list[float], k: int = 7) -> list[float]:
    """Difference-map classes: k equal steps over [-m, m], m = max |change| (1 if all zero)."""
    extent = max((abs(v) for v in values if v is not None), default=0) or 1
    step = 2 * extent / k
    return [-extent + i * step for i in range(1, k)] + [extent]


def test_scenario_run_shows_its_difference(app_page, server: Server) -> None:
    page, _ = app_page
    page.click('#tabs button[data-tab="scenario"]')
    page.select_option("#scenario-service-type", "library")
    page.click("#scenario-add-service")
    x, y = street_node_in_view(page, server, seed=7)
    with page.expect_response("**/api/scenarios") as answer:
        lon, lat = click_map(page, x, y)
        assert page.locator("#scenario-edits li").count() == 1
        page.click("#scenario-run")
    response = answer.value
    sent = response.request.post_data_json
    assert sent["edits"][0]["add_service"]["service_type"] == "library"
    assert sent["edits"][0]["add_service"]["lon"] == pytest.approx(lon, abs=1e-9)
    assert sent["edits"][0]["add_service"]["lat"] == pytest.approx(lat, abs=1e-9)
    page.wait_for_selector(
        "#scenario[data-state=done], #scenario[data-state=error]", timeout=READY_TIMEOUT_MS
    )
    save_screenshot(page, "web_scenario")
    if response.status == 501:
        assert "not available" in page.inner_text(".scenario-status")
        pytest.skip(f"the server has no scenario runner: {response.json()['detail']}")
    assert response.status in (200, 201), response.text()
    result = response.json()
    shared_id = page.evaluate("new URLSearchParams(window.location.hash.slice(1)).get('scenario')")
    assert shared_id == result["id"]
    # the summary table: one row per indicator and group, labelled by the server
    city_table = page.locator("#scenario-result table.summary")
    table = result["summary"]["table"]
    assert city_table.locator("tbody tr:not(.indicator-row)").count() == len(table)
    groups = {row["group"] for row in table}
    assert len(groups) > 1
    for group in groups:
        assert city_table.locator(f"th:text-is('{group}')").count() >= 1

    key = page.input_value("#scenario-map-indicator")
    wait_until(page, "document.body.dataset.choropleth.startsWith('scenario:')")
    change = result["maps"][key]
    change = change.get("change", change)
    bins = diverging_bins(list(change.values()))
    colours = legend_colours(page)
    for code, value in list(change.items())[:10]:
        assert rgb(area_colour(page, code)) == colours[class_of(value, bins)], code

    context, shared, _ = open_app(page.context.browser, f"{server.url}/#scenario={result['id']}")
    try:
        shared.wait_for_selector("#scenario[data-state=done]", timeout=READY_TIMEOUT_MS)
        rows = shared.locator("#scenario-result table.summary tbody tr:not(.indicator-row)").count()
        assert rows == len(result["diff"]["city"])
        # The what-if itself comes back: in the editor, on the map, and ready to re-run.
        assert shared.input_value("#scenario-name") == result["name"]
        assert shared.locator("#scenario-edits li").count() == 1
        assert "library" in shared.inner_text("#scenario-edits li")
        assert shared.is_enabled("#scenario-run")
        place = {
            "service_type": "library",
            "lon": pytest.approx(lon, abs=1e-6),
            "lat": pytest.approx(lat, abs=1e-6),
        }
        assert shared.evaluate("dikas.state.scenario.body().edits") == [{"add_service": place}]
        wait_idle(shared, "p => dikas.map.jumpTo({center: p, zoom: 14})", [lon, lat])
        x, y = shared.evaluate(
            "p => { const q = dikas.map.project(p); return [q.x, q.y]; }", [lon, lat]
        )
        wait_for_colour(shared, round(x), round(y), OVERLAY_POINT)
        shared.locator("#scenario-edits").scroll_into_view_if_needed()
        save_screenshot(shared, "web_scenario_shared")
    finally:
        context.close()


def test_drawn_housing_development_runs_and_is_shared_with_its_outline(
    app_page, server: Server
) -> None:
    page, _ = app_page
    page.click('#tabs button[data-tab="scenario"]')
    page.click("#scenario-clear")  # the page is shared: an earlier test's edits go
    assert page.locator("#scenario-edits li").count() == 0
    page.fill("#scenario-residents", "900")
    page.click("#scenario-draw-housing")
    x, y = street_node_in_view(page, server, seed=11)
    corners = [click_map(page, x + dx, y + dy) for dx, dy in ((0, 0), (40, 0), (20, 30))]
    page.click("#scenario-finish-housing")
    assert page.locator("#scenario-edits li").count() == 1
    with page.expect_response("**/api/scenarios") as answer:
        page.click("#scenario-run")
    response = answer.value
    housing = response.request.post_data_json["edits"][0]["add_housing"]
    ring = housing["polygon"]["coordinates"][0]
    assert (
        ring[:3]
        == [[pytest.approx(lon, abs=1e-9), pytest.approx(lat, abs=1e-9)] for lon, lat in corners]
        and ring[3] == ring[0]
    )
    assert housing["residents"] == 900
    page.wait_for_selector(
        "#scenario[data-state=done], #scenario[data-state=error]", timeout=READY_TIMEOUT_MS
    )
    if response.status == 501:
        pytest.skip(f"the server has no scenario runner: {response.json()['detail']}")
    assert response.status in (200, 201), response.text()
    result = response.json()
    record = next(e for e in result["edits"] if e["edit"] == "add_housing")
    assert record["residents"] == 900
    assert result["diff"]["city"], "a development changes city indicators"

    context, shared, _ = open_app(page.context.browser, f"{server.url}/#scenario={result['id']}")
    try:
        shared.wait_for_selector("#scenario[data-state=done]", timeout=READY_TIMEOUT_MS)
        restored = shared.evaluate("dikas.state.scenario.body().edits")
        assert restored == [{"add_housing": housing}]  # outline and all, as it was drawn
        save_screenshot(shared, "web_scenario_housing_shared")
    finally:
        context.close()


def test_comment_round_trip_and_moderation(app_page, server: Server) -> None:
    import dikas

    page, _ = app_page
    page.click('#tabs button[data-tab="comments"]')
    password, _role = server.users["alice"]
    page.fill("#login-form input[name=username]", "alice")
    page.fill("#login-form input[name=password]", password)
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("#comments[data-state=signed-in]", timeout=READY_TIMEOUT_MS)
    text = "More benches along the shore, please"
    page.fill("#comment-text", text)
    page.select_option("#comment-category", "idea")
    page.click("#comment-pin")
    # The server pins comments inside the twin's postal areas only (a point on water → 400).
    meta = httpx.get(f"{server.url}/api/meta", timeout=60).json()
    with dikas.open(server.twin) as twin:
        areas = twin.read("areas", year=max(meta["years"]), columns=["postal_code", "geometry"])
    areas = areas.assign(size=areas.area).sort_values("size", ascending=False).to_crs(4326)
    inside = safe_points(page, [(p.x, p.y) for p in areas.geometry.representative_point()])
    assert inside, "no area is drawn inside the map view"
    index, x, y = inside[0]
    lon, lat = click_map(page, x, y)
    page.wait_for_selector(
        "#comments[data-state=posted], #comments[data-state=error]", timeout=READY_TIMEOUT_MS
    )
    assert page.get_attribute("#comments", "data-state") == "posted", page.inner_text(
        ".comment-status"
    )
    page.wait_for_selector(f"#comment-list li:has-text('{text}')")
    save_screenshot(page, "web_comment")

    public = httpx.get(f"{server.url}/api/comments", timeout=60).json()["features"]
    mine = [f for f in public if f["properties"]["text"] == text]
    assert len(mine) == 1
    assert mine[0]["properties"]["category"] == "idea"
    assert mine[0]["properties"]["postal_code"] == areas.iloc[index].postal_code
    assert mine[0]["geometry"]["coordinates"][0] == pytest.approx(lon, abs=1e-6)
    assert mine[0]["geometry"]["coordinates"][1] == pytest.approx(lat, abs=1e-6)

    page.click("#sign-out")
    password, _role = server.users["moira"]
    page.fill("#login-form input[name=username]", "moira")
    page.fill("#login-form input[name=password]", password)
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("#comments[data-role=moderator] .hide-comment", timeout=READY_TIMEOUT_MS)
    page.click(f"#comment-list li[data-id='{mine[0]['id']}'] .hide-comment")
    # no reason, no hiding
    page.wait_for_selector("#comments[data-state=error]", timeout=READY_TIMEOUT_MS)
    page.fill("#moderation-reason", "duplicate of another comment")
    page.click(f"#comment-list li[data-id='{mine[0]['id']}'] .hide-comment")
    page.wait_for_selector("#comments[data-state=hidden]", timeout=READY_TIMEOUT_MS)
    page.wait_for_selector(
        f"#comment-list li[data-id='{mine[0]['id']}'] .restore-comment", timeout=READY_TIMEOUT_MS
    )
    assert "duplicate of another comment" in page.inner_text(
        f"#comment-list li[data-id='{mine[0]['id']}'] .comment-hidden"
    )
    public = httpx.get(f"{server.url}/api/comments", timeout=60).json()["features"]
    assert all(f["properties"]["text"] != text for f in public)


def test_isochrone_from_a_clicked_point(app_page, server: Server) -> None:
    import shapely

    page, _ = app_page
    page.click('#tabs button[data-tab="explore"]')
    page.fill("#isochrone-minutes", "10")
    page.click("#isochrone-pick")
    x, y = street_node_in_view(page, server, seed=11)
    with page.expect_response("**/api/isochrone?*") as answer:
        lon, lat = click_map(page, x, y)
    page.wait_for_selector(
        "#isochrone[data-state=ready], #isochrone[data-state=error]", timeout=READY_TIMEOUT_MS
    )
    save_screenshot(page, "web_isochrone")
    assert page.get_attribute("#isochrone", "data-state") == "ready", page.inner_text("#errors")
    drawn = answer.value.json()
    expected = httpx.get(
        f"{server.url}/api/isochrone",
        timeout=60,
        params={"lon": lon, "lat": lat, "mode": "walk", "minutes": 10},
    ).json()
    assert drawn["properties"]["reached_nodes"] == expected["properties"]["reached_nodes"] > 0
    polygon = shapely.geometry.shape(drawn["geometry"])
    assert polygon.contains(shapely.Point(lon, lat))
    hit = page.evaluate(
        "p => dikas.map.queryRenderedFeatures(p, {layers: ['isochrone-fill']}).length", [x, y]
    )
    assert hit >= 1
    page.click("#isochrone-clear")


def test_comment_list_pages_with_show_more(app_page, server: Server) -> None:
    import sqlite3

    page, _ = app_page
    page.click('#tabs button[data-tab="comments"]')
    meta = httpx.get(f"{server.url}/api/meta", timeout=60).json()
    lon, lat = meta["center"]
    with sqlite3.connect(server.community) as con:
        con.executemany(
            "INSERT INTO comments (author, category, text, lon, lat, created_at) "
            "VALUES ('alice', 'need', ?, ?, ?, '2026-01-01T00:00:00+00:00')",
            [(f"paged need {i}", lon, lat) for i in range(230)],
        )
    needs = httpx.get(f"{server.url}/api/comments", params={"category": "need"}, timeout=60).json()[
        "numberMatched"
    ]
    assert needs >= 230
    page.select_option("#comment-filter", "need")
    page.wait_for_selector("#comment-more", timeout=READY_TIMEOUT_MS)
    assert page.locator("#comment-list li.comment").count() == 200
    assert page.inner_text(".comment-more").startswith(f"Showing the newest 200 of {needs}")
    # newest first: the last inserted comment heads the list
    assert page.inner_text("#comment-list li.comment >> nth=0").startswith("need paged need 229")
    page.click("#comment-more")
    wait_until(
        page,
        f"document.querySelectorAll('#comment-list li.comment').length == {needs}",
        timeout_ms=READY_TIMEOUT_MS,
    )
    assert page.locator("#comment-more").count() == 0
