"""Where analyses run: the one seam between the ingest loop and the machines doing the work.

An executor takes ``(tag, article)`` jobs and gives back ``(tag, result)`` in the same order,
where a result is an ``Analysis`` or a ``Failure`` (a one-line reason). The ingest loop reads,
deduplicates and stores in its own process; only parsing and extraction — nearly all of the
time — is handed to the executor. So a cluster engine (``dask.distributed``, given a scheduler
address) slots in as one more class here, and nothing else changes.

- ``InProcess``: the calling process, articles parsed in spaCy batches (``Analyzer.analyze_many``);
  a batch that fails is redone one article at a time, so one bad article fails alone.
- ``ProcessPool``: ``workers`` processes of this machine, each loading the pipeline once;
  chunks of articles travel to them and analyses (plain dataclasses) travel back. At most
  ``2 × workers`` chunks are in flight, so memory stays flat however long the input.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Protocol, TypeVar

from rashomon.errors import RashomonError
from rashomon.model import Analysis, Article
from rashomon.pipeline import Analyzer

__all__ = ["Executor", "Failure", "InProcess", "ProcessPool", "analyse_chunk", "make_executor"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Articles parsed together (spaCy's batch) and sent to a worker together.
CHUNK_SIZE = 16


@dataclass(frozen=True)
class Failure:
    """An article that could not be analysed, and why (one line)."""

    reason: str


Result = Analysis | Failure


class Executor(Protocol):
    """Runs analyses; results come back in the order the jobs went in."""

    def run(self, jobs: Iterable[tuple[T, Article]]) -> Iterator[tuple[T, Result]]:
        """Analyse each job's article."""
        ...

    def close(self) -> None:
        """Release workers and models."""
        ...


def analyse_chunk(analyzer: Analyzer, articles: list[Article]) -> list[Result]:
    """Analyse a chunk: batched when all goes well, else one article at a time."""
    try:
        return list(analyzer.analyze_many(articles, batch_size=len(articles) or 1))
    except Exception:
        logger.debug("a chunk of %d articles failed; analysing them one by one", len(articles))
    results: list[Result] = []
    for article in articles:
        try:
            results.append(analyzer.analyze_article(article))
        except RashomonError as error:
            results.append(Failure(error.message))
        except Exception as error:  # a bug on one article must not stop a corpus
            logger.debug("internal error on %s", article.id, exc_info=error)
            results.append(Failure(f"internal error: {type(error).__name__}: {error}"))
    return results


def _chunks(jobs: Iterable[tuple[T, Article]], size: int) -> Iterator[list[tuple[T, Article]]]:
    iterator = iter(jobs)
    while chunk := list(islice(iterator, size)):
        yield chunk


class InProcess:
    """Analyses in the calling process."""

    def __init__(self, analyzer: Analyzer | None = None, *, chunk_size: int = CHUNK_SIZE) -> None:
        self._analyzer = analyzer
        self.chunk_size = chunk_size

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = Analyzer()
        return self._analyzer

    def run(self, jobs: Iterable[tuple[T, Article]]) -> Iterator[tuple[T, Result]]:
        for chunk in _chunks(jobs, self.chunk_size):
            results = analyse_chunk(self.analyzer, [article for _, article in chunk])
            for (tag, _), result in zip(chunk, results, strict=True):
                yield tag, result

    def close(self) -> None:
        self._analyzer = None


# -- the worker side of ProcessPool: one analyzer per worker process --------------------------

_worker_analyzer: Analyzer | None = None


def _start_worker(mode: str, dictionaries: str | None, prefix: str | None) -> None:
    global _worker_analyzer
    _worker_analyzer = Analyzer(mode=mode, dictionaries=dictionaries, dictionary_prefix=prefix)


def _work(articles: list[Article]) -> list[Result]:
    assert _worker_analyzer is not None, "the worker was not started"
    return analyse_chunk(_worker_analyzer, articles)


class ProcessPool:
    """Analyses on ``workers`` processes of this machine.

    Workers are *spawned* (not forked): each imports rashomon and loads the pipeline afresh,
    which costs a few seconds once but never inherits a lock held by a thread of the parent
    (the progress display runs one).
    """

    def __init__(
        self,
        workers: int,
        *,
        mode: str = "default",
        dictionaries: str | None = None,
        dictionary_prefix: str | None = None,
        chunk_size: int = CHUNK_SIZE,
    ) -> None:
        self.workers = workers
        self.chunk_size = chunk_size
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(mode, dictionaries, dictionary_prefix),
        )

    def run(self, jobs: Iterable[tuple[T, Article]]) -> Iterator[tuple[T, Result]]:
        in_flight: deque[tuple[list[T], Future[list[Result]]]] = deque()
        for chunk in _chunks(jobs, self.chunk_size):
            tags = [tag for tag, _ in chunk]
            in_flight.append((tags, self._pool.submit(_work, [a for _, a in chunk])))
            if len(in_flight) >= 2 * self.workers:
                yield from self._collect(*in_flight.popleft())
        while in_flight:
            yield from self._collect(*in_flight.popleft())

    @staticmethod
    def _collect(tags: list[T], future: Future[list[Result]]) -> Iterator[tuple[T, Result]]:
        try:
            results = future.result()
        except Exception as error:  # a worker died (killed, out of memory): fail its chunk
            reason = f"the worker failed: {type(error).__name__}: {error}"
            results = [Failure(reason)] * len(tags)
        yield from zip(tags, results, strict=True)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_executor(
    workers: int,
    *,
    mode: str = "default",
    dictionaries: str | None = None,
    dictionary_prefix: str | None = None,
) -> Executor:
    """``InProcess`` for one worker, ``ProcessPool`` for more."""
    if workers <= 1:
        analyzer = Analyzer(
            mode=mode, dictionaries=dictionaries, dictionary_prefix=dictionary_prefix
        )
        return InProcess(analyzer)
    return ProcessPool(
        workers, mode=mode, dictionaries=dictionaries, dictionary_prefix=dictionary_prefix
    )
