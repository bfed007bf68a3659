"""The base twin's layers and street network, read once per process and reused.

A web service answers many what-ifs on the same twin; reading the layers, loading DuckDB's
spatial extension and building the street network take most of a run's time, so they are
kept for the last :data:`CACHED_TWINS` base twins, keyed by the file's path, size and
modification time (a rebuilt twin is read again). Every run works on a fresh copy of the
layers (:meth:`BaseTwin.fresh_state`); the cached objects are never edited.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dikas.accessibility.network import StreetNetwork
from dikas.errors import TwinError
from dikas.scenarios.state import CityState
from dikas.twin.store import Twin

CACHED_TWINS = 4
"""How many base twins stay in memory."""


@dataclass(frozen=True)
class BaseTwin:
    """What scenarios need from a base twin.

    Attributes
    ----------
    path
        The twin file.
    build_info
        Its ``build_info`` row (build id, city, code version).
    state
        The editable layers as read (a template: use :meth:`fresh_state`).
    network
        The walking network (``None`` when the twin has no street network).
    network_extent
        Bounding box of the network's edges.
    """

    path: Path
    build_info: Mapping[str, Any]
    state: CityState
    network: StreetNetwork | None
    network_extent: tuple[float, float, float, float] | None

    def fresh_state(self) -> CityState:
        """A copy of the layers that edits may change."""
        template = self.state
        return CityState(
            grid=template.grid.copy(),
            areas=template.areas.copy(),
            year=template.year,
            services=template.services.copy(),
            addresses=template.addresses,
            feed=template.feed,
            added_groups=copy.copy(template.added_groups),
            edited=set(),
            groups=template.groups,
        )


@lru_cache(maxsize=CACHED_TWINS)
def _read(
    path: str, _size: int, _mtime_ns: int, year: int | None, addresses: bool, transit: bool
) -> BaseTwin:
    with Twin.open(path) as twin:
        state = CityState.from_twin(twin, year=year, addresses=addresses, transit=transit)
        has_network = twin.has_layer("network_nodes") and twin.has_layer("network_edges")
        network = StreetNetwork.from_twin(twin, "walk") if has_network else None
        extent = twin.extent("network_edges") if has_network else None
        return BaseTwin(
            path=Path(path),
            build_info=twin.build_info(),
            state=state,
            network=network,
            network_extent=extent,
        )


def load_base(
    path: Path | str, *, year: int | None = None, addresses: bool = False, transit: bool = False
) -> BaseTwin:
    """The base twin's layers and network, from the cache when the file is unchanged."""
    resolved = Path(path).resolve()
    if not resolved.is_file():
        raise TwinError(f"twin {str(path)!r}: file not found (build one with `dikas build`)")
    status = resolved.stat()
    return _read(str(resolved), status.st_size, status.st_mtime_ns, year, addresses, transit)
