"""Run independent chunks of a heavy step here or on a Dask distributed cluster.

Every heavy step (travel-time matrices, permutation and bootstrap inference, Monte Carlo
draws of the vulnerability index) splits its work into chunks whose results do not depend
on where, in which order or how often they run:

* inputs every chunk needs (a street network, a GTFS feed, counts) are *shared*: on a
  cluster they are scattered to every worker once (``broadcast=True``), so workers need no
  file access and the task graph stays small;
* chunks are mapped with ``pure=False`` and ``retries``; when a worker dies, the scheduler
  re-runs its tasks (and any result it held) on the others;
* random chunks draw from :func:`chunk_rng`, seeded from the run's seed and the chunk's
  index, never from worker state, so a cluster run gives the numbers of a local run;
* results are gathered in chunk order.

The scheduler address comes from the caller (the CLI's ``--dask`` option) or, through
:func:`resolve_address`, from the ``DIKAS_DASK_SCHEDULER`` environment variable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from dikas.errors import ParameterError
from dikas.progress import track

if TYPE_CHECKING:
    from distributed import Client, Future

T = TypeVar("T")

ENV_VAR = "DIKAS_DASK_SCHEDULER"
"""Environment variable with the scheduler address used when no ``--dask`` is given."""
CONNECT_TIMEOUT = "10s"
"""How long to wait for the Dask scheduler."""
RETRIES = 2
"""Extra attempts of a chunk whose task raised (lost workers are handled by the scheduler)."""

_Scattered = dict[int, tuple[Any, "Future"]]
_SESSIONS: dict[str, tuple[Client, _Scattered]] = {}
"""Open sessions (:func:`cluster_session`): address → client and the inputs scattered."""


def resolve_address(address: str | None = None) -> str | None:
    """The scheduler address: ``address`` if given, else ``$DIKAS_DASK_SCHEDULER``, else None.

    An empty string (``--dask ''``) means "run locally" even when the variable is set.
    """
    if address is None:
        address = os.environ.get(ENV_VAR) or None
    address = address.strip() if address else None
    if address and "://" not in address:
        address = f"tcp://{address}"
    return address or None


def connect(address: str, *, timeout: str | None = None) -> Client:
    """A client of the scheduler at ``address``; one-line :class:`ParameterError` if unreachable."""
    try:
        from distributed import Client
    except ImportError as error:  # pragma: no cover - distributed is a pinned dependency
        raise ParameterError(f"--dask {address} needs the 'distributed' package") from error
    try:
        return Client(address, timeout=timeout or CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        detail = " ".join(str(error).split()) or type(error).__name__
        raise ParameterError(f"cannot reach the Dask scheduler at {address!r}: {detail}") from error


def run_chunks(
    function: Callable[..., T],
    chunks: Sequence[Any],
    *,
    shared: Mapping[str, Any] | None = None,
    dask_address: str | None = None,
    label: str = "chunks",
    progress: bool = True,
    retries: int = RETRIES,
    connect_timeout: str | None = None,
) -> list[T]:
    """``[function(chunk, **shared) for chunk in chunks]``, here or on a Dask cluster.

    Parameters
    ----------
    function
        A module-level function (or :func:`functools.partial` of one) that workers can
        import: ``function(chunk, **shared)`` returns the chunk's result.
    chunks
        One item per task (e.g. a slice of origins, or ``(chunk index, draws)``).
    shared
        Keyword inputs every chunk needs; scattered to all workers once on a cluster.
    dask_address
        Scheduler address (``tcp://host:port``); ``None`` runs the chunks here, in order.
    label, progress
        Progress bar on stderr (local runs).
    retries
        Extra attempts of a chunk whose task fails on a cluster.
    connect_timeout
        How long to wait for the scheduler (default :data:`CONNECT_TIMEOUT`).

    Returns
    -------
    list
        The chunks' results, in the order of ``chunks``.
    """
    shared = dict(shared or {})
    if dask_address is None:
        return [
            function(chunk, **shared)
            for chunk in track(chunks, label, total=len(chunks), enabled=progress)
        ]
    with _client(dask_address, connect_timeout or CONNECT_TIMEOUT) as (client, scattered):
        if not client.scheduler_info().get("workers"):
            from dask.utils import parse_timedelta  # with distributed: only for a cluster

            try:
                client.wait_for_workers(
                    1, timeout=parse_timedelta(connect_timeout or CONNECT_TIMEOUT)
                )
            except TimeoutError as error:
                raise ParameterError(
                    f"the Dask scheduler at {dask_address!r} has no workers"
                ) from error
        for value in shared.values():
            if id(value) not in scattered:  # each input once per session, to every worker
                scattered[id(value)] = (value, client.scatter([value], broadcast=True)[0])
        remote: dict[str, Any] = {name: scattered[id(value)][1] for name, value in shared.items()}
        futures = client.map(function, list(chunks), pure=False, retries=retries, **remote)
        try:
            return client.gather(futures)
        finally:
            client.cancel(futures)


@contextmanager
def cluster_session(
    dask_address: str | None, *, connect_timeout: str | None = None
) -> Iterator[None]:
    """Share one connection, and each input scattered once, among several :func:`run_chunks`.

    A step made of several mapped stages (transit: stop walks, then origin chunks) opens a
    session so that its network is sent to the workers once, not once per stage. Does
    nothing for a local run or inside a session already open for the address.
    """
    if dask_address is None or dask_address in _SESSIONS:
        yield
        return
    client = connect(dask_address, timeout=connect_timeout)
    _SESSIONS[dask_address] = (client, {})
    try:
        yield
    finally:
        del _SESSIONS[dask_address]
        client.close()


@contextmanager
def _client(address: str, timeout: str) -> Iterator[tuple[Client, _Scattered]]:
    """The session's client and scattered inputs, or a client of its own for one call."""
    if address in _SESSIONS:
        yield _SESSIONS[address]
        return
    with connect(address, timeout=timeout) as client:
        yield client, {}


def chunk_rng(seed: int, index: int) -> np.random.Generator:
    """The random generator of chunk ``index`` of a run seeded with ``seed``.

    Chunk 0 uses ``numpy.random.default_rng(seed)`` itself, so a run that fits in one chunk
    draws exactly what an unchunked run with that seed draws; chunk ``k ≥ 1`` uses the
    independent stream ``SeedSequence(seed, spawn_key=(k,))``.
    """
    if index == 0:
        return np.random.default_rng(seed)
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(index,)))


def run_seed(seed: int | None) -> int:
    """``seed``, or fresh entropy drawn once here so that every chunk shares one run seed."""
    if seed is not None:
        return int(seed)
    entropy = np.random.SeedSequence().entropy
    assert isinstance(entropy, int)  # fresh entropy is one int, never a sequence
    return int(entropy)


def draw_chunks(total: int, chunk_size: int) -> list[tuple[int, int]]:
    """``(chunk index, draws)`` for ``total`` draws in chunks of at most ``chunk_size``."""
    if chunk_size < 1:
        raise ParameterError(f"chunk size must be at least 1, not {chunk_size}")
    if total < 0:
        raise ParameterError(f"number of draws must not be negative, not {total}")
    return [
        (k, min(chunk_size, total - start)) for k, start in enumerate(range(0, total, chunk_size))
    ]
