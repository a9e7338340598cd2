"""The ingest loop: read → skip what is stored → analyse (on an executor) → store.

``ingest`` keeps everything that touches the store in the calling process, one article per
transaction, so ``--workers`` only multiplies the analysis and a killed ingest loses at most
the articles in flight — which the next run analyses and stores, finding everything before
them already there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from rashomon.errors import RashomonError
from rashomon.ingest.executors import Executor, Failure
from rashomon.link.embeddings import Encoder
from rashomon.link.near_duplicates import text_key
from rashomon.model import Article
from rashomon.read import article_of, iter_inputs
from rashomon.store.database import Store
from rashomon.store.writer import Place, Stored, StoreWriter

__all__ = ["IngestSummary", "ingest"]

logger = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    """What one ingest did, for the summary line and ``--format json``.

    ``read`` counts the articles read; each then is ``new``, a ``duplicate`` (its text was
    stored before, from elsewhere, and is now also seen here), ``seen`` (this very place was
    ingested before: a re-run), or ``failed``. ``republications`` counts the new articles whose
    origin is another's (a near-duplicate, or an outlet their credit lines name).
    """

    read: int = 0
    new: int = 0
    duplicates: int = 0
    seen: int = 0
    republications: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def count(self, stored: Stored) -> None:
        """Count one store outcome."""
        if stored.outcome == "new":
            self.new += 1
            self.republications += int(stored.republication)
        elif stored.outcome == "duplicate":
            self.duplicates += 1
        else:
            self.seen += 1

    def to_dict(self) -> dict[str, object]:
        """Plain data, failures as ``{"where", "reason"}``."""
        return {
            "read": self.read,
            "new": self.new,
            "duplicates": self.duplicates,
            "seen": self.seen,
            "republications": self.republications,
            "failed": [{"where": w, "reason": r} for w, r in self.failed],
        }


#: Called after each article with its place and what happened ("new", "failed", …).
Progress = Callable[[str, str], None]


def _no_progress(_where: str, _what: str) -> None:
    pass


def ingest(
    paths: Sequence[str],
    store: Store,
    executor: Executor,
    *,
    published: str | None = None,
    on_article: Progress = _no_progress,
    encoder: Encoder | None = None,
) -> IngestSummary:
    """Ingest every article the paths name into ``store``.

    Args:
        paths: what ``rashomon analyze`` reads: files, folders, ``.jsonl``, feeds, WARC files.
        store: an open store (``Store.open(url, write=True)``).
        executor: where the analyses run (``make_executor``).
        published: the publication date of articles that give none.
        on_article: told of each article as it is done, for a progress display.
        encoder: a sentence-embedding backend for the claim ledger (``--embeddings``).

    Returns:
        The counts, and each failure with its reason.

    Raises:
        StoreError: the store refused a write (the article in hand is not stored; every
            article before it is).
    """
    writer = StoreWriter(store, encoder=encoder)
    summary = IngestSummary()

    def fail(where: str, reason: str) -> None:
        summary.failed.append((where, reason))
        on_article(where, "failed")

    def jobs() -> Iterator[tuple[Place, Article]]:
        # Articles are keyed by their text; unique ids would cost memory for nothing.
        for item in iter_inputs(paths, unique_ids=False):
            if isinstance(item, RashomonError):
                fail(item.where or "?", item.message)
                continue
            summary.read += 1
            place = Place(item.where, url=item.url, outlet=item.outlet, published=item.published)
            try:
                article = article_of(item, published)
            except RashomonError as error:
                fail(item.where, error.message)
                continue
            # A text already stored costs a lookup, not a parse.
            stored = writer.lookup(text_key(article.text), place)
            if stored is not None:
                summary.count(stored)
                on_article(item.where, stored.outcome)
                continue
            yield place, article

    for place, result in executor.run(jobs()):
        if isinstance(result, Failure):
            fail(place.where, result.reason)
            continue
        stored = writer.write(result, place)
        summary.count(stored)
        on_article(place.where, stored.outcome)
    return summary
