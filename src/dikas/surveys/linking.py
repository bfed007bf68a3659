"""Each answer's place → the twin's units: grid cell, postal area and district (read-only).

A drawn place is linked by one representative point (the point itself, a line's midpoint,
an area's point on surface) in the twin's CRS; an area chosen from the list links to that
postal area only. Places outside the twin's areas, or outside the areas a question is limited
to (``within``), are refused with one line naming the question.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from dikas.errors import ParameterError
from dikas.settings import TWIN_CRS
from dikas.surveys.answers import Answer
from dikas.surveys.definition import Survey
from dikas.twin.schema import LEVELS
from dikas.twin.store import Twin


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
    """Finds the units of places in one (read-only) twin."""

    def __init__(self, twin: Twin) -> None:
        self.twin = twin
        self._to_twin = Transformer.from_crs("EPSG:4326", TWIN_CRS, always_xy=True)

    def _unit(self, level: str, x: float, y: float) -> str | None:
        spec = LEVELS[level]
        assert spec.layer is not None
        if not self.twin.has_layer(spec.layer):
            return None
        year = (f" AND year = (SELECT max(year) FROM {spec.layer})" if spec.yearly else "")
        rows = self.twin.sql(f"SELECT {spec.key} AS unit FROM {spec.layer} WHERE "
                             f"ST_Contains(geometry, ST_Point(?, ?)){year} LIMIT 1", [x, y])
        return None if rows.empty else str(rows["unit"].iloc[0])

    def area_exists(self, postal_code: str) -> bool:
        if not self.twin.has_layer("areas"):
            return False
        rows = self.twin.sql("SELECT 1 FROM areas WHERE postal_code = ? LIMIT 1", [postal_code])
        return not rows.empty

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
                    raise ParameterError(f"{where}.geometry: the place is outside the "
                                         "twin's areas")
                item = Linked(answer, cell_id=self._unit("grid", x, y), postal_code=postal_code,
                              district_id=self._unit("districts", x, y))
            else:
                linked.append(Linked(answer))
                continue
            if question.within and item.postal_code not in question.within:
                raise ParameterError(f"{where}: the place must be in "
                                     f"{', '.join(question.within)}")
            places[(question.id, answer.item)] = item
            linked.append(item)
        return linked
