"""Read PETRARCH validation records: sentences with the events they should yield.

The unit-test file is XML. Each ``<Sentence>`` carries an id, a category, a
date (``YYYYMMDD``) and ``sentence="true"`` (``"false"`` marks a record that
PETRARCH skips: a feature it never implemented). Inside are the expected
codings, the text and a Penn Treebank parse::

    <Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
    <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
    <Text>Arnor is about to restore full diplomatic ties with Gondor ...</Text>
    <Parse>(ROOT (S ...))</Parse>
    </Sentence>

``<EventCoding noevents="True">`` says no event may be coded and
``<EventCoding error="...">`` that the record must be rejected. ``<Config>``
elements between sentences change a coding option for the records after them,
so each record carries the options in force when it was read.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import InputError

__all__ = ["ExpectedEvent", "ValidationRecord", "parse_records", "read_records"]


@dataclass(frozen=True)
class ExpectedEvent:
    """An event a record should yield.

    Attributes:
        source: The source actor code, or a quoted noun phrase (``'"INJURY
            TOLL"'``) when the test expects an actor found outside the dictionary.
        target: The target, in the same form.
        code: The CAMEO event code.
    """

    source: str
    target: str
    code: str


@dataclass(frozen=True)
class ValidationRecord:
    """One validation sentence.

    Attributes:
        id: The record id, e.g. ``DEMO-00``.
        category: The feature under test, e.g. ``SYNSET``.
        sentence_text: The text, with its line breaks folded into blanks.
        date: The story date.
        expected: Events that must be coded; empty for the flagged cases.
        parse: The Treebank parse as given; kept for reference, not used.
        skip: True for ``sentence="false"``: PETRARCH does not run the record.
        expects_no_events: True when the record must yield no event.
        expected_error: The error the record must raise (``dateline``,
            ``bad_input_parse``, ``storydiscard`` ...), or None.
        options: Coding options set by ``<Config>`` elements read so far.
    """

    id: str
    category: str
    sentence_text: str
    date: datetime.date
    expected: tuple[ExpectedEvent, ...]
    parse: str
    skip: bool = False
    expects_no_events: bool = False
    expected_error: str | None = None
    options: tuple[tuple[str, str], ...] = ()

    @property
    def flags(self) -> frozenset[str]:
        """The record's markers as names: ``skip``, ``noevents``, ``error``."""
        names = {
            "skip": self.skip,
            "noevents": self.expects_no_events,
            "error": self.expected_error is not None,
        }
        return frozenset(name for name, is_set in names.items() if is_set)


def read_records(path: Path) -> list[ValidationRecord]:
    """Read every ``<Sentence>`` of a validation file, in file order.

    Raises:
        InputError: The file cannot be read, is not XML, or has a record with
            a missing id, date or text, or an incomplete ``<EventCoding>``.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise InputError(f"cannot read records ({error.strerror})", where=str(path)) from error
    return parse_records(text, source=str(path))


def parse_records(text: str, *, source: str = "<string>") -> list[ValidationRecord]:
    """Parse validation XML (see the module docstring for the structure).

    Args:
        text: The XML document.
        source: Name used in error messages.

    Returns:
        The records in file order.

    Raises:
        InputError: Not XML, or a record is incomplete.
    """
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise InputError(f"not valid XML: {error}", where=source) from error
    options: dict[str, str] = {}
    records: list[ValidationRecord] = []
    # Document order matters: a <Config> applies to the sentences after it.
    for element in root.iter():
        if element.tag == "Config":
            name, value = element.get("option"), element.get("value")
            if name and value is not None:
                options[name] = value
        elif element.tag == "Sentence":
            records.append(_parse_sentence(element, source, tuple(options.items())))
    return records


def _parse_sentence(
    element: ElementTree.Element, source: str, options: tuple[tuple[str, str], ...]
) -> ValidationRecord:
    """Turn one ``<Sentence>`` element into a record."""
    record_id = (element.get("id") or "").strip()
    where = f"{source}:{record_id or '<no id>'}"
    if not record_id:
        raise InputError("<Sentence> without an id", where=where)
    date = _parse_date(element.get("date") or "", where)
    text_element = element.find("Text")
    if text_element is None or not (text_element.text or "").strip():
        raise InputError("<Sentence> without <Text>", where=where)
    parse_element = element.find("Parse")
    expected: list[ExpectedEvent] = []
    expects_no_events = False
    expected_error: str | None = None
    for coding in element.findall("EventCoding"):
        if coding.get("noevents") is not None:
            expects_no_events = coding.get("noevents", "").strip().lower() == "true"
        elif coding.get("error") is not None:
            expected_error = coding.get("error", "").strip()
        else:
            expected.append(_parse_event(coding, where))
    return ValidationRecord(
        id=record_id,
        category=(element.get("category") or "").strip(),
        sentence_text=" ".join((text_element.text or "").split()),
        date=date,
        expected=tuple(expected),
        parse=(parse_element.text or "").strip() if parse_element is not None else "",
        skip=(element.get("sentence") or "true").strip().lower() == "false",
        expects_no_events=expects_no_events,
        expected_error=expected_error,
        options=options,
    )


def _parse_event(coding: ElementTree.Element, where: str) -> ExpectedEvent:
    """Read the three codes of an ``<EventCoding>``."""
    values = [coding.get(name) for name in ("sourcecode", "targetcode", "eventcode")]
    source, target, code = (value.strip() if value else "" for value in values)
    if not (source and target and code):
        raise InputError("<EventCoding> needs sourcecode, targetcode and eventcode", where=where)
    return ExpectedEvent(source, target, code)


def _parse_date(text: str, where: str) -> datetime.date:
    """Read a ``YYYYMMDD`` record date."""
    value = text.strip()
    try:
        if len(value) != 8 or not value.isdigit():
            raise ValueError(value)
        return datetime.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError as error:
        raise InputError(f"date {value!r} is not YYYYMMDD", where=where) from error
