"""Ingest: many articles into the store, analysed on this machine's cores or elsewhere.

``ingest(paths, store, executor)`` is the loop; ``make_executor(workers)`` picks where the
analyses run (``InProcess`` or a ``ProcessPool``; a cluster executor is the same seam).
"""

from __future__ import annotations

from rashomon.ingest.executors import Executor, Failure, InProcess, ProcessPool, make_executor
from rashomon.ingest.run import IngestSummary, ingest

__all__ = [
    "Executor",
    "Failure",
    "InProcess",
    "IngestSummary",
    "ProcessPool",
    "ingest",
    "make_executor",
]
