"""Rendered vector tiles kept in memory, and seeding them ahead of the first visitor.

The twin is read-only, so a tile never changes while the server runs: each one is rendered
once. Seeding renders the tiles of the map's opening area (city-wide zooms first) in the
background at start-up, the way tile servers seed their caches, so neither the first visitor
nor a burst of clients waits for DuckDB to cut tiles.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping

TileKey = tuple[str, int, int, int]
"""``(layer, z, x, y)``."""

MAX_LATITUDE = 85.0511287798
"""Web Mercator's latitude limit."""


class TileCache:
    """Rendered tiles by :data:`TileKey`, at most ``max_bytes`` of them; the least recently
    used go first (thread-safe)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._tiles: OrderedDict[TileKey, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._tiles)

    @property
    def nbytes(self) -> int:
        """Bytes of the cached tiles."""
        return self._bytes

    def get(self, key: TileKey) -> bytes | None:
        """The cached tile, or ``None``."""
        with self._lock:
            tile = self._tiles.get(key)
            if tile is not None:
                self._tiles.move_to_end(key)
            return tile

    def put(self, key: TileKey, tile: bytes) -> None:
        """Keep a rendered tile."""
        with self._lock:
            old = self._tiles.pop(key, None)
            self._bytes += len(tile) - (len(old) if old is not None else 0)
            self._tiles[key] = tile
            while self._bytes > self.max_bytes and len(self._tiles) > 1:
                _, dropped = self._tiles.popitem(last=False)
                self._bytes -= len(dropped)


def tile_of(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The XYZ tile holding a point (the slippy-map formula)."""
    n = 2**z
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def tiles_covering(
    bbox: tuple[float, float, float, float] | list[float], z: int
) -> Iterator[tuple[int, int]]:
    """``(x, y)`` of every zoom-``z`` tile touching a lon/lat box, row by row."""
    west, south, east, north = bbox
    x0, y0 = tile_of(west, north, z)
    x1, y1 = tile_of(east, south, z)
    for y in range(y0, y1 + 1):
        for x in range(x0, x1 + 1):
            yield x, y


def seed(
    render: Callable[[str, int, int, int], bytes],
    min_zooms: Mapping[str, int],
    bbox: tuple[float, float, float, float] | list[float],
    *,
    max_zoom: int,
    budget: int,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Render the tiles of ``bbox`` for each layer (from its minimum zoom in ``min_zooms``)
    zoom by zoom up to ``max_zoom``, stopping after ``budget`` tiles; returns how many.

    Lower zooms come first: they are what a visitor sees first and they are few.
    """
    done = 0
    for z in range(max_zoom + 1):
        layers = [layer for layer, low in min_zooms.items() if z >= low]
        for x, y in tiles_covering(bbox, z):
            for layer in layers:
                if done >= budget:
                    return done
                render(layer, z, x, y)
                done += 1
                if progress is not None:
                    progress(done)
    return done
