"""The survey answers as twin layers ``survey_responses`` and ``survey_answers``.

``dikas survey sync`` copies every survey's responses and answers from the community store
into the twin, linked to cells (``cell_id``), postal areas (``postal_code``) and districts
(``district_id``), so indicators and reports can join them like any other layer. The raw
places are not copied (the layers have no geometry, so they are never served as map
collections); organisers get them from the raw export.
"""

from __future__ import annotations

import json

import pandas as pd

from dikas.surveys.store import SurveyStore
from dikas.twin.store import Twin

RESPONSES_LAYER = "survey_responses"
ANSWERS_LAYER = "survey_answers"


def layer_frames(store: SurveyStore) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(responses, answers)`` of every survey, without raw places."""
    responses, answers = [], []
    for stored in store.all():
        survey_id = stored.survey.id
        responses.append(store.responses(survey_id).assign(survey_id=survey_id))
        rows = store.answers(survey_id).drop(columns=["geometry"]).assign(survey_id=survey_id)
        rows["drawn"] = rows["area"].isna() & rows["postal_code"].notna()
        rows["value"] = [None if v is None else json.dumps(v) for v in rows["value"]]
        answers.append(rows)
    empty_r = pd.DataFrame(
        columns=["response_id", "survey_version", "language", "submitted_at", "survey_id"]
    )
    return (
        pd.concat(responses, ignore_index=True) if responses else empty_r,
        pd.concat(answers, ignore_index=True) if answers else pd.DataFrame(),
    )


def sync(twin_path: object, store: SurveyStore) -> tuple[int, int]:
    """Replace the twin's survey layers with the store's rows; ``(responses, answers)``."""
    responses, answers = layer_frames(store)
    with Twin.open(str(twin_path), read_only=False) as twin:
        if not responses.empty:
            twin.write_layer(RESPONSES_LAYER, responses)
        if not answers.empty:
            twin.write_layer(ANSWERS_LAYER, answers)
    return len(responses), len(answers)
