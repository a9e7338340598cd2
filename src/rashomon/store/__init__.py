"""The store layer: the corpus in a database (SQLite by default, PostgreSQL by URL).

``Store.open`` gives a migrated database; ``StoreWriter`` writes one analysed article per
transaction (idempotent: a text already stored is only seen again); ``queries`` reads the
corpus back — status, the claim ledger, who said what, contradictions — as typed rows that
the CLI, the exporters and the web app share.
"""

from __future__ import annotations

from rashomon.store.database import DEFAULT_URL, Store, normalise_url

__all__ = ["DEFAULT_URL", "Store", "normalise_url"]
