"""DikaS: the social dimension of a city's digital twin.

The package follows one data flow, visible in its folders:
``sources`` → ``twin`` → indicators (``segregation``, ``accessibility``, ``climate``)
→ ``scenarios`` → outputs (``cli``, ``api``, ``report``).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dikas")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"


def open(path: str, *, read_only: bool = True):
    """Open a twin file and return a :class:`dikas.twin.Twin`."""
    from dikas.twin.store import Twin

    return Twin.open(path, read_only=read_only)


__all__ = ["__version__", "open"]
