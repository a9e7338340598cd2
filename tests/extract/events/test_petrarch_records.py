"""Validation record reader: codings, flags, options and errors."""

from __future__ import annotations

import datetime

import pytest

from rashomon.errors import InputError
from rashomon.extract.events.petrarch import ExpectedEvent, parse_records

RECORDS = """\
<Validation>
<!-- a comment -->
<Environment><Config option="stop_on_error" value="True"></Config></Environment>
<Sentences>
<Sentence date="19950101" id="T-01" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="GON" eventcode="223"></EventCoding>
<Text>
Arnor restored ties
with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20080801" id ="T-02"  category="ERROR" sentence="false">
<EventCoding noevents = "True"></EventCoding>
<EventCoding error="dateline"></EventCoding>
<Text>Nothing here.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_records_fields_and_expected_events() -> None:
    first, second = parse_records(RECORDS)
    assert first.id == "T-01" and first.category == "DEMO"
    assert first.date == datetime.date(1995, 1, 1)
    assert first.sentence_text == "Arnor restored ties with Gondor."
    assert first.expected == (
        ExpectedEvent("ARN", "GON", "064"),
        ExpectedEvent('"INJURY TOLL"', "GON", "223"),
    )
    assert first.parse.startswith("(ROOT") and first.flags == frozenset()
    assert second.expected == () and second.parse == ""
    assert second.flags == frozenset({"skip", "noevents", "error"})
    assert second.expected_error == "dateline"


def test_records_carry_the_options_in_force() -> None:
    first, second = parse_records(RECORDS)
    assert dict(first.options) == {"stop_on_error": "True"}
    assert dict(second.options) == {"stop_on_error": "True", "require_dyad": "false"}


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('date="19950101"', 'date="1995-01-01"', "YYYYMMDD"),
        ('eventcode="064"', "", "eventcode"),
        ("<Text>Nothing here.</Text>", "", "without <Text>"),
        ("</Validation>", "", "not valid XML"),
    ],
)
def test_records_malformed_raise_input_error(old: str, new: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_records(RECORDS.replace(old, new), source="test.xml")
