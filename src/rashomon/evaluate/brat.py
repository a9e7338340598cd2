"""Read gold attributions from BRAT standoff files laid out like PolNeAR.

A corpus folder holds ``text/<stem>.txt`` (the article) and ``attributions/<stem>.ann`` (its
annotations), and ``metadata.tsv`` (columns ``filename``, ``publisher``, …) sits in the folder or
one level up. In an ``.ann`` file:

* ``T12<TAB>Source 89 106<TAB>The New York Post`` marks a span; a discontinuous span lists its
  fragments as ``s e;s e``, and its text may run over several lines, so a line that starts with
  no annotation id continues the text of the annotation before it;
* ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`` ties the roles together
  (``Attribution-no-source`` when the text names nobody, ``Content2`` for a second content span);
* ``Discuss``/``Discard`` spans, ``#`` notes and ``A``/``R``/``M``/``N`` lines are not
  attributions and are skipped.

Offsets are kept exactly as the files give them, so the article text is read with
``newline=""``: translating line endings would shift every offset after the first ``\\r\\n``.
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import InputError

__all__ = [
    "GoldAttribution",
    "GoldDocument",
    "Offsets",
    "read_annotations",
    "read_corpus",
    "read_document",
    "read_publishers",
]

logger = logging.getLogger(__name__)

Offsets = tuple[tuple[int, int], ...]
"""A span as its fragments, each a ``(start, end)`` pair of character offsets."""

# An annotation line starts with an id: T (text-bound), E (event), A/M (attribute), R
# (relation), N (normalisation), # (note), * (equivalence). Anything else continues the text
# of a multi-line span, e.g. a quote that runs over a paragraph break.
_ANNOTATION_ID = re.compile(r"^(?:[TEARMN]\d+|#\d*|\*)\t")
_OFFSETS = re.compile(r"^\d+ \d+(?:;\d+ \d+)*$")
_ROLE_SUFFIX = re.compile(r"\d+$")
_ROLES = ("Source", "Cue", "Content")


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated act of saying, as character offsets into the document text.

    ``source`` is empty when the annotators found nobody named (``Attribution-no-source``).
    Fragments are sorted by start, so two attributions with the same spans compare equal.
    """

    source: Offsets
    cue: Offsets
    content: Offsets


@dataclass(frozen=True)
class GoldDocument:
    """One annotated article: its id (the file stem), text, attributions and publisher."""

    id: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    publisher: str | None = None


@dataclass
class _TextBound:
    """A ``T`` line while the file is being read (its text may still grow)."""

    label: str
    fragments: Offsets
    line: int


def _parse_offsets(field: str, where: str) -> Offsets:
    """Parse ``"s e;s e"`` into sorted fragments, refusing anything else."""
    if not _OFFSETS.match(field):
        raise InputError(f"bad offsets {field!r} (expected 'start end[;start end]')", where=where)
    fragments = []
    for piece in field.split(";"):
        start, end = (int(number) for number in piece.split(" "))
        if end < start:
            raise InputError(f"fragment {piece!r} ends before it starts", where=where)
        fragments.append((start, end))
    return tuple(sorted(fragments))


def _parse_text_bound(line: str, where: str, number: int) -> tuple[str, _TextBound]:
    """Parse ``T12<TAB>Label s e[;s e]<TAB>text`` into its id and annotation."""
    parts = line.split("\t", 2)
    if len(parts) < 2 or " " not in parts[1]:
        raise InputError("text-bound annotation needs 'label start end'", where=where)
    label, offsets = parts[1].split(" ", 1)
    return parts[0], _TextBound(label, _parse_offsets(offsets.strip(), where), number)


def _parse_event(line: str, where: str) -> tuple[str, list[tuple[str, str]]]:
    """Parse ``E1<TAB>Type:T4 Role:T3 …`` into its trigger type and ``(role, id)`` pairs."""
    parts = line.split("\t")
    arguments = []
    for item in parts[1].split() if len(parts) > 1 else []:
        role, separator, target = item.partition(":")
        if not separator or not role or not target:
            raise InputError(f"bad event argument {item!r} (expected 'Role:T1')", where=where)
        arguments.append((role, target))
    if not arguments:
        raise InputError("event line has no arguments", where=where)
    return arguments[0][0], arguments[1:]


def read_annotations(path: Path, text: str | None = None) -> tuple[GoldAttribution, ...]:
    """Read the attributions of one ``.ann`` file.

    Args:
        path: The BRAT standoff file.
        text: The document text; when given, every offset is checked against its length.

    Returns:
        One ``GoldAttribution`` per ``Attribution``/``Attribution-no-source`` event that has a
        cue and a content, in file order. Events without them are incomplete annotations (the
        annotator never finished them) and are skipped with a debug message.

    Raises:
        InputError: The file cannot be read, or a line is malformed (the error names
            ``file:line``).
    """
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read annotations: {error}", where=str(path)) from error
    spans: dict[str, _TextBound] = {}
    events: list[tuple[str, list[tuple[str, str]], str]] = []
    previous: str | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        where = f"{path}:{number}"
        if not _ANNOTATION_ID.match(line):
            # A continuation of a multi-line span text (or of a note): only a span or a note
            # has free text that can run on, so after anything else the line is malformed.
            if line.strip() and previous not in ("T", "#"):
                raise InputError(
                    f"line does not start with an annotation id: {line[:40]!r}", where=where
                )
            continue
        kind = previous = line[0]
        if kind == "T":
            identifier, span = _parse_text_bound(line, where, number)
            if text is not None and any(end > len(text) for _, end in span.fragments):
                raise InputError(f"offsets run past the end of the text ({len(text)})", where=where)
            spans[identifier] = span
        elif kind == "E":
            trigger, arguments = _parse_event(line, where)
            events.append((trigger, arguments, where))
    return tuple(
        _resolve(trigger, arguments, spans, where)
        for trigger, arguments, where in events
        if _is_attribution(trigger, arguments, where)
    )


def _is_attribution(trigger: str, arguments: list[tuple[str, str]], where: str) -> bool:
    """Whether an event is a complete attribution (trigger, a cue and a content)."""
    if not trigger.startswith("Attribution"):
        return False
    roles = {_ROLE_SUFFIX.sub("", role) for role, _ in arguments}
    if "Cue" not in roles or "Content" not in roles:
        logger.debug("%s: attribution without cue or content skipped", where)
        return False
    return True


def _resolve(
    trigger: str, arguments: list[tuple[str, str]], spans: dict[str, _TextBound], where: str
) -> GoldAttribution:
    """Turn an event's role arguments into a ``GoldAttribution`` (``Content2`` joins Content)."""
    fragments: dict[str, list[tuple[int, int]]] = {role: [] for role in _ROLES}
    for role, target in arguments:
        name = _ROLE_SUFFIX.sub("", role)
        if name not in fragments:
            logger.debug("%s: role %r of %s ignored", where, role, trigger)
            continue
        if target not in spans:
            raise InputError(f"{role} refers to {target}, which is not defined", where=where)
        fragments[name].extend(spans[target].fragments)
    return GoldAttribution(
        source=tuple(sorted(set(fragments["Source"]))),
        cue=tuple(sorted(set(fragments["Cue"]))),
        content=tuple(sorted(set(fragments["Content"]))),
    )


def read_document(text_path: Path, ann_path: Path, publisher: str | None = None) -> GoldDocument:
    """Read one article and its annotations into a ``GoldDocument`` (id = the file stem).

    Raises:
        InputError: Either file cannot be read or is malformed.
    """
    try:
        with text_path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read text: {error}", where=str(text_path)) from error
    attributions = read_annotations(ann_path, text)
    return GoldDocument(text_path.stem, text, attributions, publisher)


def read_publishers(path: Path) -> dict[str, str]:
    """Map each file stem to its publisher, from a PolNeAR ``metadata.tsv``.

    Raises:
        InputError: The file cannot be read or lacks the ``filename``/``publisher`` columns.
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(f"cannot read metadata: {error}", where=str(path)) from error
    if rows and not {"filename", "publisher"} <= set(rows[0]):
        raise InputError("metadata needs 'filename' and 'publisher' columns", where=str(path))
    return {row["filename"]: row["publisher"] for row in rows if row["filename"]}


def read_corpus(folder: Path) -> list[GoldDocument]:
    """Read every annotated article of a corpus folder, sorted by id.

    The folder holds ``text/*.txt`` and ``attributions/*.ann`` (PolNeAR's layout); a folder
    with both kinds of file side by side works too. Publishers come from ``metadata.tsv`` in the
    folder or its parent, when there is one, because PolNeAR keeps one file for all splits.

    Raises:
        InputError: The folder has no texts, a text has no ``.ann`` file, or a file is bad.
    """
    text_folder = folder / "text" if (folder / "text").is_dir() else folder
    ann_folder = folder / "attributions" if (folder / "attributions").is_dir() else folder
    text_paths = sorted(text_folder.glob("*.txt"))
    if not text_paths:
        raise InputError("no text/*.txt files: not a BRAT corpus folder", where=str(folder))
    publishers: dict[str, str] = {}
    for candidate in (folder / "metadata.tsv", folder.parent / "metadata.tsv"):
        if candidate.is_file():
            publishers = read_publishers(candidate)
            break
    documents = []
    for text_path in text_paths:
        ann_path = ann_folder / f"{text_path.stem}.ann"
        if not ann_path.is_file():
            raise InputError(f"no annotation file {ann_path.name}", where=str(text_path))
        documents.append(read_document(text_path, ann_path, publishers.get(text_path.stem)))
    logger.info("read %d documents from %s", len(documents), folder)
    return documents
