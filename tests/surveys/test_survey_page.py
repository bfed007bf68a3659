"""The public survey page in a browser: Finnish, Swedish and English on a 390×844 phone
viewport, answered with the keyboard only (a place marked at the map centre, another chosen
from the area list, follow-ups, a Likert answer, consent), axe-checked (no serious or critical
WCAG 2.1 AA violation), and each submission stored once with its language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dikas.api.app import create_app
from dikas.api.community_store import SqliteStore
from dikas.surveys.definition import parse_survey
from dikas.surveys.store import SurveyStore
from tests.surveys.conftest import make_settings
from tests.web.axe import assert_accessible
from tests.web.conftest import (
    ARTIFACTS,
    attach_network_log,
    save_screenshot,
    serving,
    wait_until,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PHONE = {"width": 390, "height": 844}
TEXTS = {
    "fi": ("Missä on kesällä liian kuuma?", "Kiitos! Vastauksesi on tallennettu.", "Yöllä"),
    "sv": ("Var är det för varmt på sommaren?", "Tack! Dina svar har sparats.", "På natten"),
    "en": (
        "Where is it too hot in summer?",
        "Thank you! Your answers have been saved.",
        "At night",
    ),
}

RESULTS = {
    "fi": ("Ketkä ovat vastanneet", "Postinumeroalueet", "alle 10"),
    "sv": ("Vilka har svarat", "Postnummerområden", "färre än 10"),
    "en": ("Who has answered", "Postal areas", "fewer than 10"),
}


@pytest.fixture(scope="module")
def survey_server(
    small_twin: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, object]]:
    app = create_app(make_settings(small_twin, tmp_path_factory.mktemp("page")))
    with serving(app, ready_path="/api/meta", timeout_s=120) as url:
        yield url, app


def tab_to(page: Page, expression: str, *, presses: int = 60) -> None:
    """Press Tab until ``expression`` (about ``document.activeElement``) holds."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(
            f"(() => {{ const a = document.activeElement; return !!({expression}); }})()"
        ):
            return
    raise AssertionError(f"never reached {expression!r} with Tab")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_phone_keyboard_only_in_each_language(
    browser: Browser,
    survey_server: tuple[str, object],
    lang: str,
) -> None:
    url, app = survey_server
    title, thanks, night = TEXTS[lang]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    log = attach_network_log(page)
    try:
        page.goto(f"{url}/surveys/too-hot?lang={lang}")
        wait_until(
            page,
            "document.body.dataset.state === 'ready' || document.body.dataset.state === 'error'",
            timeout_ms=120_000,
        )
        assert page.evaluate("document.body.dataset.state") == "ready", page.content()
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.inner_text("h1") == title
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert_accessible(
            page, state=f"survey-{lang}", artifacts=ARTIFACTS, exclude=[".maplibregl-canvas"]
        )
        # a place at the map centre, with the keyboard
        tab_to(page, "a.dataset.mark === 'hot_place'")
        page.keyboard.press("Enter")
        wait_until(
            page, "document.querySelectorAll('#places-hot_place li[data-place]').length === 1"
        )
        # a second place from the searchable area list instead of the map
        tab_to(page, "a.id === 'area-hot_place'")
        page.keyboard.type("00200")
        tab_to(page, "a.dataset.addArea === 'hot_place'")
        page.keyboard.press("Enter")
        wait_until(
            page, "document.querySelectorAll('#places-hot_place li[data-place]').length === 2"
        )
        assert "00200" in page.inner_text("#places-hot_place li[data-place='1'] h3")
        # follow-up of the first place: "when" by arrow keys in its radio group
        tab_to(page, "a.name === 'hot_place-0-when'")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        checked = page.evaluate(
            "document.querySelector('[name=\"hot_place-0-when\"]:checked')"
            ".parentElement.textContent"
        )
        assert checked == night
        tab_to(page, "a.name === 'heat_harm'")
        page.keyboard.press("Space")
        tab_to(page, "a.id === 'consent'")
        page.keyboard.press("Space")
        save_screenshot(page, f"survey-{lang}-filled")
        tab_to(page, "a.type === 'submit'")
        page.keyboard.press("Enter")
        wait_until(page, "document.body.dataset.state === 'done'", timeout_ms=60_000)
        assert page.inner_text("#status") == thanks
        assert_accessible(page, state=f"survey-{lang}-done", artifacts=ARTIFACTS)
        assert not log.foreign_hosts()
        # reloading: this browser has answered
        page.reload(wait_until="load")
        wait_until(page, "document.body.dataset.state === 'done'", timeout_ms=120_000)
        # who has answered: public tables, small counts blanked
        tab_to(page, "a.id === 'results-link'")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        wait_until(page, "document.body.dataset.state === 'results'", timeout_ms=60_000)
        assert page.inner_text("#results-title") == RESULTS[lang][0]
        captions = page.eval_on_selector_all(
            "#results caption", "els => els.map(e => e.textContent)"
        )
        assert captions[0] == RESULTS[lang][1] and len(captions) == 3  # areas, age, household
        cells = page.eval_on_selector_all(
            "#results tbody td:nth-child(3)", "els => els.map(e => e.textContent)"
        )
        assert RESULTS[lang][2] in cells  # fewer respondents than the threshold
        assert_accessible(page, state=f"survey-{lang}-results", artifacts=ARTIFACTS)
        save_screenshot(page, f"survey-{lang}-results")
    finally:
        context.close()
    store = app.state.survey_store  # type: ignore[attr-defined]
    responses = store.responses("too-hot")
    assert lang in set(responses["language"])
    answers = store.answers("too-hot")
    mine = answers[
        answers["response_id"]
        == int(responses[responses["language"] == lang]["response_id"].iloc[-1])
    ]
    places = mine[mine["question_id"] == "hot_place"]
    assert places["area"].tolist() == [None, "00200"]
    assert places["postal_code"].iloc[0] in {"00100", "00200", "00300"}
    assert mine[mine["question_id"] == "when"]["value"].tolist() == ["night"]
    assert mine[mine["question_id"] == "heat_harm"]["value"].tolist() == [1]


def test_an_area_drawn_on_the_map(
    browser: Browser,
    survey_server: tuple[str, object],
) -> None:
    """A map_area question: three clicks on the map and "Finish the area" make one polygon,
    stored with the units of its point on surface."""
    url, app = survey_server
    surveys = SurveyStore(SqliteStore(app.state.context.settings.community_file))  # type: ignore[attr-defined]
    texts = {"fi": "Vihreä alue", "sv": "Grönt område", "en": "A green area"}
    surveys.save(
        parse_survey(
            {
                "id": "green",
                "version": 1,
                "title": texts,
                "introduction": texts,
                "consent": texts,
                "questions": [{"id": "where", "kind": "map_area", "required": True, "text": texts}],
            },
            "green",
        )
    )
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{url}/surveys/green?lang=en")
        wait_until(page, "document.body.dataset.state === 'ready'", timeout_ms=120_000)
        wait_until(page, "!!document.querySelector('#map-where canvas')", timeout_ms=60_000)
        page.wait_for_timeout(1000)
        page.click("[data-finish='where']")
        assert page.inner_text("#problem") == "Add at least 3 points first."
        page.locator("#map-where").scroll_into_view_if_needed()
        box = page.locator("#map-where").bounding_box()  # after scrolling
        assert box is not None
        cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        for dx, dy in ((-20, -10), (20, -10), (0, 15)):
            page.mouse.click(cx + dx, cy + dy)
        wait_until(page, "document.getElementById('status').textContent === '3 points so far'")
        page.click("[data-finish='where']")
        wait_until(page, "document.querySelectorAll('#places-where li[data-place]').length === 1")
        assert page.inner_text("#places-where h3") == "Place 1: an area drawn on the map"
        page.check("#consent")
        page.click("button[type=submit]")
        wait_until(
            page,
            "document.body.dataset.state === 'done' || "
            "document.getElementById('problem').textContent !== ''",
            timeout_ms=60_000,
        )
        assert page.inner_text("#problem") == ""
    finally:
        context.close()
    answers = surveys.answers("green")
    assert len(answers) == 1 and answers["geometry"].iloc[0].startswith("POLYGON ((")
    assert answers["postal_code"].iloc[0] in {"00100", "00200", "00300"}
