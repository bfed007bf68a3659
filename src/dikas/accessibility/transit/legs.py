"""Walking legs of door-to-door transit journeys, as sparse tables indexed for the router.

A transit journey walks from the origin to a stop (*access*), between stops when changing
vehicles (*transfer*) and from the last stop to the destination (*egress*); walking all
the way (*direct*) competes with it, as in R5. Each leg table has the columns of a
street-network travel-time matrix: ``from_id``, ``to_id``, ``travel_time`` (minutes),
listing only the pairs within the maximum walking time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dikas.errors import MissingColumnError, ParameterError

_LEG_COLUMNS = ("from_id", "to_id", "travel_time")


@dataclass(frozen=True)
class SparseLegs:
    """Walking legs from ``n`` sources in CSR form.

    Source ``i`` reaches ``targets[offsets[i]:offsets[i + 1]]`` in ``seconds[...]``.
    """

    offsets: np.ndarray
    targets: np.ndarray
    seconds: np.ndarray

    @classmethod
    def from_frame(
        cls, frame: pd.DataFrame, *, sources: pd.Index, targets: pd.Index, leg: str
    ) -> SparseLegs:
        """Index a ``from_id, to_id, travel_time`` table; pairs with unknown ids are dropped.

        Travel times are rounded to whole seconds. Duplicate pairs keep their minimum.
        """
        missing = [column for column in _LEG_COLUMNS if column not in frame.columns]
        if missing:
            raise MissingColumnError(f"{leg} walking legs lack column(s) {', '.join(missing)}")
        source = sources.get_indexer(frame["from_id"])
        target = targets.get_indexer(frame["to_id"])
        minutes = pd.to_numeric(frame["travel_time"], errors="coerce").to_numpy(np.float64)
        known = (source >= 0) & (target >= 0) & np.isfinite(minutes)
        if (minutes[known] < 0).any():
            raise ParameterError(f"{leg} walking legs have negative travel times")
        source, target = source[known], target[known]
        seconds = np.round(minutes[known] * 60).astype(np.int64)
        order = np.lexsort((seconds, target, source))
        source, target, seconds = source[order], target[order], seconds[order]
        first = np.ones(source.size, dtype=bool)
        first[1:] = (source[1:] != source[:-1]) | (target[1:] != target[:-1])
        source, target, seconds = source[first], target[first], seconds[first]
        offsets = np.searchsorted(source, np.arange(len(sources) + 1)).astype(np.int64)
        return cls(offsets=offsets, targets=target.astype(np.int64), seconds=seconds)


@dataclass(frozen=True)
class WalkingLegs:
    """The four kinds of walking legs, indexed by origin, stop and destination position."""

    access: SparseLegs
    transfers: SparseLegs
    egress: SparseLegs
    direct: SparseLegs

    @classmethod
    def from_frames(
        cls,
        *,
        access: pd.DataFrame,
        transfers: pd.DataFrame,
        egress: pd.DataFrame,
        direct: pd.DataFrame,
        origin_ids: pd.Index,
        stop_ids: pd.Index,
        destination_ids: pd.Index,
    ) -> WalkingLegs:
        """Index leg tables (``from_id, to_id, travel_time`` in minutes).

        Parameters
        ----------
        access
            Origin → stop.
        transfers
            Stop → stop (a stop's pair with itself is ignored).
        egress
            Stop → destination.
        direct
            Origin → destination, walking only.
        origin_ids, stop_ids, destination_ids
            The positions the router uses; ids must be unique.
        """
        for name, ids in (
            ("origin", origin_ids),
            ("stop", stop_ids),
            ("destination", destination_ids),
        ):
            if not ids.is_unique:
                raise ParameterError(f"{name} ids must be unique")
        transfers = transfers[transfers["from_id"].to_numpy() != transfers["to_id"].to_numpy()]
        return cls(
            access=SparseLegs.from_frame(
                access, sources=origin_ids, targets=stop_ids, leg="access"
            ),
            transfers=SparseLegs.from_frame(
                transfers, sources=stop_ids, targets=stop_ids, leg="transfer"
            ),
            egress=SparseLegs.from_frame(
                egress, sources=stop_ids, targets=destination_ids, leg="egress"
            ),
            direct=SparseLegs.from_frame(
                direct, sources=origin_ids, targets=destination_ids, leg="direct"
            ),
        )
