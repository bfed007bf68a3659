"""Each answer's place → the twin's units: grid cell, postal area and district (read-only).

A drawn place is linked by one representative point (the point itself, a line's midpoint,
an area's point on surface) in the twin's CRS; an area chosen from the list links to that
postal area only. Places outside the twin's areas, or outside the areas a question is limited
to (``within``), are refused with one line naming the question.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from dikas.errors import ParameterError
from dikas.settings import TWIN_CRS
from dikas.surveys.answers import Answer
from dikas.surveys.definition import Survey
from dikas.twin.schema import LEVELS
from dikas.twin.store import Twin

LINKED_LEVELS = ("areas", "grid", "districts")
"""The levels every place is linked to."""


@dataclass(frozen=True)
class Linked:
    """An answer and the units it falls in."""

    answer: Answer
    cell_id: str | None = None
    postal_code: str | None = None
    district_id: str | None = None


def anchor(geometry: BaseGeometry) -> BaseGeometry:
    """The point a drawn place is linked by."""
    if isinstance(geometry, shapely.LineString):
        return geometry.interpolate(0.5, normalized=True)
    if isinstance(geometry, shapely.Polygon):
        return geometry.point_on_surface()
    return geometry


class Linker:
    """Finds the units of places in one (read-only) twin.

    Each level's units are read once, when the linker is made (key and geometry), into a
    spatial index, so a server keeps one linker (usable from any thread: it no longer reads
    the twin) and a submission costs a few index look-ups, not queries.
    """

    def __init__(self, twin: Twin) -> None:
        self._to_twin = Transformer.from_crs("EPSG:4326", TWIN_CRS, always_xy=True)
        self._indexes: dict[str, tuple[shapely.STRtree, np.ndarray] | None] = {}
        for level in LINKED_LEVELS:
            spec = LEVELS[level]
            assert spec.layer is not None
            if not twin.has_layer(spec.layer):
                self._indexes[level] = None
                continue
            year = max(twin.years(spec.layer)) if spec.yearly else None
            frame = twin.read(spec.layer, year=year, columns=[spec.key])
            self._indexes[level] = (
                shapely.STRtree(frame.geometry.values),
                frame[spec.key].astype(str).to_numpy(),
            )
        areas = self._indexes["areas"]
        self._postal_codes = set() if areas is None else set(areas[1].tolist())

    def _index(self, level: str) -> tuple[shapely.STRtree, np.ndarray] | None:
        return self._indexes[level]

    def _unit(self, level: str, x: float, y: float) -> str | None:
        index = self._index(level)
        if index is None:
            return None
        tree, keys = index
        hits = tree.query(shapely.Point(x, y), predicate="within")
        return None if len(hits) == 0 else str(keys[int(np.min(hits))])

    def area_exists(self, postal_code: str) -> bool:
        return postal_code in self._postal_codes

    def link(self, survey: Survey, answers: list[Answer]) -> list[Linked]:
        """Every answer with its units (follow-ups get their place's units)."""
        linked: list[Linked] = []
        places: dict[tuple[str, int], Linked] = {}
        for answer in answers:
            question = survey.question(answer.parent_id or answer.question_id)
            assert question is not None
            where = f"answers.{question.id}[{answer.item}]"
            if answer.parent_id is not None:
                place = places[(answer.parent_id, answer.item)]
                linked.append(replace(place, answer=answer))
                continue
            if answer.area is not None:
                if not self.area_exists(answer.area):
                    raise ParameterError(f"{where}.area: no area {answer.area!r} in the twin")
                item = Linked(answer, postal_code=answer.area)
            elif answer.geometry is not None:
                point = anchor(answer.geometry)
                x, y = self._to_twin.transform(point.x, point.y)
                postal_code = self._unit("areas", x, y)
                if postal_code is None:
                    raise ParameterError(f"{where}.geometry: the place is outside the twin's areas")
                item = Linked(
                    answer,
                    cell_id=self._unit("grid", x, y),
                    postal_code=postal_code,
                    district_id=self._unit("districts", x, y),
                )
            else:
                linked.append(Linked(answer))
                continue
            if question.within and item.postal_code not in question.within:
                raise ParameterError(f"{where}: the place must be in {', '.join(question.within)}")
            places[(question.id, answer.item)] = item
            linked.append(item)
        return linked
