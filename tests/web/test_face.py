"""The map app's face in a browser: a Finnish planner's whole errand (issue #17's "done when"),
the same by keyboard only, the level switch, place search, state in the URL, Swedish and
English, the phone layout, export, the accessibility statement, and axe-core's WCAG 2.1 AA
check on every main state. One Finnish page is shared by the module's tests, in order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.web.axe import assert_accessible
from tests.web.conftest import (
    ARTIFACTS,
    READY_TIMEOUT_MS,
    Server,
    attach_network_log,
    save_screenshot,
    wait_until,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = [pytest.mark.browser, pytest.mark.integration]

LOW_INCOME = "share:lowest_income_inhabitants/adults_income_total"
KALLIO, VUOSAARI = "00530", "00980"
INNER = "00170"  # Kruununhaka: inside the demo's street network (Vuosaari is outside it)
MAP_CANVAS = ["#map canvas"]


def open_page(
    browser: Browser, url: str, *, locale: str = "fi-FI", viewport: dict[str, int] | None = None
) -> tuple[BrowserContext, Page]:
    context = browser.new_context(
        viewport=viewport or {"width": 1280, "height": 800}, locale=locale, accept_downloads=True
    )
    page = context.new_page()
    attach_network_log(page)
    page.goto(url)
    wait_until(
        page,
        "window.dikasReady === true || document.body.dataset.state === 'error'",
        timeout_ms=READY_TIMEOUT_MS,
    )
    assert page.evaluate("document.body.dataset.state") == "ready", page.inner_text("#errors")
    return context, page


def url_state(page: Page) -> dict[str, str]:
    return dict(page.evaluate("[...new URLSearchParams(location.hash.slice(1))]"))


def wait_choropleth(page: Page, prefix: str) -> None:
    wait_until(
        page,
        f"(document.body.dataset.choropleth || '').startsWith({prefix!r})",
        timeout_ms=READY_TIMEOUT_MS,
    )


def run_what_if(page: Page, *, keyboard: bool = False, ok: bool = True) -> dict:
    """Run the what-if in the editor; the server's response (a success unless ``ok`` is false)."""
    with page.expect_response(
        lambda r: "/api/scenarios" in r.url and r.request.method == "POST", timeout=READY_TIMEOUT_MS
    ) as answer:
        if keyboard:
            page.keyboard.press("Enter")  # "Run" has the focus after placing
        else:
            page.click("#scenario-run")
    page.wait_for_selector(
        "#scenario[data-state=done], #scenario[data-state=error]", timeout=READY_TIMEOUT_MS
    )
    response = answer.value
    if ok:
        assert response.status in (200, 201), response.text()
    return response.json()


def what_if_in(page: Page, area: str, service_type: str) -> None:
    """From the list of areas: "What-if here", a service of ``service_type`` placed there."""
    page.click("#tab-areas")
    page.fill("#area-filter", area)
    page.click(f"#area-list li[data-id='{area}'] button[data-action=whatif]")
    assert page.locator("#scenario").is_visible()
    page.click("#scenario-clear")
    page.select_option("#scenario-service-type", service_type)
    page.click("#scenario-add-at-area")
    assert page.locator("#scenario-edits li").count() == 1


@pytest.fixture(scope="module")
def finnish(browser: Browser, server: Server) -> Iterator[Page]:
    context, page = open_page(browser, server.url + "/")
    yield page
    context.close()


def test_opens_in_finnish_with_percent_legend(finnish: Page, server: Server) -> None:
    page = finnish
    assert page.evaluate("document.documentElement.lang") == "fi"
    assert page.input_value("#lang") == "fi"
    assert page.inner_text("#tab-explore") == "Kartta"
    assert page.evaluate("document.body.dataset.choropleth") == f"areas:{LOW_INCOME}:2023"
    legend = page.inner_text("#legend")
    assert "Pienituloisten osuus" in legend
    assert "%" in legend and "2023" in legend and "2,023" not in legend
    # the class bounds are the server's breaks written as Finnish percentages
    breaks = httpx.get(
        f"{server.url}/api/indicators",
        timeout=60,
        params={"indicator": LOW_INCOME, "level": "areas", "year": 2023},
    ).json()["breaks"]["quantiles"]
    first = f"{100 * breaks[0]:.1f}".replace(".", ",")
    assert f"enintään {first} %" in legend.replace("\u00a0", " ")
    # the compact attribution: each source once, folded
    attribution = page.inner_text(".maplibregl-ctrl-attrib")
    assert attribution.count("Paavo") <= 1
    save_screenshot(page, "face_fi_opening")
    assert_accessible(page, state="fi-opening-map", artifacts=ARTIFACTS, exclude=MAP_CANVAS)


def test_search_the_indicator_and_read_every_year(finnish: Page) -> None:
    page = finnish
    page.click("#indicator-search")
    page.fill("#indicator-search", "pienituloisten osuus")
    options = page.locator("#indicator-list [role=option]")
    wait_until(page, "document.querySelectorAll('#indicator-list [role=option]').length > 0")
    assert "Pienituloisten osuus" in options.first.inner_text()
    groups = page.eval_on_selector_all(
        "#indicator-list .group-label", "els => els.map(e => e.textContent)"
    )
    registry = httpx.get(
        page.url.split("#")[0] + "api/registry", params={"lang": "fi"}, timeout=60
    ).json()
    entry = next(i for i in registry["indicators"] if i["id"] == LOW_INCOME)
    challenge = next(c["label"] for c in registry["challenges"] if c["id"] == entry["challenge"])
    assert challenge in groups  # grouped by the registry's challenge, in Finnish
    save_screenshot(page, "face_fi_picker")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.locator("#indicator-list").is_hidden()
    for year in (2020, 2021, 2022, 2023):
        page.locator("#year").fill(str(year))
        page.locator("#year").dispatch_event("change")
        wait_until(
            page,
            f"document.body.dataset.choropleth === 'areas:{LOW_INCOME}:{year}'",
            timeout_ms=READY_TIMEOUT_MS,
        )
        legend = page.inner_text("#legend")
        assert str(year) in legend and "%" in legend
        assert not re.search(r"\d,\d{3}\b", legend.replace(" %", ""))  # no "2,023"
        assert url_state(page)["year"] == str(year)
    # a no-data row names its reason and count
    assert re.search(
        r"(ei tietoa|salattu|kattavuuden ulkopuolella|ei laskettu) \(\d+\)",
        page.inner_text("#legend"),
    ) or "ei tietoa" in page.inner_text("#legend")


def test_compare_kallio_with_vuosaari(finnish: Page) -> None:
    page = finnish
    page.fill("#place-search", KALLIO)
    wait_until(page, "!document.querySelector('#place-results').hidden")
    assert "Kallio" in page.inner_text("#place-results")
    page.keyboard.press("Enter")
    page.wait_for_selector(
        f"#profile[data-state=ready][data-unit='{KALLIO}']", timeout=READY_TIMEOUT_MS
    )
    assert "Vuosi 2023" in page.inner_text("#profile-title")
    # trend charts start at zero and have their tables
    assert page.eval_on_selector_all(
        "#profile svg.chart.line", "els => els.map(e => Number(e.dataset.y0))"
    )
    assert all(
        y0 <= 0
        for y0 in page.eval_on_selector_all(
            "#profile svg.chart.line", "els => els.map(e => Number(e.dataset.y0))"
        )
    )
    assert (
        page.locator("#profile details.chart-table").count()
        >= page.locator("#profile svg.chart").count()
    )
    assert_accessible(page, state="fi-profile", artifacts=ARTIFACTS, exclude=MAP_CANVAS)
    page.click("#profile-compare")
    page.fill("#place-search", "vuosaari")
    wait_until(
        page, "document.querySelector('#place-results').textContent.includes('Etelä-Vuosaari')"
    )
    page.click("#place-results [role=option]:has-text('Etelä-Vuosaari')")
    page.wait_for_selector(
        f"#profile[data-state=ready][data-unit='{KALLIO},{VUOSAARI}']", timeout=READY_TIMEOUT_MS
    )
    table = page.locator("#profile table.compare")
    head = table.locator("thead").inner_text()
    assert "Kallio" in head and "Etelä-Vuosaari" in head and "Koko kaupunki" in head
    profile_a = httpx.get(
        f"{page.url.split('#')[0].rstrip('/')}/api/areas/{KALLIO}/profile",
        params={"year": 2023},
        timeout=60,
    ).json()
    figure = next(f for f in profile_a["key_figures"] if f["name"] == "low_income_share")
    row = table.locator("tr[data-name=low_income_share]").inner_text().replace("\u00a0", " ")
    assert f"{100 * figure['value']:.1f}".replace(".", ",") + " %" in row
    assert f"{100 * figure['city_value']:.1f}".replace(".", ",") + " %" in row
    assert url_state(page)["areas"] == f"{KALLIO},{VUOSAARI}"
    save_screenshot(page, "face_fi_compare")
    assert_accessible(page, state="fi-compare", artifacts=ARTIFACTS, exclude=MAP_CANVAS)


def test_what_if_reads_as_a_sentence(finnish: Page) -> None:
    page = finnish
    # outside the street network: the error says so in words, and where the network is
    what_if_in(page, VUOSAARI, "health_station")
    assert "Etelä-Vuosaari" in page.inner_text("#scenario-area")
    assert "Uusi terveysasema" in page.inner_text("#scenario-edits li")
    refused = run_what_if(page, ok=False)
    assert page.get_attribute("#scenario", "data-state") == "error"
    status = page.inner_text(".scenario-status")
    assert status.startswith("Laskelmaa ei voitu tehdä: ")
    assert "/api/" not in status and refused["detail"] in status
    what_if_in(page, INNER, "health_station")
    result = run_what_if(page)
    summary = result["summary"]
    assert summary["language"] == "fi"
    shown = page.inner_text("#scenario-result")
    if summary["no_change"]:
        assert "Ei muutosta" in shown
    else:
        assert summary["sentences"], summary
        for sentence in summary["sentences"]:
            assert sentence in shown
    # the table: labelled by the server, one row per group, better/worse in words
    rows = page.locator("#scenario-result table.summary tbody tr:not(.indicator-row)")
    assert rows.count() == len(summary["table"])
    for i, row in enumerate(summary["table"][:10]):
        cells = rows.nth(i).inner_text()
        assert row["change_text"] in cells
        if row["better"] is True:
            assert "parempi" in cells
        elif row["better"] is False:
            assert "huonompi" in cells
    # the table fits the sidebar: nothing cut off sideways
    assert page.evaluate("""() => { const w = document.querySelector('#scenario-result .table-wrap');
        return w.scrollWidth <= w.clientWidth + 1; }""")
    assert url_state(page)["scenario"] == result["id"]
    # the difference map is named in words (the summary's label), not by its code
    if result.get("maps"):
        wait_choropleth(page, "scenario:")
        title = page.inner_text("#legend h2")
        assert any(title.startswith(row["label"]) for row in summary["table"]), title
        assert title.endswith("muutos")
    save_screenshot(page, "face_fi_what_if")
    assert_accessible(page, state="fi-what-if", artifacts=ARTIFACTS, exclude=MAP_CANVAS)


def test_two_what_ifs_side_by_side(finnish: Page) -> None:
    page = finnish
    page.click("#scenario-clear")
    page.select_option("#scenario-service-type", "library")
    page.click("#scenario-add-at-area")
    second = run_what_if(page)
    assert page.locator("#scenario-compare").is_visible()
    page.click("#scenario-compare-run")
    page.wait_for_selector("#scenario-compare-result table.compare", timeout=READY_TIMEOUT_MS)
    head = page.inner_text("#scenario-compare-result thead")
    assert second["name"] in head
    assert "Ennen" in head
    assert_accessible(page, state="fi-what-if-compare", artifacts=ARTIFACTS, exclude=MAP_CANVAS)


def test_a_what_if_that_changes_nothing_says_so(finnish: Page) -> None:
    """The server's answer for a run whose recomputed values did not move (`no_change`, every
    change 0) is drawn as "no change": a sentence, one legend row, no −1…1 scale."""
    page = finnish
    page.evaluate("""() => {
        const run = JSON.parse(JSON.stringify(dikas.state.scenario.result));
        run.summary = {...run.summary, no_change: true, sentences: [],
            table: run.summary.table.map(r => ({...r, after: r.before, change: 0, better: null,
                after_text: r.before_text, change_text: '0'}))};
        for (const spec of Object.values(run.maps)) {
            spec.change = Object.fromEntries(Object.keys(spec.change).map(k => [k, 0]));
        }
        dikas.state.scenario.show(run);
    }""")
    assert page.inner_text("#scenario-result .no-change").startswith("Ei muutosta")
    wait_until(page, "document.body.dataset.noChange === 'true'")
    rows = page.eval_on_selector_all(
        "#legend .legend-rows li", "els => els.map(e => e.textContent)"
    )
    assert rows[0] == "Ei muutosta"
    assert not any("–" in row for row in rows)  # no class ranges
    assert "parempi" not in page.inner_text("#scenario-result table.summary")
    assert page.locator("#scenario-result .new-service-key").is_visible()
    save_screenshot(page, "face_fi_no_change")


def test_level_switch_and_districts(finnish: Page) -> None:
    page = finnish
    page.click("#tab-explore")
    levels = page.eval_on_selector_all("#level-switch input", "els => els.map(e => e.value)")
    assert levels[0] == "areas" and "grid" in levels
    page.check("#level-switch input[value=grid]")
    wait_choropleth(page, "grid:")
    assert url_state(page)["level"] == "grid"
    registry = httpx.get(
        page.url.split("#")[0] + "api/registry", params={"lang": "fi"}, timeout=60
    ).json()
    grid = next(level["label"] for level in registry["levels"] if level["id"] == "grid")
    assert grid in page.inner_text("#legend")
    if "districts" in levels:
        page.check("#level-switch input[value=districts]")
        wait_choropleth(page, "districts:")
        assert (
            page.evaluate("dikas.map.getLayoutProperty('districts-fill', 'visibility')")
            == "visible"
        )
    page.check("#level-switch input[value=areas]")
    wait_choropleth(page, "areas:")


def test_comments_and_statement_are_accessible(finnish: Page) -> None:
    page = finnish
    page.click("#tab-comments")
    assert page.inner_text("#login-form button[type=submit]") == "Kirjaudu"
    assert_accessible(page, state="fi-comments", artifacts=ARTIFACTS, exclude=MAP_CANVAS)
    page.click("#tab-explore")
    page.click("#statement-link")
    assert page.locator("#statement").is_visible()
    assert page.inner_text("#statement h1") == "Saavutettavuusseloste"
    assert_accessible(page, state="fi-statement", artifacts=ARTIFACTS, exclude=MAP_CANVAS)
    page.click("#statement-back")
    assert page.locator("#statement").is_hidden()


def test_keyboard_only_errand(browser: Browser, server: Server) -> None:
    """Picker, level switch, areas list → profile → comparison → what-if with keys alone."""
    context, page = open_page(browser, server.url + "/")
    try:
        page.keyboard.press("Tab")  # the skip link
        assert page.evaluate("document.activeElement.className") == "skip"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "indicator-search"
        page.keyboard.type("pienituloisten osuus")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        assert "Pienituloisten osuus" in page.input_value("#indicator-search")
        # Tab on to the level switch; arrows move between levels
        for _ in range(6):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.name") == "level":
                break
        assert page.evaluate("document.activeElement.name") == "level"
        levels = page.eval_on_selector_all("#level-switch input", "els => els.map(e => e.value)")
        page.keyboard.press("ArrowRight")
        wait_choropleth(page, f"{levels[1]}:")
        assert page.evaluate("document.activeElement.value") == levels[1]
        page.keyboard.press("ArrowLeft")
        wait_choropleth(page, "areas:")
        # the tabs: focus the selected tab, arrow to "Alueet", Tab into its panel
        page.focus("#tab-explore")
        page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.id") == "tab-areas"
        assert page.locator("#areas").is_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "area-filter"
        page.keyboard.type(KALLIO)
        page.keyboard.press("Tab")  # the first button of the first (only) area: its profile
        page.keyboard.press("Enter")
        page.wait_for_selector(
            f"#profile[data-state=ready][data-unit='{KALLIO}']", timeout=READY_TIMEOUT_MS
        )
        assert page.evaluate("document.activeElement.id") == "profile"
        page.keyboard.press("Escape")
        assert page.locator("#profile").is_hidden()
        # compare two areas from the list
        page.focus("#area-filter")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")  # "Vertaa"
        page.keyboard.press("Enter")
        # the first area of the comparison opens (and takes the focus) before the next is chosen
        page.wait_for_selector(
            f"#profile[data-state=ready][data-unit='{KALLIO}']", timeout=READY_TIMEOUT_MS
        )
        wait_until(page, "document.activeElement.id === 'profile'")
        page.focus("#area-filter")
        page.keyboard.press("Control+A")
        page.keyboard.type(VUOSAARI)
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_selector(
            f"#profile[data-state=ready][data-unit='{KALLIO},{VUOSAARI}']", timeout=READY_TIMEOUT_MS
        )
        page.keyboard.press("Escape")
        # a what-if in an area inside the street network
        page.focus("#area-filter")
        page.keyboard.press("Control+A")
        page.keyboard.type(INNER)
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")  # "Entä jos täällä"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "scenario-add-at-area"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "scenario-run"
        result = run_what_if(page, keyboard=True)
        assert result["summary"]["language"] == "fi"
        assert page.evaluate("document.body.dataset.choropleth").startswith(
            "scenario:"
        ) or not result.get("maps")
        save_screenshot(page, "face_fi_keyboard_what_if")
        # the status region announced it
        assert page.inner_text("#status") == "Entä jos -laskelma valmis."
        assert page.get_attribute("#status", "role") == "status"
    finally:
        context.close()


def test_state_in_the_url_is_restored_in_swedish(browser: Browser, server: Server) -> None:
    url = f"{server.url}/#indicator={LOW_INCOME}&level=areas&year=2021&areas={KALLIO}&lang=sv"
    context, page = open_page(browser, url, locale="en-GB")
    try:
        assert page.evaluate("document.documentElement.lang") == "sv"
        assert page.evaluate("document.body.dataset.choropleth") == f"areas:{LOW_INCOME}:2021"
        page.wait_for_selector(
            f"#profile[data-state=ready][data-unit='{KALLIO}']", timeout=READY_TIMEOUT_MS
        )
        assert "År 2021" in page.inner_text("#profile-title")
        assert page.inner_text("#tab-explore") == "Karta"
        assert "Nyckeltal" in page.inner_text("#profile")
        assert_accessible(page, state="sv-profile", artifacts=ARTIFACTS, exclude=MAP_CANVAS)
        # switch to English: the page follows, the URL keeps the choice
        page.select_option("#lang", "en")
        wait_until(page, "document.documentElement.lang === 'en'")
        wait_until(page, "document.querySelector('#tab-explore').textContent === 'Map'")
        assert url_state(page)["lang"] == "en"
        page.wait_for_selector("#profile[data-state=ready]", timeout=READY_TIMEOUT_MS)
        wait_until(page, "document.querySelector('#profile').textContent.includes('Key figures')")
        assert_accessible(page, state="en-profile", artifacts=ARTIFACTS, exclude=MAP_CANVAS)
    finally:
        context.close()


def test_accessibility_statement_route(browser: Browser, server: Server) -> None:
    for lang, title in (("sv", "Tillgänglighetsutlåtande"), ("en", "Accessibility statement")):
        context, page = open_page(
            browser, f"{server.url}/accessibility?lang={lang}", locale="fi-FI"
        )
        try:
            assert page.locator("#statement").is_visible()
            assert page.inner_text("#statement h1") == title
            assert_accessible(
                page, state=f"{lang}-statement", artifacts=ARTIFACTS, exclude=MAP_CANVAS
            )
        finally:
            context.close()


def test_areas_route_lists_every_area(browser: Browser, server: Server) -> None:
    import dikas

    with dikas.open(server.twin) as twin:
        codes = set(
            twin.sql(
                "SELECT DISTINCT postal_code FROM areas WHERE year = (SELECT max(year) FROM areas)"
            )["postal_code"]
        )
    context, page = open_page(browser, f"{server.url}/areas", locale="sv-FI")
    try:
        assert page.locator("#areas").is_visible()
        listed = set(
            page.eval_on_selector_all("#area-list li", "els => els.map(e => e.dataset.id)")
        )
        assert listed == codes
        assert page.inner_text("#area-count") == f"{len(codes)} områden"
    finally:
        context.close()


def test_phone_layout(browser: Browser, server: Server) -> None:
    context, page = open_page(browser, server.url + "/", viewport={"width": 390, "height": 844})
    try:
        # a phone opens on the map, the controls folded behind a button
        assert page.locator("#menu-toggle").is_visible()
        assert page.locator("#sidebar").is_hidden()
        assert page.get_attribute("#menu-toggle", "aria-expanded") == "false"
        map_box = page.locator("#map").bounding_box()
        assert map_box and map_box["width"] >= 380
        attribution = page.locator(".maplibregl-ctrl-attrib").bounding_box()
        assert attribution is not None
        # folded: a small button in the corner, not a block over the map
        assert (
            attribution["width"] * attribution["height"]
            < 0.02 * map_box["width"] * map_box["height"]
        )
        save_screenshot(page, "face_phone_map")
        page.click("#menu-toggle")
        assert page.locator("#sidebar").is_visible()
        assert page.get_attribute("#menu-toggle", "aria-expanded") == "true"
        save_screenshot(page, "face_phone_sidebar")
        assert_accessible(page, state="phone-sidebar", artifacts=ARTIFACTS, exclude=MAP_CANVAS)
        page.click("#menu-toggle")
        assert page.locator("#sidebar").is_hidden()
    finally:
        context.close()


def test_export_png_holds_map_and_legend(finnish: Page) -> None:
    import io

    from PIL import Image

    page = finnish
    page.click("#tab-explore")
    with page.expect_download() as download:
        page.click("#export-png")
    path = download.value.path()
    image = Image.open(io.BytesIO(path.read_bytes()))
    canvas_width = page.evaluate("dikas.map.getCanvas().width")
    assert image.format == "PNG"
    assert image.width == canvas_width + 320  # the map, and the legend beside it
    legend_part = image.crop((canvas_width, 0, image.width, 200)).convert("L")
    assert any(legend_part.histogram()[:100])  # legend text drawn (pixels darker than 100)
    # the print stylesheet shows the map image and the legend, A4
    css = page.evaluate("""() => [...document.styleSheets].flatMap(s => [...s.cssRules])
        .map(r => r.cssText).join('\\n')""")
    assert "@media print" in css and re.search(r"@page\s*\{[^}]*size:\s*a4", css, re.I)
