"""The survey API: listing, languages, anonymous submissions and every refusal, one
submission per token, the rate limit, the privacy of public aggregates, the raw export."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dikas.api.app import create_app
from dikas.surveys.store import SurveyStore
from tests.surveys.conftest import make_settings, point_in, sign_in, token

URL = "/api/surveys/too-hot/responses"


def submission(area: int = 0, **answers: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "hot_place": [{"geometry": point_in(area), "follow_ups": {"when": "night"}}]
    }
    body.update(answers)
    return {"token": token(), "language": "fi", "answers": body}


def test_open_surveys_and_languages(api: TestClient) -> None:
    listed = api.get("/api/surveys", params={"lang": "sv"}).json()
    assert listed == [
        {
            "id": "too-hot",
            "version": 1,
            "title": "Var är det för varmt på sommaren?",
            "closes": "2100-01-01T00:00:00",
            "url": "/surveys/too-hot",
        }
    ]
    fi = api.get("/api/surveys/too-hot", params={"lang": "fi"}).json()
    assert fi["title"] == "Missä on kesällä liian kuuma?" and fi["open"] is True
    assert [a["code"] for a in fi["areas"]] == ["00100", "00200", "00300"]
    assert api.get("/api/surveys/nope").status_code == 404
    assert api.get("/api/surveys/too-hot", params={"lang": "de"}).status_code == 400


def test_a_submission_is_linked_to_cell_area_and_stored_once_per_token(api: TestClient) -> None:
    body = submission(0, heat_harm=4, relief=["trees", "water"], age_band="age_65_plus")
    body["answers"]["hot_place"].append({"area": "00200", "follow_ups": {"why": "no shade"}})
    first = api.post(URL, json=body)
    assert first.status_code == 201, first.text
    assert first.json() == {"survey": "too-hot", "received": True, "answers": 7}
    again = api.post(URL, json=body)
    assert again.status_code == 409
    assert again.json()["detail"] == "this browser has already answered the survey"
    store: SurveyStore = api.app.state.survey_store  # type: ignore[attr-defined]
    answers = store.answers("too-hot")
    places = answers[answers["question_id"] == "hot_place"]
    assert places["cell_id"].tolist() == ["c0_0", None]
    assert places["postal_code"].tolist() == ["00100", "00200"]
    follow = answers[answers["parent_id"] == "hot_place"]
    assert follow[["question_id", "value", "postal_code"]].values.tolist() == [
        ["when", "night", "00100"],
        ["why", "no shade", "00200"],
    ]
    assert store.count("too-hot") == 1
    # nothing of the client's address is kept, only the token's hash
    assert body["token"] not in str(store.responses("too-hot").to_dict())


INVALID = [
    ({"answers": {}}, 400, "answers.hot_place: an answer is required"),
    (
        {"answers": {"hot_place": [{"area": "00100"}], "colour": 1}},
        400,
        "answers.colour: no such question",
    ),
    ({"answers": {"hot_place": "here"}}, 400, "answers.hot_place: a list of places"),
    (
        {"answers": {"hot_place": [{"area": "00100"}] * 6}},
        400,
        "answers.hot_place: at most 5 places",
    ),
    ({"answers": {"hot_place": [{}]}}, 400, "answers.hot_place[0]: give either a geometry"),
    (
        {"answers": {"hot_place": [{"area": "99999"}]}},
        400,
        "answers.hot_place[0].area: no area '99999' in the twin",
    ),
    (
        {"answers": {"hot_place": [{"geometry": {"type": "LineString", "coordinates": []}}]}},
        400,
        "answers.hot_place[0].geometry: geometry must be a GeoJSON Point",
    ),
    (
        {"answers": {"hot_place": [{"geometry": {"type": "Point", "coordinates": [200, 0]}}]}},
        400,
        "is not a longitude and latitude",
    ),
    (
        {"answers": {"hot_place": [{"geometry": {"type": "Point", "coordinates": [10.0, 50.0]}}]}},
        400,
        "answers.hot_place[0].geometry: the place is outside the twin's areas",
    ),
    (
        {"answers": {"hot_place": [{"area": "00100", "follow_ups": {"when": "noon"}}]}},
        400,
        "answers.hot_place[0].follow_ups.when: choose one of morning, afternoon, night",
    ),
    (
        {"answers": {"hot_place": [{"area": "00100", "follow_ups": {"how": 1}}]}},
        400,
        "answers.hot_place[0].follow_ups.how: no such follow-up question",
    ),
    (
        {"answers": {"hot_place": [{"area": "00100"}], "heat_harm": 6}},
        400,
        "answers.heat_harm: a whole number from 1 to 5",
    ),
    (
        {"answers": {"hot_place": [{"area": "00100"}], "relief": ["trees", "trees"]}},
        400,
        "answers.relief: an option is chosen twice",
    ),
    (
        {"answers": {"hot_place": [{"area": "00100"}], "home_postal_code": "0" * 6}},
        400,
        "answers.home_postal_code: at most 5 characters",
    ),
    ({"answers": {"hot_place": [{"area": "00100"}]}, "token": "short"}, 422, "token"),
    ({"answers": {"hot_place": [{"area": "00100"}]}, "language": "de"}, 422, "language"),
]


@pytest.mark.parametrize(("change", "status", "message"), INVALID, ids=[m for _, _, m in INVALID])
def test_every_invalid_submission_is_refused_with_its_reason(
    api: TestClient, change: dict[str, Any], status: int, message: str
) -> None:
    body = {"token": token(), "language": "en", **change}
    response = api.post(URL, json=body)
    assert response.status_code == status, response.text
    assert message in response.json()["detail"]
    assert "\n" not in response.json()["detail"]


def test_unknown_and_closed_surveys(api: TestClient) -> None:
    assert api.post("/api/surveys/nope/responses", json=submission()).status_code == 404
    store: SurveyStore = api.app.state.survey_store  # type: ignore[attr-defined]
    store.close("too-hot")
    response = api.post(URL, json=submission())
    assert response.status_code == 409
    assert response.json()["detail"] == "survey 'too-hot' is not open for answers"
    assert api.get("/api/surveys").json() == []
    assert (
        api.post(URL, content=b"token=x", headers={"content-type": "text/plain"}).status_code == 415
    )
    assert (
        api.post(URL, json=submission(), headers={"origin": "https://evil.example"}).status_code
        == 403
    )


def test_rate_limit_per_client(small_twin: Path, tmp_path: Path) -> None:
    with TestClient(
        create_app(make_settings(small_twin, tmp_path, survey_submissions_per_hour=3))
    ) as client:
        statuses = [client.post(URL, json=submission()).status_code for _ in range(4)]
        assert statuses == [201, 201, 201, 429]
        refused = client.post(URL, json=submission())
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
        assert "too many survey submissions" in refused.json()["detail"]


def test_public_results_blank_small_units_and_their_complement(api: TestClient) -> None:
    for area, n in ((0, 12), (1, 3), (2, 11)):
        for _ in range(n):
            assert api.post(URL, json=submission(area, relief=["trees"])).status_code == 201
    result = api.get("/api/surveys/too-hot/results").json()
    assert result["respondents"] == 26
    units = {u["unit"]: u for u in result["units"]}
    # 00200 has 3 (< 10); blanked alone it would be 26 - 12 - 11, so 00300 goes too
    assert units["00200"] == {
        "unit": "00200",
        "respondents": None,
        "places": None,
        "suppressed": True,
        "choices": {},
    }
    assert units["00300"]["suppressed"] and units["00300"]["respondents"] is None
    assert units["00100"]["respondents"] == 12 and units["00100"]["places"] == 12
    assert units["00100"]["choices"]["when"] == {"morning": 0.0, "afternoon": 0.0, "night": 1.0}
    assert units["00100"]["choices"]["relief"] == {"trees": 1.0, "water": 0.0, "cool_rooms": 0.0}
    grid = api.get("/api/surveys/too-hot/results", params={"level": "grid"}).json()
    # every respondent of an area marked the same cell: 12 in c0_0, the rest blanked
    assert [(u["unit"], u["respondents"]) for u in grid["units"]] == [
        ("c0_0", 12),
        ("c0_4", None),
        ("c0_8", None),
    ]
    representativeness = api.get("/api/surveys/too-hot/representativeness").json()
    areas = {u["unit"]: u for u in representativeness["dimensions"][0]["units"]}
    assert areas["00200"]["respondents"] is None and areas["00200"]["weight"] is None
    assert areas["00300"]["per_1000"] is None and areas["00100"]["respondents"] == 12
    assert representativeness["dimensions"][0]["score"] is None  # a unit is blanked


def test_raw_export_only_for_organisers(api: TestClient) -> None:
    assert api.post(URL, json=submission(0)).status_code == 201
    export = "/api/surveys/too-hot/export"
    assert api.get(export).status_code == 401
    assert api.get(export, headers=sign_in(api, "alice")).status_code == 403
    response = api.get(export, params={"format": "csv"}, headers=sign_in(api, "mod"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["attribution"] for r in rows} == {"Heat survey of the city's residents, summer 2027"}
    assert {r["licence"] for r in rows} == {"CC BY 4.0"}
    assert rows[0]["geometry_wkt"].startswith("POINT (24.9")
