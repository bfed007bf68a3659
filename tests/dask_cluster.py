"""A real Dask cluster on loopback for tests: one ``dask scheduler`` and worker processes.

Not an in-process ``LocalCluster``: the scheduler and every worker are separate OS
processes started from the ``dask`` command line, as on a real cluster, with ``PYTHONPATH``
pointing at this checkout's ``src`` (and its root, for ``tests`` helpers run on the
scheduler) so workers import the same code. Workers run without a
nanny, so SIGKILL of a worker's process ends that worker for good (a lost machine).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
DASK = Path(sys.executable).with_name("dask")
START_TIMEOUT_S = 60.0


@dataclass
class LoopbackCluster:
    """The address of a running scheduler and the worker processes attached to it."""

    address: str
    scheduler: subprocess.Popen
    workers: list[subprocess.Popen] = field(default_factory=list)

    def kill_worker(self, position: int = 0) -> None:
        """SIGKILL one worker process and wait for it to end."""
        process = self.workers[position]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), str(ROOT), env.get("PYTHONPATH")]))
    env.update(
        {
            "NUMBA_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "DASK_DISTRIBUTED__WORKER__DAEMON": "False",
        }
    )
    env.pop("DIKAS_DASK_SCHEDULER", None)
    return env


def _stop(processes: list[subprocess.Popen]) -> None:
    """Terminate all at once, then kill whatever is still running after 3 s."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 3
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextmanager
def loopback_cluster(
    folder: Path, *, n_workers: int = 2, memory_limit: str = "1.5GiB"
) -> Iterator[LoopbackCluster]:
    """Start ``dask scheduler`` and ``n_workers`` ``dask worker`` processes on 127.0.0.1.

    The scheduler binds a free port (``--port 0``) and writes its address to a scheduler
    file; workers have one process and one thread each. Every process is stopped on exit
    (terminate, then kill after 3 s), whatever happened.
    """
    from distributed import Client

    folder.mkdir(parents=True, exist_ok=True)
    scheduler_file = folder / "scheduler.json"
    env = _environment()
    log = (folder / "scheduler.log").open("wb")
    logs = [log]
    processes: list[subprocess.Popen] = []
    try:
        scheduler = subprocess.Popen(
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(scheduler_file),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=folder,
        )
        processes.append(scheduler)
        deadline = time.monotonic() + START_TIMEOUT_S
        while not scheduler_file.is_file() or not scheduler_file.read_text().strip():
            if scheduler.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"dask scheduler did not start; see {folder / 'scheduler.log'}")
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        cluster = LoopbackCluster(address, scheduler)
        for n in range(n_workers):
            worker_log = (folder / f"worker-{n}.log").open("wb")
            logs.append(worker_log)
            worker = subprocess.Popen(
                [
                    str(DASK),
                    "worker",
                    address,
                    "--name",
                    f"worker-{n}",
                    "--nworkers",
                    "1",
                    "--nthreads",
                    "1",
                    "--memory-limit",
                    memory_limit,
                    "--no-nanny",
                    "--no-dashboard",
                    "--host",
                    "127.0.0.1",
                    "--local-directory",
                    str(folder / f"worker-{n}"),
                ],
                stdout=worker_log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=folder,
            )
            processes.append(worker)
            cluster.workers.append(worker)
        with Client(address, timeout="30s", set_as_default=False) as client:
            client.wait_for_workers(n_workers, timeout=START_TIMEOUT_S)
        yield cluster
    finally:
        _stop(processes[::-1])
        for handle in logs:
            handle.close()
