"""Progress reporting shared by every long-running step.

Steps report to stderr so that ``--json`` output on stdout stays machine-readable.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from tqdm.auto import tqdm

T = TypeVar("T")


def track(
    items: Iterable[T], description: str, *, total: int | None = None, enabled: bool = True
) -> Iterator[T]:
    """Iterate over ``items`` with a progress bar on stderr."""
    yield from tqdm(
        items,
        desc=description,
        total=total,
        disable=not enabled,
        file=sys.stderr,
        leave=False,
        dynamic_ncols=True,
    )


@contextmanager
def step(description: str, *, enabled: bool = True) -> Iterator[None]:
    """Announce a step on stderr and report its elapsed time when it ends."""
    start = time.perf_counter()
    if enabled:
        print(f"· {description} …", file=sys.stderr, flush=True)
    yield
    if enabled:
        print(f"  done in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
