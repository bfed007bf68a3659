"""Reader for single-band rasters (GeoTIFF) that a twin keeps as bytes.

The twin stores rasters whole (a BLOB plus CRS) so that the one database file is
self-contained; indicator code opens them again with :func:`open_raster_bytes`.
Nodata handling: a raster's declared nodata value, NaN, and the ``±DBL_MAX`` fill that some
producers write (a heat index of the demo catalog uses ``-1.797e308``) all count as missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import rasterio
from rasterio.errors import RasterioIOError
from rasterio.io import MemoryFile

from dikas.errors import CRSError, DataError

FILL_LIMIT = 1e300
"""Absolute values beyond this are producer fill values (e.g. −DBL_MAX), not data."""


@dataclass(frozen=True)
class RasterFile:
    """A validated raster file's bytes and the facts the twin records about it."""

    content: bytes
    crs: str
    width: int
    height: int
    valid_pixels: int


def read_raster(path: Path | str, *, dataset: str | None = None) -> RasterFile:
    """Open, validate and load a single-band raster file as bytes."""
    path = Path(path)
    content = path.read_bytes() if path.is_file() else None
    if content is None:
        raise DataError("file not found", dataset=dataset, path=path)
    try:
        with MemoryFile(content) as memfile, memfile.open() as src:
            if src.crs is None:
                raise CRSError("raster has no CRS", dataset=dataset, path=path)
            band = src.read(1, masked=False)
            valid = int(valid_mask(band, src.nodata).sum())
            info = RasterFile(
                content=content,
                crs=src.crs.to_string(),
                width=src.width,
                height=src.height,
                valid_pixels=valid,
            )
    except RasterioIOError as exc:
        raise DataError(
            f"cannot read as a raster ({str(exc).splitlines()[0]})", dataset=dataset, path=path
        ) from exc
    if info.valid_pixels == 0:
        raise DataError("raster has no valid pixels", dataset=dataset, path=path)
    return info


def valid_mask(values: np.ndarray, nodata: float | None) -> np.ndarray:
    """True where a pixel holds data: not NaN, not the nodata value, not a ±DBL_MAX fill."""
    mask = np.isfinite(values) & (np.abs(values) < FILL_LIMIT)
    if nodata is not None and np.isfinite(nodata):
        mask &= values != nodata
    return mask


@contextmanager
def open_raster_bytes(content: bytes) -> Iterator[rasterio.io.DatasetReader]:
    """Open raster bytes (from a twin) as a rasterio dataset."""
    with MemoryFile(content) as memfile, memfile.open() as dataset:
        yield dataset
