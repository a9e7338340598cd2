"""The store on both backends: migrations, one-transaction writes, origins and the ledger.

Each test runs on SQLite and on PostgreSQL (``store_url`` in conftest.py). Ledger rules are
tested with analyses built by hand, so that they say exactly what the writer is given;
end-to-end tests ingest articles written for these tests through the real pipeline.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from rashomon.errors import StoreError
from rashomon.ingest import InProcess, ingest
from rashomon.model import Analysis, Article, Attribution, Claim, Entity, Origin, Source, Span
from rashomon.pipeline import Analyzer
from rashomon.store import Store, queries
from rashomon.store.database import normalise_url
from rashomon.store.schema import (
    ArticleRow,
    AttributionRow,
    Base,
    ClaimPositionRow,
    ClaimRow,
    EntityRow,
    SightingRow,
)
from rashomon.store.writer import Place, StoreWriter
from tests.store.conftest import (
    DAM_FOLLOW_UP,
    DAM_REPORT,
    DAM_REPUBLISHED,
    MARKET_NEWS,
    write_articles,
)

# -- opening -------------------------------------------------------------------------------


def test_a_new_store_is_migrated_to_exactly_the_schema(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() is not None
        # The migration creates what schema.py declares, nothing more or less.
        assert compare_metadata(context, Base.metadata) == []


def test_opening_again_for_reading_finds_the_store(store_url: str, store: Store) -> None:
    with Store.open(store_url) as again:
        assert queries.status(again)["articles"] == 0


def test_reading_a_store_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here yet"):
        Store.open(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_writing_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "no" / "such" / "store.db"), write=True)


def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        Store.open("postgresql://someone:secret@127.0.0.1:1/nothing", write=True)
    message = str(caught.value)
    assert "cannot open the database" in message
    assert "secret" not in message
    assert "\n" not in message


def test_an_unknown_database_kind_is_refused() -> None:
    with pytest.raises(StoreError, match="cannot use this database"):
        Store.open("nosuchdb://host/x")


def test_urls_are_normalised() -> None:
    assert normalise_url(None) == "sqlite:///rashomon.db"
    assert normalise_url("corpus.db") == "sqlite:///corpus.db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgresql+psycopg2://u@h/db") == "postgresql+psycopg2://u@h/db"


# -- hand-made analyses for the ledger ---------------------------------------------------


def _statement(
    article_id: str,
    text: str,
    speaker: str,
    cue: str,
    content: str,
    *,
    polarity: str = "assert",
    terms: tuple[str, ...],
    negated: bool = False,
    outlet: str | None = None,
    published: str = "2025-05-02",
) -> Analysis:
    """One article with one attribution of ``speaker`` saying ``content``."""
    s = text.index(speaker)
    c = text.index(cue)
    k = text.index(content)
    attribution = Attribution(
        id="a1",
        source=Source(speaker, s, s + len(speaker), entity="e1"),
        cue=Span(cue, c, c + len(cue)),
        content=(Span(content, k, k + len(content)),),
        kind="indirect",
        polarity=polarity,  # type: ignore[arg-type]
        sourcing="named",
        claim="c1",
    )
    side = {"asserted_by": ("a1",)} if polarity == "assert" else {"denied_by": ("a1",)}
    return Analysis(
        article=Article(id=article_id, text=text, outlet=outlet, published=published),
        entities=(Entity(id="e1", name=speaker, mentions=((s, s + len(speaker)),)),),
        attributions=(attribution,),
        claims=(Claim(id="c1", text=content, terms=terms, negated=negated, **side),),  # type: ignore[arg-type]
    )


BURST = ("Korva", "burst", "dam")


def test_the_same_claim_in_two_articles_is_one_corpus_claim(store: Store) -> None:
    writer = StoreWriter(store)
    writer.write(
        _statement(
            "one",
            "Farmers said the Korva dam burst on Thursday.",
            "Farmers",
            "said",
            "the Korva dam burst on Thursday",
            terms=(*BURST, "thursday"),
        ),
        Place("one.txt"),
    )
    writer.write(
        _statement(
            "two",
            "The ministry denied that the Korva dam burst.",
            "The ministry",
            "denied",
            "the Korva dam burst",
            polarity="deny",
            terms=BURST,
            published="2025-05-04",
        ),
        Place("two.txt"),
    )
    found = queries.claims(store)
    assert len(found) == 1
    claim = found[0]
    assert claim.contested
    assert [p.speaker for p in claim.asserted_by] == ["Farmers"]
    assert [p.speaker for p in claim.denied_by] == ["The ministry"]
    assert (claim.first_seen, claim.last_seen) == ("2025-05-02", "2025-05-04")
    assert claim.support("assert") == (1, 1) and claim.support("deny") == (1, 1)
    assert queries.status(store)["contested_claims"] == 1


def test_a_negatively_worded_assertion_is_a_denial_of_the_positive_claim(store: Store) -> None:
    writer = StoreWriter(store)
    writer.write(
        _statement(
            "one",
            "Farmers said the Korva dam burst.",
            "Farmers",
            "said",
            "the Korva dam burst",
            terms=BURST,
        ),
        Place("one.txt"),
    )
    # "no dam burst" asserted is the claim "the dam burst" denied.
    writer.write(
        _statement(
            "two",
            "The minister said the Korva dam did not burst.",
            "The minister",
            "said",
            "the Korva dam did not burst",
            terms=BURST,
            negated=True,
        ),
        Place("two.txt"),
    )
    (claim,) = queries.claims(store)
    assert [p.speaker for p in claim.denied_by] == ["The minister"]
    assert claim.contested


def test_claims_about_different_actors_stay_apart(store: Store) -> None:
    writer = StoreWriter(store)
    writer.write(
        _statement(
            "one",
            "Officials said the Korva dam burst.",
            "Officials",
            "said",
            "the Korva dam burst",
            terms=BURST,
        ),
        Place("one.txt"),
    )
    writer.write(
        _statement(
            "two",
            "Officials said the Lenna dam burst.",
            "Officials",
            "said",
            "the Lenna dam burst",
            terms=("Lenna", "burst", "dam"),
        ),
        Place("two.txt"),
    )
    assert len(queries.claims(store)) == 2
    assert queries.contradictions(store) == []


def test_an_article_is_written_whole_or_not_at_all(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = StoreWriter(store)
    analysis = _statement(
        "one", "Farmers said the dam burst.", "Farmers", "said", "the dam burst", terms=BURST
    )

    def broken(*_args: object) -> None:
        raise RuntimeError("the disk is full")

    # Fail after the article, its entities and attributions have been added to the session.
    monkeypatch.setattr(writer, "_events", broken)
    with pytest.raises(RuntimeError):
        writer.write(analysis, Place("one.txt"))
    with store.session() as session:
        for table in (ArticleRow, EntityRow, AttributionRow, SightingRow, ClaimPositionRow):
            assert session.scalar(select(func.count()).select_from(table)) == 0
    monkeypatch.undo()
    assert writer.write(analysis, Place("one.txt")).outcome == "new"


# -- end to end, through the pipeline ------------------------------------------------------


def test_ingest_finds_origins_duplicates_and_the_contested_claim(
    store: Store, analyzer: Analyzer, tmp_path: Path
) -> None:
    paths = write_articles(
        tmp_path / "in",
        report=DAM_REPORT,
        follow_up=DAM_FOLLOW_UP,
        republished=DAM_REPUBLISHED,
        market=MARKET_NEWS,
    )
    summary = ingest(paths, store, InProcess(analyzer), published="2025-05-03")
    assert (summary.read, summary.new, summary.failed) == (4, 4, [])
    # The republished copy is a near-duplicate of the report: one origin for the two.
    assert summary.republications == 1
    counts = queries.status(store)
    assert counts["articles"] == 4
    assert counts["origins"] == 3
    (contested,) = queries.contradictions(store)
    assert "Korva dam" in contested.text
    assert "water ministry" in {p.speaker for p in contested.denied_by}
    asserting_articles, asserting_origins = contested.support("assert")
    # Report, republication and follow-up assert it: three articles, two independent origins.
    assert (asserting_articles, asserting_origins) == (3, 2)
    # The market story shares "barley" with the flood stories but no claim.
    market = [c for c in queries.claims(store, limit=None) if "prices" in c.text]
    assert market and all(len({p.article for p in c.asserted_by}) == 1 for c in market)


def test_ingesting_again_adds_nothing_and_a_copy_elsewhere_is_a_sighting(
    store: Store, analyzer: Analyzer, tmp_path: Path
) -> None:
    paths = write_articles(tmp_path / "in", report=DAM_REPORT, market=MARKET_NEWS)
    ingest(paths, store, InProcess(analyzer))
    before = queries.status(store)
    again = ingest(paths, store, InProcess(analyzer))
    assert (again.new, again.seen, again.duplicates) == (0, 2, 0)
    assert queries.status(store) == before
    copy = write_articles(tmp_path / "mirror", report=DAM_REPORT)
    elsewhere = ingest(copy, store, InProcess(analyzer))
    assert (elsewhere.new, elsewhere.duplicates) == (0, 1)
    after = queries.status(store)
    assert after["sightings"] == before["sightings"] + 1
    assert {k: v for k, v in after.items() if k != "sightings"} == {
        k: v for k, v in before.items() if k != "sightings"
    }


def test_bad_files_fail_alone_with_their_reasons(
    store: Store, analyzer: Analyzer, tmp_path: Path
) -> None:
    paths = write_articles(tmp_path / "in", report=DAM_REPORT)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "in" / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    summary = ingest([*paths, str(empty), str(binary)], store, InProcess(analyzer))
    assert summary.new == 1
    failed = dict(summary.failed)
    assert set(failed) == {str(empty), str(binary)}
    assert "empty" in failed[str(empty)]
    assert queries.status(store)["articles"] == 1


def test_who_lists_statements_by_and_about_an_entity(
    store: Store, analyzer: Analyzer, tmp_path: Path
) -> None:
    paths = write_articles(tmp_path / "in", report=DAM_REPORT, follow_up=DAM_FOLLOW_UP)
    ingest(paths, store, InProcess(analyzer), published="2025-05-03")
    report = queries.who(store, "anton berg")
    assert "Anton Berg" in report.entities
    assert any("We lost everything" in s.content for s in report.by)
    assert all(s.speaker and "Berg" in s.speaker for s in report.by)
    about_korva = queries.who(store, "Korva")
    assert any("water ministry" in (s.speaker or "") for s in about_korva.about)
    # Every statement carries its confidence; a bar keeps exactly those that reach it.
    confidences = sorted(s.confidence for s in report.by if s.confidence is not None)
    assert len(confidences) == len(report.by) >= 2
    bar = confidences[-1]
    sure = queries.who(store, "anton berg", min_confidence=bar)
    assert [s.confidence for s in sure.by] == [c for c in confidences if c >= bar]


def test_a_confidence_bar_keeps_only_the_positions_that_reach_it(
    store: Store, analyzer: Analyzer, tmp_path: Path
) -> None:
    paths = write_articles(tmp_path / "in", report=DAM_REPORT, follow_up=DAM_FOLLOW_UP)
    ingest(paths, store, InProcess(analyzer), published="2025-05-03")
    (contested,) = queries.contradictions(store)
    denials = contested.denied_by
    assert denials and not any(p.outlet_voice for p in denials)
    assert all(p.confidence is not None for p in (*contested.asserted_by, *denials))
    # At the lowest confidence of its positions the contradiction stands whole.
    lowest = min(p.confidence or 0.0 for p in (*contested.asserted_by, *denials))
    (same,) = queries.contradictions(store, min_confidence=lowest)
    assert (same.asserted_by, same.denied_by) == (contested.asserted_by, denials)
    # Above its surest denial it has lost a side: no contradiction, no contested claim.
    bar = max(p.confidence or 0.0 for p in denials) + 0.001
    assert queries.contradictions(store, min_confidence=bar) == []
    assert contested.id not in {
        c.id for c in queries.claims(store, contested=True, min_confidence=bar)
    }
    # What the ledger keeps at that bar reaches it, position by position.
    kept = queries.claims(store, limit=None, min_confidence=bar)
    positions = [p for c in kept for p in (*c.asserted_by, *c.denied_by) if not p.outlet_voice]
    assert all(p.confidence is not None and p.confidence >= bar for p in positions)
    assert all(c.asserted_by or c.denied_by for c in kept)


def test_claim_filters(store: Store, analyzer: Analyzer, tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", report=DAM_REPORT, market=MARKET_NEWS)
    ingest(paths, store, InProcess(analyzer), published="2025-05-03")
    about = queries.claims(store, about="korva DAM")
    assert about and all("korva dam" in c.text.lower() for c in about)
    assert all(c.contested for c in queries.claims(store, contested=True))
    assert queries.claims(store, since="2025-06-01") == []
    assert queries.claims(store, since="2025-05-03")
    # A LIKE wildcard in the search is a character, not a wildcard.
    assert queries.claims(store, about="%") == []


def test_an_outlet_is_one_origin_and_a_credit_line_names_it(store: Store) -> None:
    writer = StoreWriter(store)
    first = _statement(
        "first",
        "Farmers said the Korva dam burst.",
        "Farmers",
        "said",
        "the Korva dam burst",
        terms=BURST,
        outlet="Lowland Courier",
    )
    other_story = _statement(
        "second",
        "Traders said barley prices held steady in Ostrava.",
        "Traders",
        "said",
        "barley prices held steady in Ostrava",
        terms=("Ostrava", "barley", "price"),
        outlet="lowland courier",
    )
    credited_text = "By Lowland Courier\n\nVillagers said the Korva dam gave way."
    credited = _statement(
        "third",
        credited_text,
        "Villagers",
        "said",
        "the Korva dam gave way",
        terms=("Korva", "dam", "give", "way"),
        outlet="Morning Brief",
    )
    credited = replace(
        credited,
        article=replace(credited.article, origin=Origin(outlet="Lowland Courier")),
    )
    assert not writer.write(first, Place("a")).republication
    # Another story by the same outlet: not a copy, but the same origin — an outlet does not
    # independently confirm itself.
    assert not writer.write(other_story, Place("b")).republication
    # A story another site runs under "By Lowland Courier" is a republication of that outlet.
    assert writer.write(credited, Place("c")).republication
    counts = queries.status(store)
    assert (counts["articles"], counts["origins"], counts["republications"]) == (3, 1, 1)


def test_rows_are_stored_as_analysed_and_point_at_each_other(
    store: Store, analyzer: Analyzer, tmp_path: Path
) -> None:
    # The bulk paths differ by database (COPY on PostgreSQL, executemany on SQLite), and ids
    # are drawn before the rows go in on PostgreSQL: every row must still read back as the
    # analysis wrote it, and every reference land on the row it means.
    paths = write_articles(tmp_path / "in", report=DAM_REPORT, follow_up=DAM_FOLLOW_UP)
    ingest(paths, store, InProcess(analyzer), published="2025-05-03")
    with store.transaction() as session:
        entities = {row.id: row for row in session.scalars(select(EntityRow))}
        attributions = list(session.scalars(select(AttributionRow)))
        positions = list(session.scalars(select(ClaimPositionRow)))
        claims = {row.id for row in session.scalars(select(ClaimRow))}
        texts = {row.id: row.text for row in session.scalars(select(ArticleRow))}
    assert len(texts) == 2 and attributions and positions
    for entity in entities.values():
        # Mentions are JSON [[start, end], ...] that cut the entity's words out of its text.
        assert entity.mentions and all(len(pair) == 2 for pair in entity.mentions)
        start, end = entity.mentions[0]
        assert texts[entity.article_id][start:end].strip()
    for row in attributions:
        text_ = texts[row.article_id]
        assert text_[row.cue_start : row.cue_end] == row.cue_text
        assert row.content and all(text_[s:e] in row.content_text for s, e in row.content)
        # The default mode's scorer gives every attribution its confidence.
        assert row.confidence is not None and 0.0 <= row.confidence <= 1.0
        if row.entity_id is not None:
            assert entities[row.entity_id].article_id == row.article_id
        if row.claim_id is not None:
            assert row.claim_id in claims
    by_id = {row.id: row for row in attributions}
    for position in positions:
        assert position.claim_id in claims
        if position.attribution_id is not None:
            assert by_id[position.attribution_id].article_id == position.article_id
    # "The water ministry ... denied reports that the Korva dam had burst."
    denial = next(row for row in attributions if row.polarity == "deny")
    assert "Korva dam" in denial.content_text


def test_an_ingest_commits_without_waiting_for_the_disk_and_a_reader_is_untouched(
    store_url: str, store: Store
) -> None:
    # Each article stays one atomic transaction; only the wait for the disk at each commit
    # goes (SQLite WAL synchronous=NORMAL, PostgreSQL synchronous_commit=off for the
    # ingest's own connections). A store opened for reading keeps the server's default.
    postgres = store.engine.dialect.name == "postgresql"
    query = "SHOW synchronous_commit" if postgres else "PRAGMA synchronous"
    with store.engine.connect() as connection:
        setting = connection.execute(text(query)).scalar()
    assert setting == ("off" if postgres else 1)
    if postgres:
        reader = Store.open(store_url)
        try:
            with reader.engine.connect() as connection:
                assert connection.execute(text(query)).scalar() == "on"
        finally:
            reader.close()


def test_text_longer_than_its_column_is_cut_to_fit_not_refused(
    store: Store, analyzer: Analyzer
) -> None:
    # A speaker's role is free text from the article; PostgreSQL refuses a value longer than
    # its column where SQLite keeps it whole, so the writer cuts it to fit on both.
    analysis = analyzer.analyze(DAM_REPORT, "2025-05-03")
    long_role = "spokesman " * 40
    entities = tuple(
        replace(entity, role=long_role) if entity.role else entity for entity in analysis.entities
    )
    stored = StoreWriter(store).write(replace(analysis, entities=entities), Place("long.txt"))
    assert stored.outcome == "new"
    with store.transaction() as session:
        roles = [row.role for row in session.scalars(select(EntityRow)) if row.role]
    limit = EntityRow.__table__.c.role.type.length
    assert roles and all(role == long_role[:limit] for role in roles)
