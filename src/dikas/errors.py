"""Errors of the DikaS package.

Every error a user can cause (bad data, bad arguments) derives from :class:`DikasError`;
each also inherits the matching built-in so callers can catch either. The CLI prints a
``DikasError`` as one line and exits non-zero; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class DikasError(Exception):
    """Base class of all errors a user can act on."""


class DataError(ValueError, DikasError):
    """A data file is unreadable, malformed or inconsistent.

    The message names the dataset, the file and the problem.
    """

    def __init__(self, problem: str, *, dataset: str | None = None, path: object = None) -> None:
        parts = [
            p
            for p in (
                f"dataset {dataset!r}" if dataset else None,
                f"file {str(path)!r}" if path is not None else None,
            )
            if p
        ]
        prefix = ", ".join(parts)
        super().__init__(f"{prefix}: {problem}" if prefix else problem)
        self.dataset = dataset
        self.path = path
        self.problem = problem


class ChecksumError(DataError):
    """A downloaded or mirrored file does not match the catalog's sha256."""


class MissingColumnError(DataError):
    """A required column is absent from a data file or layer."""


class CRSError(DataError):
    """A layer has no CRS or one that cannot be transformed to the twin's CRS."""


class GeometryError(DataError):
    """Geometries are empty or invalid beyond safe repair."""


class MissingDataError(FileNotFoundError, DikasError):
    """A dataset is neither in the mirror nor in the cache and cannot be downloaded."""


class FetchError(ConnectionError, DikasError):
    """A live service failed or answered something that is not the dataset.

    The message names the dataset, the URL and the problem.
    """

    def __init__(self, problem: str, *, dataset: str | None = None, url: str | None = None) -> None:
        parts = [
            p
            for p in (f"dataset {dataset!r}" if dataset else None, f"URL {url}" if url else None)
            if p
        ]
        prefix = ", ".join(parts)
        super().__init__(f"{prefix}: {problem}" if prefix else problem)
        self.dataset = dataset
        self.url = url
        self.problem = problem


class TwinError(ValueError, DikasError):
    """A twin file is missing, not a twin, or lacks a requested layer."""


class ParameterError(ValueError, DikasError):
    """A user-supplied parameter is invalid (unknown column, bad level, bad year...)."""


class ConfigError(ValueError, DikasError):
    """A configuration or scenario file is invalid."""


class TwinDamagedError(TwinError):
    """A twin file's pages are damaged (a checksum does not match): rebuild it."""
