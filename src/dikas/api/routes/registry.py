"""The indicator registry and the area names, in Finnish, Swedish or English.

``GET /api/registry`` is what the map app labels everything with: challenges, levels, the
reasons a unit has no value, and every indicator of the twin with its label, unit, direction,
explanation, source, method link, format, levels and years. ``GET /api/areas`` lists the
postal areas (or districts) with their Finnish and Swedish names for labels and search.
"""

from __future__ import annotations

from typing import Annotated, Literal

import pandas as pd
from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from dikas.api.context import ApiContext
from dikas.api.errors import NotFoundError
from dikas.api.routes.deps import Language, context, request_language
from dikas.twin.store import Twin
from dikas.vocabulary import catalogue, challenge_labels, level_labels, no_data_reasons
from dikas.vocabulary.registry import population_group_label

router = APIRouter(prefix="/api", tags=["DikaS"])
Context = Annotated[ApiContext, Depends(context)]


class Choice(BaseModel):
    id: str
    label: str


class NoDataReasons(BaseModel):
    suppressed: str
    outside_coverage: str
    not_computed: str
    no_data: str
    unreachable: str


class RegistryIndicator(BaseModel):
    id: str = Field(description="The name /api/indicators takes")
    label: str
    unit: str = Field(description="Unit symbol or word in the language (%, €, min, persons)")
    unit_id: str = Field(description="Language-neutral unit id (percent, euro, minutes, …)")
    direction: Literal["higher_better", "higher_worse", "neutral"]
    explanation: str = Field(description="One sentence in the language")
    challenge: Literal["segregation", "access", "climate", "population"]
    source: str = Field(description="Producer of the data, in the language")
    method_url: str = Field(description="The method's documentation (docs/*.md anchor)")
    percent: bool = Field(description="Values are fractions: show them as percentages")
    decimals: int = Field(ge=0, description="Decimals to show")
    year_values: bool = Field(description="Values are calendar years (no separators)")
    levels: list[str]
    years: dict[str, list[int]] = Field(
        description="Level → years with values (empty list: undated)"
    )
    population_groups: list[Choice]


class Registry(BaseModel):
    language: Language
    challenges: list[Choice]
    levels: list[Choice] = Field(description="Levels this twin has, in display order")
    no_data_reasons: NoDataReasons
    indicators: list[RegistryIndicator]


class AreaName(BaseModel):
    id: str
    label: str = Field(
        description="The name in the requested language (Finnish where the "
        "source has no Swedish name)"
    )
    name_fi: str | None
    name_sv: str | None
    parent_id: str | None = None


class AreaNames(BaseModel):
    language: Language
    level: Literal["areas", "districts"]
    areas: list[AreaName]


def registry_body(twin: Twin, language: str, *, min_count: int) -> Registry:
    """The registry of ``twin`` in ``language``."""
    entries = catalogue(twin, language)
    level_names = level_labels(language)
    present = [
        name
        for name in level_names
        if (name == "city" and any("city" in e.years for e in entries))
        or (name != "city" and twin.has_layer(name))
    ]
    return Registry(
        language=language,  # type: ignore[arg-type]
        challenges=[Choice(id=k, label=v) for k, v in challenge_labels(language).items()],
        levels=[Choice(id=name, label=level_names[name]) for name in present],
        no_data_reasons=NoDataReasons(**no_data_reasons(language, min_count=min_count)),
        indicators=[
            RegistryIndicator(
                **{k: v for k, v in entry.as_dict().items() if k != "population_groups"},
                population_groups=[
                    Choice(id=g, label=population_group_label(g, language))
                    for g in entry.population_groups
                ],
            )
            for entry in entries
        ],
    )


@router.get(
    "/registry",
    summary="Every indicator's label, unit, direction, explanation, "
    "levels and years, in fi, sv or en",
    description="`lang` defaults to the best match of Accept-Language (English "
    "otherwise). No code name appears in any label.",
)
def registry(
    ctx: Context, request: Request, lang: Annotated[Language | None, Query()] = None
) -> Registry:
    language = request_language(lang, request)
    return ctx.memo(
        ("registry", language),
        lambda: registry_body(ctx.twin(), language, min_count=ctx.settings.min_count),
    )


def _names(twin: Twin, level: str, language: str) -> list[AreaName]:
    key = "postal_code" if level == "areas" else "district_id"
    columns = twin.columns(level)
    wanted = [c for c in (key, "name", "name_sv", "parent_id") if c in columns]
    years = twin.years(level) if level == "areas" else []
    frame = twin.read(level, year=years[-1] if years else None, columns=wanted)

    def text(value: object) -> str | None:
        return None if value is None or pd.isna(value) or not str(value) else str(value)

    out = []
    for row in frame.sort_values(key).itertuples(index=False):
        values = row._asdict()
        name_fi, name_sv = text(values.get("name")), text(values.get("name_sv"))
        chosen = name_sv if language == "sv" and name_sv else name_fi
        out.append(
            AreaName(
                id=str(values[key]),
                label=chosen or str(values[key]),
                name_fi=name_fi,
                name_sv=name_sv,
                parent_id=text(values.get("parent_id")),
            )
        )
    return out


@router.get(
    "/areas",
    summary="Postal areas or districts with their Finnish and Swedish names",
    description="For labels and search. `label` is the Swedish name for `lang=sv` "
    "where the source has one, else the Finnish name.",
)
def areas(
    ctx: Context,
    request: Request,
    lang: Annotated[Language | None, Query()] = None,
    level: Annotated[Literal["areas", "districts"], Query()] = "areas",
) -> AreaNames:
    language = request_language(lang, request)
    twin = ctx.twin()
    if not twin.has_layer(level):
        raise NotFoundError(f"the twin has no {level} layer")
    return ctx.memo(
        ("area_names", level, language),
        lambda: AreaNames(
            language=language,  # type: ignore[arg-type]
            level=level,
            areas=_names(twin, level, language),
        ),
    )
