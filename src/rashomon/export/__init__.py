"""The export layer: analyses out as flat tables for analytics tools.

``events_tsv`` writes one coded event per line in PETRARCH/Phoenix-style columns, so that
event-data researchers can load rashomon's output where they load PETRARCH's today. The
``analyze --format events-tsv`` option and the corpus ``export`` command both call it.
``tables`` (imported on its own, since it needs the store) writes a store's tables as JSON
Lines, CSV or Parquet, one file per table.
"""

from __future__ import annotations

from rashomon.export.events_tsv import EVENT_COLUMNS, event_rows, write_events_tsv

__all__ = ["EVENT_COLUMNS", "event_rows", "write_events_tsv"]
